"""Monthly timesheets: days, hours, night hours, kilometres and villages per officer.

Two queries whatever the number of shifts (the shifts with their officers, and their
villages); the arithmetic is in ``worktime``.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from .models import Officer, Shift
from .worktime import at, clip, hours_by_day, month_bounds, night_time


@dataclass
class DayRow:
    day: datetime.date
    time: datetime.timedelta = datetime.timedelta(0)
    night: datetime.timedelta = datetime.timedelta(0)
    km: int = 0
    villages: set[str] = field(default_factory=set)


@dataclass
class OfficerRow:
    officer: Officer
    days: dict[datetime.date, DayRow] = field(default_factory=dict)

    @property
    def day_count(self) -> int:
        return sum(1 for row in self.days.values() if row.time)

    @property
    def time(self) -> datetime.timedelta:
        return sum((row.time for row in self.days.values()), datetime.timedelta(0))

    @property
    def night(self) -> datetime.timedelta:
        return sum((row.night for row in self.days.values()), datetime.timedelta(0))

    @property
    def km(self) -> int:
        return sum(row.km for row in self.days.values())

    @property
    def villages(self) -> list[str]:
        return sorted(set().union(*(row.villages for row in self.days.values())))

    def day_rows(self) -> list[DayRow]:
        return [self.days[day] for day in sorted(self.days)]


def month_shifts(month: datetime.date, officers):
    """Ended shifts of these officers that touch the month, with villages."""
    start, end = month_bounds(month)
    return (
        Shift.objects.filter(officer__in=officers, ended_at__isnull=False)
        .filter(started_at__lt=end, ended_at__gt=start)
        .select_related("officer")
        .prefetch_related("villages")
        .order_by("started_at")
    )


def timesheet(month: datetime.date, officers) -> list[OfficerRow]:
    """One row per officer (all of ``officers``, worked or not), in name order."""
    rows = {officer.pk: OfficerRow(officer) for officer in officers}
    for shift in month_shifts(month, list(rows)):
        part = clip(shift.started_at, shift.ended_at, month)
        if part is None:
            continue
        row = rows[shift.officer_id]
        names = {village.name for village in shift.villages.all()}
        by_day = hours_by_day(*part)
        for day, time in by_day.items():
            day_row = row.days.setdefault(day, DayRow(day))
            day_row.time += time
            day_row.villages |= names
        night_by_day: dict[datetime.date, datetime.timedelta] = defaultdict(datetime.timedelta)
        for day in by_day:
            lo, hi = max(part[0], _midnight(day)), min(part[1], _midnight(day, 1))
            if hi > lo:
                night_by_day[day] += night_time(lo, hi)
        for day, night in night_by_day.items():
            row.days[day].night += night
        if shift.kilometres:
            first_day = min(by_day)
            row.days[first_day].km += shift.kilometres
    return list(rows.values())


def _midnight(day: datetime.date, plus_days: int = 0) -> datetime.datetime:
    return at(day + datetime.timedelta(days=plus_days), datetime.time())
