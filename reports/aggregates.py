"""The figures of the dashboard and the monthly report: each one grouped query.

Every function takes the person it is for and counts only what they may read. Counts
of incidents never carry restricted details: category, village and date are public.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, Max, Min, Q, Sum
from django.urls import reverse
from django.utils import timezone

from core.months import add_months
from officers.models import Incident, Officer, Shift, Training
from officers.worktime import month_bounds
from reports.charts import Bar
from stations.models import (
    Custody,
    EquipmentItem,
    FuelRecord,
    Handover,
    MaintenanceRecord,
    OdometerReading,
    Vehicle,
)

# A dashboard chart shows the largest ten; the list each chart links to has them all.
TOP = 10

SHIFT_LENGTH = ExpressionWrapper(F("ended_at") - F("started_at"), output_field=DurationField())


def hours_of(value: datetime.timedelta | None) -> float:
    return round((value or datetime.timedelta()).total_seconds() / 3600, 1)


def incidents_url(**filters) -> str:
    query = "&".join(f"{key}={value}" for key, value in filters.items() if value != "")
    return reverse("officers:incident_list") + (f"?{query}" if query else "")


def open_incidents_by_village(user) -> list[Bar]:
    rows = (
        Incident.objects.visible_to(user)
        .counted()
        .exclude(case_status=Incident.Case.CLOSED)
        .values("village_id", "village__name")
        .annotate(n=Count("id"))
        .order_by("-n", "village__name")[:TOP]
    )
    return [
        Bar(
            row["village__name"],
            row["n"],
            incidents_url(village=row["village_id"], not_closed="true"),
        )
        for row in rows
    ]


def incidents_by_category(user, since: datetime.datetime) -> list[Bar]:
    labels = dict(Incident.Category.choices)
    rows = (
        Incident.objects.visible_to(user)
        .counted()
        .filter(occurred_at__gte=since)
        .values("category")
        .annotate(n=Count("id"))
        .order_by("-n", "category")
    )
    start = timezone.localtime(since).date().isoformat()
    return [
        Bar(
            str(labels[row["category"]]),
            row["n"],
            incidents_url(category=row["category"], since=start),
        )
        for row in rows
    ]


def incidents_by_village(user, since: datetime.datetime) -> list[Bar]:
    rows = (
        Incident.objects.visible_to(user)
        .counted()
        .filter(occurred_at__gte=since)
        .values("village_id", "village__name")
        .annotate(n=Count("id"))
        .order_by("-n", "village__name")[:TOP]
    )
    start = timezone.localtime(since).date().isoformat()
    return [
        Bar(row["village__name"], row["n"], incidents_url(village=row["village_id"], since=start))
        for row in rows
    ]


def patrol_by_village(user, start, end, community=None, top: int | None = None) -> list[dict]:
    """Shifts that started in [start, end) and their hours, per village patrolled: all
    villages by name, or the ``top`` most visited."""
    shifts = Shift.objects.visible_to(user)
    if community is not None:
        shifts = shifts.filter(officer__station__village__community=community)
    rows = (
        shifts.filter(started_at__gte=start, started_at__lt=end, ended_at__isnull=False)
        .values("villages__id", "villages__name")
        .annotate(visits=Count("id"), time=Sum(SHIFT_LENGTH))
        .order_by("villages__name")
    )
    if top:
        rows = rows.exclude(villages__id=None).order_by("-visits", "villages__name")[:top]
    since = timezone.localtime(start).date().isoformat()
    return [
        {
            "village": row["villages__name"],
            "visits": row["visits"],
            "hours": hours_of(row["time"]),
            "url": reverse("officers:shift_list") + f"?village={row['villages__id']}&since={since}",
        }
        for row in rows
        if row["villages__id"] is not None
    ]


def vehicles_needing_attention(user) -> dict:
    vehicles = Vehicle.objects.visible_to(user)
    due: list[Vehicle] = []
    today = timezone.localdate()
    latest = (
        MaintenanceRecord.objects.filter(vehicle__in=vehicles)
        .order_by("vehicle_id", "-done_on", "-id")
        .select_related("vehicle")
    )
    km = dict(
        OdometerReading.objects.filter(vehicle__in=vehicles)
        .values_list("vehicle_id")
        .annotate(km=Max("km"))
    )
    seen = set()
    for record in latest:  # newest first per vehicle; one query, read in order
        if record.vehicle_id in seen:
            continue
        seen.add(record.vehicle_id)
        if record.is_due(today, km.get(record.vehicle_id)) and len(due) < TOP:
            due.append(record.vehicle)
    return {
        "in_repair": vehicles.filter(status=Vehicle.Status.IN_REPAIR).count(),
        "maintenance_due": due,
    }


def items_per_officer(user) -> list[Bar]:
    rows = (
        Custody.objects.visible_to(user)
        .open()
        .values("officer_id", "officer__surname", "officer__name")
        .annotate(n=Count("id"))
        .order_by("-n", "officer__surname")[:TOP]
    )
    return [
        Bar(
            f"{row['officer__surname']} {row['officer__name']}",
            row["n"],
            reverse("stations:equipmentitem_list") + f"?holder={row['officer_id']}",
        )
        for row in rows
    ]


def acts_waiting(user) -> int:
    return Handover.objects.visible_to(user).unconfirmed().count()


@dataclass
class CategoryRow:
    label: str
    now: int
    previous: int
    year_ago: int

    @property
    def change(self) -> int:
        return self.now - self.previous


def incident_comparison(
    incidents, month: datetime.date, field: str, labels=None
) -> list[CategoryRow]:
    """Counts per ``field`` for the month, the month before and the month a year before:
    one grouped query with three conditional counts."""
    windows = {
        "now": month_bounds(month),
        "previous": month_bounds(add_months(month, -1)),
        "year_ago": month_bounds(add_months(month, -12)),
    }
    counts = {
        name: Count("id", filter=Q(occurred_at__gte=lo, occurred_at__lt=hi))
        for name, (lo, hi) in windows.items()
    }
    earliest = windows["year_ago"][0]
    rows = (
        incidents.filter(occurred_at__gte=earliest, occurred_at__lt=windows["now"][1])
        .values(field)
        .annotate(**counts)
        .order_by(field)
    )
    result = [
        CategoryRow(
            str(labels[row[field]]) if labels else row[field],
            row["now"],
            row["previous"],
            row["year_ago"],
        )
        for row in rows
    ]
    return sorted((r for r in result if r.now or r.previous or r.year_ago), key=lambda r: -r.now)


def response_and_closure(incidents, month: datetime.date) -> dict:
    start, end = month_bounds(month)
    rows = list(
        incidents.filter(occurred_at__gte=start, occurred_at__lt=end).values_list(
            "occurred_at", "reported_at", "case_status"
        )
    )
    minutes = sorted((reported - occurred).total_seconds() / 60 for occurred, reported, _s in rows)
    closed = sum(1 for *_times, status in rows if status == Incident.Case.CLOSED)
    return {
        "total": len(rows),
        "median_report_minutes": round(minutes[len(minutes) // 2]) if minutes else None,
        "closed": closed,
        "closed_share": round(100 * closed / len(rows)) if rows else None,
    }


def vehicle_costs(vehicles, month: datetime.date) -> list[dict]:
    start, end = month_bounds(month)
    km = {
        row["vehicle_id"]: (row["high"] or 0) - (row["low"] or 0)
        for row in OdometerReading.objects.filter(
            vehicle__in=vehicles, read_at__gte=start, read_at__lt=end
        )
        .values("vehicle_id")
        .annotate(high=Max("km"), low=Min("km"))
    }
    fuel = {
        row["vehicle_id"]: row
        for row in FuelRecord.objects.filter(
            vehicle__in=vehicles, filled_at__gte=start, filled_at__lt=end
        )
        .values("vehicle_id")
        .annotate(litres=Sum("litres"), uah=Sum("cost_uah"))
    }
    repairs = dict(
        MaintenanceRecord.objects.filter(
            vehicle__in=vehicles, done_on__gte=start.date(), done_on__lt=end.date()
        )
        .values_list("vehicle_id")
        .annotate(uah=Sum("cost_uah"))
    )
    rows = []
    for vehicle in vehicles.order_by("plate"):
        rows.append(
            {
                "vehicle": vehicle,
                "km": km.get(vehicle.pk, 0),
                "litres": (fuel.get(vehicle.pk) or {}).get("litres") or Decimal(0),
                "fuel_uah": (fuel.get(vehicle.pk) or {}).get("uah") or Decimal(0),
                "maintenance_uah": repairs.get(vehicle.pk) or Decimal(0),
            }
        )
    return rows


def equipment_issued(custodies, month: datetime.date) -> list[dict]:
    start, end = month_bounds(month)
    labels = dict(EquipmentItem.Kind.choices)
    rows = (
        custodies.values("item__kind")
        .annotate(
            issued=Count("id", filter=Q(since__gte=start, since__lt=end)),
            held=Count("id", filter=Q(since__lt=end) & (Q(until__isnull=True) | Q(until__gte=end))),
        )
        .order_by("item__kind")
    )
    return [
        {"kind": labels[row["item__kind"]], "issued": row["issued"], "held": row["held"]}
        for row in rows
        if row["issued"] or row["held"]
    ]


def officers_and_trainings(officers, month: datetime.date) -> dict:
    start, end = month_bounds(month)
    return {
        "active": officers.filter(service_start__lt=end.date())
        .exclude(status=Officer.Status.LEFT, left_on__lt=start.date())
        .count(),
        "trainings": list(
            Training.objects.filter(officer__in=officers)
            .filter(started_on__lt=end.date())
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start.date()))
            .select_related("officer")
            .order_by("started_on")
        ),
    }
