"""The shift knows the car: the one whose key the officer holds comes first and
chosen, the odometer is always asked for a car driven, and the timesheet's kilometres
are the car's logbook's."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from officers import services
from officers.models import Shift
from officers.timesheets import timesheet
from reports import aggregates
from stations.models import Vehicle
from tests import factories

H = datetime.timedelta(hours=1)


@pytest.fixture
def cars(station, officer_user, officer):
    """Three cars of the station at their last readings; the officer holds the keys of
    the one whose plate sorts last."""
    made = []
    for plate, km in (("АН0001ВО", 1000), ("АН0002ВО", 2000), ("АН0009ВО", 9000)):
        car = factories.make_vehicle(station, plate=plate)
        car.readings.create(read_at=timezone.now() - 48 * H, km=km)
        made.append(car)
    keys = factories.make_item(station, "vehicle_keys", vehicle=made[-1])
    factories.issue(officer, keys, occurred_at=timezone.now() - 24 * H)
    return made


def test_the_start_form_offers_the_held_car_first_and_chosen_with_its_reading(
    client, officer_user, cars
):
    client.force_login(officer_user)

    form = client.get(reverse("officers:shift_create")).context["form"]

    choices = [label for _value, label in form.fields["vehicle"].choices][1:]
    assert choices[0].startswith("АН 0009 ВО · Renault Duster · 9")  # 9 000 km
    assert [label[:10] for label in choices[1:]] == ["АН 0001 ВО", "АН 0002 ВО"]
    assert form.initial["vehicle"] == cars[-1].pk
    assert form.initial["odometer_start"] == 9000


def test_the_end_form_asks_the_odometer_of_the_held_car_after_a_one_tap_start(
    client, officer_user, officer, village, cars
):
    client.force_login(officer_user)
    client.post(reverse("officers:shift_create"))
    shift = Shift.objects.get()
    page = client.get(reverse("officers:shift_end", args=[shift.pk]))
    assert "АН 0009 ВО" in unescape(page.content.decode())

    client.post(
        reverse("officers:shift_end", args=[shift.pk]),
        {"villages": [village.pk], "summary": "Патруль", "odometer_end": "9064"},
    )

    shift.refresh_from_db()
    assert (shift.vehicle, shift.odometer_start, shift.kilometres) == (cars[-1], 9000, 64)
    assert cars[-1].last_odometer() == 9064


def test_villages_patrolled_start_with_those_of_the_shifts_incidents(
    client, officer_user, officer, village, second_village
):
    client.force_login(officer_user)
    client.post(reverse("officers:shift_create"))
    shift = Shift.objects.get()
    officer.villages.set([village])
    factories.make_incident(officer, "theft", village=second_village)  # in the open shift

    form = client.get(reverse("officers:shift_end", args=[shift.pk])).context["form"]

    assert set(form.fields["villages"].initial) == {village, second_village}


def test_the_timesheet_counts_the_kilometres_the_cars_logbook_counts(
    officer_user, officer, village, station
):
    car = factories.make_vehicle(station)
    month = datetime.date(2026, 11, 1)
    for start_km, end_km, day in ((9000, 9040, 10), (9040, 9107, 12)):
        started = datetime.datetime(2026, 11, day, 8, tzinfo=timezone.get_current_timezone())
        shift = services.shift_start(
            officer=officer, started_at=started, vehicle=car, odometer_start=start_km
        )
        services.shift_end(
            shift=shift,
            ended_at=started + 8 * H,
            villages=[village],
            summary="Патруль",
            odometer_end=end_km,
            user=officer_user,
        )

    timesheet_km = timesheet(month, [officer])[0].km
    [logbook] = aggregates.vehicle_costs(Vehicle.objects.filter(pk=car.pk), month)

    assert timesheet_km == 107
    assert logbook["km"] == timesheet_km


def test_each_car_on_the_start_form_carries_its_last_reading_for_the_odometer(
    client, officer_user, cars
):
    client.force_login(officer_user)

    page = client.get(reverse("officers:shift_create")).content.decode()

    for car, km in zip(cars, (1000, 2000, 9000), strict=True):
        option = re.search(rf'<option value="{car.pk}"[^>]*>', page).group()
        assert f'data-km="{km}"' in option
