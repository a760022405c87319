"""Police districts: an officer's villages and residents against the limit of Order 650."""

import csv
import io

import pytest
from django.urls import reverse

from stations.models import Village
from tests import factories


@pytest.fixture
def district(officer, village, community, station):
    """Тимофєєв answers for two villages of 3,500 and 2,500 residents: 6,000, the limit."""
    village.population = 3500
    village.save()
    second = factories.make_village(community, name="Виноградне", population=2500, station=station)
    officer.villages.set([village, second])
    return officer


def district_page(client, officer):
    return client.get(reverse("officers:district_detail", args=[officer.pk]))


def test_a_district_at_the_rural_limit_is_not_flagged(staff, district):
    page = district_page(staff, district).content.decode()

    assert "6\xa0000" in page  # residents and the limit, in Ukrainian figures
    assert "понад межу" not in page


def test_one_resident_over_the_rural_limit_is_flagged(staff, district, village):
    village.population = 3501
    village.save()

    page = district_page(staff, district).content.decode()

    assert "6\xa0001 мешканців: понад межу 6\xa0000" in page


def test_a_district_with_a_city_counts_against_the_towns_limit(staff, district, village):
    village.kind = Village.Kind.CITY
    village.population = 4500  # 7,000 in all: at the towns' limit, over the countryside's
    village.save()

    page = district_page(staff, district).content.decode()

    assert "Межа в місті" in page
    assert "понад межу" not in page


def test_a_village_served_by_two_officers_counts_half_in_each_district(
    staff, district, village, station
):
    village.population = 7000  # with Виноградне's 2,500: 9,500, or 6,000 with half of it
    village.save()
    factories.make_officer(station, surname="Ткаченко").villages.add(village)

    page = district_page(staff, district).content.decode()

    assert "3\xa0500 у цій дільниці (обслуговують 2 офіцери)" in page
    assert "понад межу" not in page


def test_villages_without_a_population_are_said_not_counted(staff, district, village):
    village.population = None
    village.save()

    page = district_page(staff, district).content.decode()

    assert "Населення 1 населеного пункту невідоме" in page
    assert "2\xa0500" in page


def test_the_page_shows_the_station_reception_and_every_officer_of_the_villages(
    staff, district, station, village
):
    station.address = "вул. Центральна, 1"
    station.reception_hours = "Пн, Ср 9:00–12:00\nПт 14:00–17:00"
    station.save()
    colleague = factories.make_officer(station, surname="Ткаченко", phone="+380501112233")
    colleague.villages.add(village)
    factories.make_officer(station, surname="Непричетний")  # serves none of the villages

    page = district_page(staff, district).content.decode()

    assert "вул. Центральна, 1" in page
    assert "Пн, Ср 9:00–12:00<br>Пт 14:00–17:00" in page
    assert "Ткаченко" in page
    assert "+380501112233" in page
    assert "Непричетний" not in page


def test_an_officer_without_villages_is_told_how_a_district_is_made(staff, officer):
    officer.villages.clear()

    page = district_page(staff, officer).content.decode()

    assert "обираючи села відповідальності" in page


def test_the_list_filters_districts_over_the_limit(staff, district, station, village):
    over = factories.make_officer(station, surname="Перевантажений")
    over.villages.add(factories.make_village(station.village.community, population=6100))

    page = staff.get(reverse("officers:district_list"), {"over": "true"}).content.decode()

    assert "Перевантажений" in page
    assert "Тимофєєв" not in page


def test_the_list_sorts_by_population_and_leaves_out_who_left(staff, district, station):
    small = factories.make_officer(station, surname="Малий")
    small.villages.add(factories.make_village(station.village.community, population=10))
    factories.make_officer(station, surname="Звільнений", status="left", left_on="2022-02-01")

    page = staff.get(reverse("officers:district_list"), {"ordering": "population"}).content
    text = page.decode()

    assert text.index("Малий") < text.index("Тимофєєв")
    assert "Звільнений" not in text


def test_the_export_carries_each_district_figures(staff, district, village):
    village.population = 4000
    village.save()

    response = staff.get(reverse("officers:district_list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))

    header, row = rows[0], next(r for r in rows if "Тимофєєв" in r[0])
    assert header[-3:] == ["Населення", "Межа", "Понад межу"]
    assert row[-3:] == ["6500", "6000", "Так"]


def test_an_officer_sees_a_district_of_another_station_as_missing(
    client, officer_user, other_officer
):
    client.force_login(officer_user)

    assert district_page(client, other_officer).status_code == 404


@pytest.mark.parametrize(
    ("who", "shown"), [("staff_user", True), ("supervisor_user", True), ("officer_user", False)]
)
def test_the_home_page_tells_staff_and_supervisors_of_districts_over_the_limit(
    client, request, district, village, who, shown
):
    village.population = 9000
    village.save()
    client.force_login(request.getfixturevalue(who))

    page = client.get(reverse("home")).content.decode()

    assert ("1 поліцейська дільниця має більше мешканців" in page) is shown
