"""Monthly timesheets: the figures, the export, the query count."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from officers.models import Shift
from tests import factories
from tests.querycount import queries_for

KYIV = ZoneInfo("Europe/Kyiv")


def kyiv(*args):
    return datetime.datetime(*args, tzinfo=KYIV)


@pytest.fixture
def january(officer, station):
    """Two January shifts of Artem: a day and a night one (over midnight)."""
    car = factories.make_vehicle(station)
    day = factories.make_shift(
        officer, kyiv(2022, 1, 19, 8), hours=9, vehicle=car, odometer_start=100, odometer_end=160
    )
    day.villages.set([station.village])
    night = factories.make_shift(officer, kyiv(2022, 1, 20, 20), hours=12)
    night.villages.set([station.village])
    return [day, night]


def test_the_station_timesheet_counts_days_hours_nights_and_kilometres(
    client, supervisor_user, station, officer, january
):
    client.force_login(supervisor_user)

    response = client.get(
        reverse("officers:station_timesheet", args=[station.pk]), {"month": "2022-01"}
    )

    row = next(r for r in response.context["rows"] if r.officer == officer)
    assert row.day_count == 3  # 19th; 20th evening; 21st morning
    assert row.time == datetime.timedelta(hours=21)
    assert row.night == datetime.timedelta(hours=8)
    assert row.km == 60
    assert row.villages == [station.village.name]
    assert "21:00" in response.content.decode()


def test_the_officer_timesheet_splits_the_night_at_midnight(client, officer_user, officer, january):
    client.force_login(officer_user)

    response = client.get(
        reverse("officers:officer_timesheet", args=[officer.pk]), {"month": "2022-01"}
    )

    days = {d.day: d.time for d in response.context["row"].day_rows()}
    assert days[datetime.date(2022, 1, 20)] == datetime.timedelta(hours=4)
    assert days[datetime.date(2022, 1, 21)] == datetime.timedelta(hours=8)


def test_the_timesheet_exports_to_csv(client, staff_user, station, officer, january):
    client.force_login(staff_user)

    response = client.get(
        reverse("officers:station_timesheet", args=[station.pk]),
        {"month": "2022-01", "export": "csv"},
    )

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Офіцер", "Жетон", "Дні", "Години"]
    assert rows[1][2:6] == ["3", "21.0", "8.0", "60"]


def test_an_officer_sees_only_their_own_line(client, officer_user, officer, station, january):
    colleague = factories.make_officer(station, surname="Колега")
    factories.make_shift(colleague, kyiv(2022, 1, 10, 8))
    client.force_login(officer_user)

    response = client.get(
        reverse("officers:station_timesheet", args=[station.pk]), {"month": "2022-01"}
    )

    assert [r.officer for r in response.context["rows"]] == [officer]


def test_an_officer_cannot_open_a_colleagues_timesheet(client, officer_user, station):
    colleague = factories.make_officer(station)
    client.force_login(officer_user)

    response = client.get(reverse("officers:officer_timesheet", args=[colleague.pk]))

    assert response.status_code == 403


def grow_shifts(officer, count, start_day):
    for n in range(count):
        shift = factories.make_shift(
            officer, kyiv(2022, 1, 1, 8) + datetime.timedelta(days=start_day + n), hours=8
        )
        shift.villages.set([officer.station.village])


@pytest.mark.parametrize(
    "page", ["officers:station_timesheet", "officers:station_week", "officers:shift_list"]
)
def test_shift_pages_do_not_grow_in_queries(client, staff_user, station, officer, page):
    client.force_login(staff_user)
    args = [station.pk] if "station_" in page else []
    query = {"month": "2022-01", "week": "2022-01-17"} if args else {}
    url = reverse(page, args=args) + "?" + "&".join(f"{k}={v}" for k, v in query.items())

    grow_shifts(officer, 2, 15)
    with_few = queries_for(client, url)
    for n in range(5):
        colleague = factories.make_officer(station)
        grow_shifts(colleague, 6, n * 5)
    grow_shifts(officer, 10, 0)
    with_many = queries_for(client, url)

    assert Shift.objects.count() > 40
    assert with_few == with_many
