"""Reads about vehicles and custody that pages and reports share."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, DateField, Max, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.months import add_months

from .models import (
    Custody,
    EquipmentItem,
    Handover,
    MaintenanceRecord,
    OdometerReading,
    Vehicle,
)


@dataclass
class MonthFuel:
    month: datetime.date
    litres: Decimal
    km: int | None

    @property
    def per_100km(self) -> Decimal | None:
        if not self.km:
            return None
        return (self.litres * 100 / self.km).quantize(Decimal("0.1"))


def _per_month(records, date_field: str, total) -> dict:
    """``total`` (an aggregate) of the records of each calendar month, by the month."""
    return dict(
        records.annotate(month=TruncMonth(date_field, output_field=DateField()))
        .values("month")
        .annotate(total=total)
        .values_list("month", "total")
    )


def fuel_by_month(vehicle: Vehicle, months: int = 6) -> list[MonthFuel]:
    """Litres and kilometres per calendar month (Kyiv time), oldest first.

    Kilometres of a month are its highest odometer reading less the highest reading
    before it. Three queries whatever the number of records.
    """
    start_day = add_months(timezone.localdate().replace(day=1), 1 - months)
    start = timezone.make_aware(datetime.datetime.combine(start_day, datetime.time()))
    fuel = vehicle.fuel_records.filter(filled_at__gte=start)
    litres = _per_month(fuel, "filled_at", Sum("litres"))
    top_km = _per_month(vehicle.readings.filter(read_at__gte=start), "read_at", Max("km"))
    previous = vehicle.readings.filter(read_at__lt=start).aggregate(km=Max("km"))["km"]
    result = []
    for back in range(months - 1, -1, -1):
        month = add_months(timezone.localdate().replace(day=1), -back)
        km_top = top_km.get(month)
        km = km_top - previous if km_top is not None and previous is not None else None
        if km_top is not None:
            previous = km_top
        result.append(MonthFuel(month=month, litres=litres.get(month, Decimal(0)), km=km))
    return result


def maintenance_due(vehicle: Vehicle, km_now: int | None) -> MaintenanceRecord | None:
    """The latest service, if its next one is due (or nearly)."""
    latest = vehicle.maintenance_records.first()
    if latest is not None and latest.is_due(timezone.localdate(), km_now):
        return latest
    return None


def custody_timeline(custodies) -> list[Custody]:
    """Custody rows with who, when, and the acts that opened and closed them."""
    return list(
        custodies.select_related(
            "officer", "item", "issue_line__handover", "return_line__handover"
        ).order_by("-since", "-id")
    )


def held_car(officer) -> Vehicle | None:
    """The car whose key the officer holds now (the first, if they hold several)."""
    keys = (
        Custody.objects.open()
        .filter(officer=officer, item__kind=EquipmentItem.Kind.VEHICLE_KEYS)
        .select_related("item__vehicle")
        .order_by("since", "pk")
        .first()
    )
    return keys.item.vehicle if keys is not None else None


def cars_for_shift(officer, held: Vehicle | None):
    """The cars an officer may take on a shift: their station's in service, the held
    one first, then by plate; each with its last odometer reading (``km``)."""
    cars = Vehicle.objects.filter(
        station=officer.station_id, status=Vehicle.Status.IN_SERVICE
    ).annotate(km=latest_km())
    first = Case(When(pk=held.pk, then=0), default=1) if held is not None else Value(1)
    return cars.order_by(first, "plate")


def latest_km():
    """The vehicle's current mileage, as a subquery for lists."""
    return Subquery(
        OdometerReading.objects.filter(vehicle=OuterRef("pk"))
        .order_by("-read_at", "-km")
        .values("km")[:1]
    )


def holdings(officer) -> list[Custody]:
    """What the officer holds now, with the act each item came by."""
    return list(
        Custody.objects.open()
        .filter(officer=officer)
        .select_related("item", "issue_line__handover")
        .order_by("item__kind", "item__inventory_number")
    )


def pending_acts(officer) -> list[Handover]:
    """Acts waiting for this officer's confirmation."""
    return list(
        Handover.objects.unconfirmed()
        .filter(officer=officer, kind=Handover.Kind.ISSUE)
        .order_by("-occurred_at")
    )
