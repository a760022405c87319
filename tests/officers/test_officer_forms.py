"""Creating and editing officers: good input is stored, bad input is refused on the field."""

import datetime
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from officers.models import Officer
from tests import factories
from tests.factories import image_upload
from tests.querycount import queries_for


def officer_data(station, /, **overrides):
    data = {
        "surname": "Коваленко",
        "name": "Олег",
        "patronymic": "Іванович",
        "badge_number": "0001002",
        "rank": Officer.Rank.SERGEANT,
        "phone": "+380670001002",
        "station": station.pk,
        "villages": [station.village.pk],
        "service_start": "2021-10-19",
        "status": Officer.Status.ACTIVE,
    }
    data.update(overrides)
    return data


def test_an_officer_is_created_with_a_photo(staff, station, settings):
    photo = image_upload("me.png", fmt="PNG", size=(1200, 1600))

    response = staff.post(reverse("officers:officer_create"), officer_data(station, photo=photo))

    officer = Officer.objects.get(badge_number="0001002")
    assert response["Location"] == officer.get_absolute_url()
    assert list(officer.villages.all()) == [station.village]
    assert officer.photo.name.endswith(".jpg")
    assert "me" not in officer.photo.name
    assert (settings.MEDIA_ROOT / officer.photo_thumbnail.name).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"surname": ""}, "surname"),
        ({"surname": "Я" * 101}, "surname"),
        ({"badge_number": ""}, "badge_number"),
        ({"rank": "general"}, "rank"),
        ({"service_start": "19.10.2021x"}, "service_start"),
        ({"service_start": "2021-02-30"}, "service_start"),
        ({"status": "left"}, "status"),
        ({"station": "abc"}, "station"),
        ({"photo": SimpleUploadedFile("a.jpg", b"GIF89a....", content_type="image/jpeg")}, "photo"),
    ],
)
def test_bad_officer_input_is_refused_on_the_field(staff, station, overrides, field, settings):
    response = staff.post(reverse("officers:officer_create"), officer_data(station, **overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Officer.objects.exists()
    assert not (settings.MEDIA_ROOT / "officers").exists()


def test_a_duplicate_badge_number_is_refused(staff, station, officer):
    response = staff.post(
        reverse("officers:officer_create"),
        officer_data(station, badge_number=officer.badge_number.lower()),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["badge_number"] == [
        "Інший офіцер уже має цей номер жетона."
    ]
    assert Officer.objects.count() == 1


def test_service_cannot_start_in_the_future(staff, station):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = staff.post(
        reverse("officers:officer_create"), officer_data(station, service_start=tomorrow)
    )

    assert "service_start" in response.context["form"].errors


def test_villages_must_be_in_the_community_of_the_station(staff, station, other_station):
    response = staff.post(
        reverse("officers:officer_create"),
        officer_data(station, villages=[other_station.village.pk]),
    )

    assert "villages" in response.context["form"].errors
    assert not Officer.objects.exists()


def test_an_officer_is_edited_and_the_change_is_in_the_history(staff, station, officer):
    data = officer_data(station, badge_number=officer.badge_number, rank=Officer.Rank.LIEUTENANT)

    staff.post(reverse("officers:officer_update", args=[officer.pk]), data)
    content = staff.get(officer.get_absolute_url()).content.decode()

    officer.refresh_from_db()
    assert officer.rank == Officer.Rank.LIEUTENANT
    assert "→ Лейтенант поліції" in content


def test_an_officer_cannot_edit_even_their_own_record(client, officer_user, officer, station):
    client.force_login(officer_user)

    response = client.post(
        reverse("officers:officer_update", args=[officer.pk]),
        officer_data(station, badge_number="HACKED"),
    )

    officer.refresh_from_db()
    assert response.status_code == 403
    assert officer.badge_number != "HACKED"


def test_staff_cannot_reach_an_officer_record_by_a_made_up_id(staff):
    assert staff.get(reverse("officers:officer_update", args=[999999])).status_code == 404


def test_the_officer_page_shows_what_the_issue_promises(client, officer_user, officer):
    factories.make_training(officer, course="Курс у Харкові", place="Харків")
    client.force_login(officer_user)

    content = client.get(officer.get_absolute_url()).content.decode()

    for shown in (
        officer.full_name,
        officer.badge_number,
        officer.station.name,
        officer.villages.get().name,
        "Курс у Харкові",
        "19 жовтня 2021",
    ):
        assert shown in content


def test_a_change_of_villages_is_in_the_history(staff, station, officer, second_village):
    data = officer_data(station, badge_number=officer.badge_number, villages=[second_village.pk])

    staff.post(reverse("officers:officer_update", args=[officer.pk]), data)
    content = staff.get(officer.get_absolute_url()).content.decode()

    assert "Села відповідальності:</span> Старий Крим → Виноградне" in content


def test_a_move_to_another_station_is_in_the_history_by_name(staff, station, officer):
    elsewhere = factories.make_station(factories.make_village(station.village.community))
    data = officer_data(elsewhere, badge_number=officer.badge_number, villages=[])

    staff.post(reverse("officers:officer_update", args=[officer.pk]), data)
    content = unescape(staff.get(officer.get_absolute_url()).content.decode())

    assert f"Станція:</span> {station.name} → {elsewhere.name}" in content


def test_the_officer_page_makes_a_fixed_number_of_queries(staff, station, officer):
    factories.make_training(officer)
    few = queries_for(staff, officer.get_absolute_url())
    for number in range(30):
        factories.make_training(officer, course=f"Курс {number}")
        officer.phone = f"+38067{number:07d}"
        officer.save()
    many = queries_for(staff, officer.get_absolute_url())

    assert few == many


def test_creating_an_officer_with_villages_is_one_history_entry(staff, station):
    staff.post(reverse("officers:officer_create"), officer_data(station))
    officer = Officer.objects.get()

    response = staff.get(officer.get_absolute_url())

    assert [entry.kind for entry in response.context["history"]] == ["Створено"]
    assert response.context["history"][0].who.username == "staff"
