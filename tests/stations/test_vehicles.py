"""Vehicles: one spelling for every plate, valid VINs, an odometer that never goes back."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from stations import selectors, services
from stations.models import FuelRecord, OdometerReading, Vehicle
from stations.plates import normalize_plate
from tests import factories


def vehicle_data(station, /, **overrides):
    data = {
        "plate": "АЕ 1234 КР",
        "vin": "VF1HSRCK6M0000001",
        "make": "Renault",
        "model": "Duster",
        "year": "2021",
        "colour": "білий",
        "station": station.pk,
        "status": "in_service",
        "acquired_on": "2022-01-10",
        "funded_by": "Міський бюджет",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("typed", ["АЕ1234КР", "AE1234KP", "ae 1234 kp", "Ae-1234-Kр", "AЕ1234KР"])
def test_every_spelling_of_a_plate_is_the_same_plate(typed):
    assert normalize_plate(typed) == "АЕ1234КР"


def test_a_vehicle_is_stored_in_one_spelling(staff, station):
    staff.post(reverse("stations:vehicle_create"), vehicle_data(station, plate="ae 1234 kp"))

    assert Vehicle.objects.get().plate == "АЕ1234КР"


def test_a_latin_spelling_of_a_registered_plate_collides(staff, station):
    factories.make_vehicle(station, plate="АЕ1234КР")

    response = staff.post(
        reverse("stations:vehicle_create"), vehicle_data(station, plate="AE1234KP")
    )

    assert response.status_code == 200
    assert "plate" in response.context["form"].errors
    assert Vehicle.objects.count() == 1


@pytest.mark.parametrize("plate", ["", "АЕ12345КР", "ЖЖ1234ЖЖ", "1234АЕКР", "A"])
def test_a_malformed_plate_is_refused(staff, station, plate):
    response = staff.post(reverse("stations:vehicle_create"), vehicle_data(station, plate=plate))

    assert "plate" in response.context["form"].errors
    assert not Vehicle.objects.exists()


@pytest.mark.parametrize(
    "vin",
    [
        "VF1HSRCK6M000000",
        "VF1HSRCK6M00000011",
        "VF1HSRCK6M000000I",
        "VF1HSRCK6M000000O",
        "VF1HSRCK6M00000Q1",
    ],
)
def test_a_vin_that_is_not_17_valid_characters_is_refused(staff, station, vin):
    response = staff.post(reverse("stations:vehicle_create"), vehicle_data(station, vin=vin))

    assert "vin" in response.context["form"].errors
    assert not Vehicle.objects.exists()


def test_a_vin_is_stored_in_capitals(staff, station):
    staff.post(reverse("stations:vehicle_create"), vehicle_data(station, vin="vf1hsrck6m0000001"))

    assert Vehicle.objects.get().vin == "VF1HSRCK6M0000001"


@pytest.fixture
def car(station, staff_user):
    car = factories.make_vehicle(station)
    services.odometer_reading_add(
        vehicle=car, read_at=timezone.now() - datetime.timedelta(days=30), km=1000, user=staff_user
    )
    return car


def test_the_fuel_form_prefills_the_last_odometer(staff, car):
    response = staff.get(reverse("stations:vehicle_logbook_add", args=[car.pk, "fuel"]))

    assert response.context["form"]["odometer_km"].value() == 1000


def test_an_odometer_going_backwards_is_refused(staff, car):
    response = staff.post(
        reverse("stations:vehicle_logbook_add", args=[car.pk, "fuel"]),
        {
            "filled_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "litres": "40",
            "cost_uah": "1300",
            "odometer_km": "999",
        },
    )

    assert response.status_code == 200
    assert "Раніше одометр показував 1000 км" in response.content.decode()
    assert not FuelRecord.objects.exists()
    assert OdometerReading.objects.count() == 1


def test_a_refuelling_records_the_odometer(staff, car):
    staff.post(
        reverse("stations:vehicle_logbook_add", args=[car.pk, "fuel"]),
        {
            "filled_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "litres": "40",
            "cost_uah": "1300",
            "odometer_km": "1500",
        },
    )

    assert FuelRecord.objects.get().litres == Decimal("40")
    assert car.last_odometer() == 1500


def test_a_backdated_reading_above_a_later_one_is_refused(car, staff_user):
    with pytest.raises(Exception, match=r"пізніший показ|later reading|1000"):
        services.odometer_reading_add(
            vehicle=car,
            read_at=timezone.now() - datetime.timedelta(days=60),
            km=5000,
            user=staff_user,
        )


def test_fuel_per_100_km_by_month(station, staff_user):
    car = factories.make_vehicle(station)
    today = timezone.localdate()
    this_month = today.replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    at = lambda day: timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))  # noqa: E731
    services.odometer_reading_add(vehicle=car, read_at=at(last_month), km=1000, user=staff_user)
    services.fuel_record_add(
        vehicle=car,
        filled_at=at(this_month),
        litres=Decimal("40"),
        cost_uah=Decimal("1300"),
        odometer_km=1500,
        user=staff_user,
    )

    months = selectors.fuel_by_month(car)

    assert [m.month for m in months[-2:]] == [last_month, this_month]
    assert months[-1].litres == Decimal("40")
    assert months[-1].km == 500
    assert months[-1].per_100km == Decimal("8.0")
    assert months[-2].km is None  # nothing before it to measure from


def test_maintenance_due_is_shown_on_the_vehicle(staff, car, staff_user):
    services.maintenance_record_add(
        vehicle=car,
        done_on=timezone.localdate() - datetime.timedelta(days=1),
        work="Заміна оливи",
        cost_uah=Decimal("2500"),
        odometer_km=1100,
        next_due_on=timezone.localdate() + datetime.timedelta(days=10),
        next_due_km=None,
        user=staff_user,
    )

    content = staff.get(car.get_absolute_url()).content.decode()

    assert "Час для технічного обслуговування" in content
    assert "Заміна оливи" in content


def test_an_officer_cannot_write_the_logbook(client, officer_user, car):
    client.force_login(officer_user)

    response = client.post(
        reverse("stations:vehicle_logbook_add", args=[car.pk, "reading"]),
        {"read_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "km": "2000"},
    )

    assert response.status_code == 403
    assert car.last_odometer() == 1000


def test_an_unknown_logbook_entry_is_404(staff, car):
    assert staff.get(f"/vehicles/{car.pk}/nonsense/new/").status_code == 404


def test_a_plate_is_found_in_either_alphabet(staff, station):
    car = factories.make_vehicle(station, plate="АЕ1234КР")
    factories.make_vehicle(station, plate="АН0001ВО")

    response = staff.get(reverse("stations:vehicle_list"), {"q": "ae 1234"})

    assert list(response.context["object_list"]) == [car]


def test_the_vehicle_export_follows_the_filters(staff, station):
    import csv
    import io

    kept = factories.make_vehicle(station, status="in_repair")
    factories.make_vehicle(station)

    response = staff.get(reverse("stations:vehicle_list"), {"status": "in_repair", "export": "csv"})

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert response["Content-Disposition"].startswith('attachment; filename="vehicle-')
    assert [row[0] for row in rows[1:]] == [kept.plate]
