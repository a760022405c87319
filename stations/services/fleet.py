"""The vehicle logbook: every refuelling and service also records the odometer."""

import datetime
from decimal import Decimal
from typing import TypedDict, Unpack

from django.db import transaction

from stations.models import FuelRecord, MaintenanceRecord, OdometerReading, Vehicle
from stations.models.fleet import noon_of


@transaction.atomic
def odometer_reading_add(
    *, vehicle: Vehicle, read_at: datetime.datetime, km: int, user, source: str = "manual"
) -> OdometerReading:
    vehicle.check_odometer(km, read_at)
    return OdometerReading.objects.create(
        vehicle=vehicle, read_at=read_at, km=km, source=source, recorded_by=user
    )


class Refuelling(TypedDict):
    filled_at: datetime.datetime
    litres: Decimal
    cost_uah: Decimal
    odometer_km: int


class Service(TypedDict):
    done_on: datetime.date
    work: str
    cost_uah: Decimal
    odometer_km: int
    next_due_on: datetime.date | None
    next_due_km: int | None


def _logbook_entry(model, *, vehicle: Vehicle, user, read_at, source: str, **fields):
    """The entry, and the odometer reading it records (checked against the others)."""
    odometer_reading_add(
        vehicle=vehicle, read_at=read_at, km=fields["odometer_km"], user=user, source=source
    )
    return model.objects.create(vehicle=vehicle, recorded_by=user, **fields)


@transaction.atomic
def fuel_record_add(*, vehicle: Vehicle, user, **refuelling: Unpack[Refuelling]) -> FuelRecord:
    return _logbook_entry(
        FuelRecord,
        vehicle=vehicle,
        user=user,
        read_at=refuelling["filled_at"],
        source="fuel",
        **refuelling,
    )


@transaction.atomic
def maintenance_record_add(
    *, vehicle: Vehicle, user, **service: Unpack[Service]
) -> MaintenanceRecord:
    return _logbook_entry(
        MaintenanceRecord,
        vehicle=vehicle,
        user=user,
        read_at=noon_of(service["done_on"]),
        source="maintenance",
        **service,
    )
