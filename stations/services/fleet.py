"""The vehicle logbook: every refuelling and service also records the odometer."""

import datetime
from decimal import Decimal

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


@transaction.atomic
def fuel_record_add(
    *,
    vehicle: Vehicle,
    filled_at: datetime.datetime,
    litres: Decimal,
    cost_uah: Decimal,
    odometer_km: int,
    user,
) -> FuelRecord:
    odometer_reading_add(
        vehicle=vehicle, read_at=filled_at, km=odometer_km, user=user, source="fuel"
    )
    return FuelRecord.objects.create(
        vehicle=vehicle,
        filled_at=filled_at,
        litres=litres,
        cost_uah=cost_uah,
        odometer_km=odometer_km,
        recorded_by=user,
    )


@transaction.atomic
def maintenance_record_add(
    *,
    vehicle: Vehicle,
    done_on: datetime.date,
    work: str,
    cost_uah: Decimal,
    odometer_km: int,
    next_due_on: datetime.date | None,
    next_due_km: int | None,
    user,
) -> MaintenanceRecord:
    odometer_reading_add(
        vehicle=vehicle, read_at=noon_of(done_on), km=odometer_km, user=user, source="maintenance"
    )
    return MaintenanceRecord.objects.create(
        vehicle=vehicle,
        done_on=done_on,
        work=work,
        cost_uah=cost_uah,
        odometer_km=odometer_km,
        next_due_on=next_due_on,
        next_due_km=next_due_km,
        recorded_by=user,
    )
