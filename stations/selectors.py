"""Reads about vehicles and custody that pages and reports share."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DateField, Max, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.months import add_months

from .models import Custody, Handover, MaintenanceRecord, Vehicle


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


def fuel_by_month(vehicle: Vehicle, months: int = 6) -> list[MonthFuel]:
    """Litres and kilometres per calendar month (Kyiv time), oldest first.

    Kilometres of a month are its highest odometer reading less the highest reading
    before it. Three queries whatever the number of records.
    """
    start_day = add_months(timezone.localdate().replace(day=1), 1 - months)
    start = timezone.make_aware(datetime.datetime.combine(start_day, datetime.time()))
    litres = {
        row["month"]: row["litres"]
        for row in vehicle.fuel_records.filter(filled_at__gte=start)
        .annotate(month=TruncMonth("filled_at", output_field=DateField()))
        .values("month")
        .annotate(litres=Sum("litres"))
    }
    top_km = {
        row["month"]: row["km"]
        for row in vehicle.readings.filter(read_at__gte=start)
        .annotate(month=TruncMonth("read_at", output_field=DateField()))
        .values("month")
        .annotate(km=Max("km"))
    }
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
