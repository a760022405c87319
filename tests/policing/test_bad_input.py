"""Every registry form answers bad input with the form again, an error on the field,
and nothing stored."""

import pytest
from django.urls import reverse

from officers.models import Training
from stations.models import Community, Station

TOO_LONG = "Ж" * 301


def community_case(world):
    return (
        reverse("stations:community_create"),
        {"name": "Громада", "oblast": "Донецька", "memorandum_date": ""},
        Community,
    )


def station_case(world):
    return (
        reverse("stations:station_create"),
        {"name": "Станція", "village": world["village"].pk, "address": "", "phone": ""},
        Station,
    )


def training_case(world):
    return (
        reverse("officers:training_create", args=[world["officer"].pk]),
        {"course": "Курс", "started_on": "2021-08-02", "ended_on": ""},
        Training,
    )


CASES = [
    (community_case, "name", ""),
    (community_case, "name", TOO_LONG),
    (community_case, "oblast", ""),
    (community_case, "memorandum_date", "31.02.2021"),
    (station_case, "name", ""),
    (station_case, "address", TOO_LONG),
    (station_case, "phone", "0" * 31),
    (station_case, "opened_on", "вчора"),
    (station_case, "village", "999999"),
    (training_case, "course", ""),
    (training_case, "course", TOO_LONG),
    (training_case, "started_on", "2021-13-01"),
    (training_case, "ended_on", "soon"),
]


@pytest.mark.parametrize(
    ("case", "field", "value"), CASES, ids=[f"{c.__name__}-{f}-{len(v)}" for c, f, v in CASES]
)
def test_bad_input_is_refused_on_the_field(client, staff_user, officer, case, field, value):
    world = {"village": officer.station.village, "officer": officer}
    url, data, model = case(world)
    before = model.objects.count()
    client.force_login(staff_user)

    response = client.post(url, {**data, field: value})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert model.objects.count() == before


@pytest.mark.parametrize("case", [community_case, station_case, training_case])
def test_the_same_data_without_the_fault_is_stored(client, staff_user, officer, case):
    world = {"village": officer.station.village, "officer": officer}
    url, data, model = case(world)
    before = model.objects.count()
    client.force_login(staff_user)

    response = client.post(url, data)

    assert response.status_code == 302
    assert model.objects.count() == before + 1


def test_a_village_number_too_large_for_the_database_is_an_unknown_choice(
    staff_user, officer, station
):
    from officers.forms.people import OfficerForm

    form = OfficerForm(
        {"villages": ["99999999999999999999999999"], "station": station.pk},
        instance=officer,
        user=staff_user,
    )

    assert not form.is_valid()
    assert form.errors["villages"]
