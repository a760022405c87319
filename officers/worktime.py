"""Time arithmetic of shifts, in Kyiv time: hours per day, night hours, month bounds.

Durations are real elapsed time: a night that loses an hour to summer time has one
hour less, one that gains an hour in autumn has one more. Days and nights are cut at
Kyiv midnight and at 22:00 and 06:00 Kyiv wall-clock time.
"""

import datetime
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.conf import settings

NIGHT_STARTS = datetime.time(22)
NIGHT_ENDS = datetime.time(6)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def at(day: datetime.date, clock: datetime.time) -> datetime.datetime:
    """The aware moment of a Kyiv wall-clock time on a day."""
    return datetime.datetime.combine(day, clock, tzinfo=local_zone())


def elapsed(start: datetime.datetime, end: datetime.datetime) -> datetime.timedelta:
    """Real time between two moments. Python subtracts two times of one zone by their
    wall clocks; in UTC the summer-time hour is counted as it really passed."""
    utc = datetime.UTC
    return end.astimezone(utc) - start.astimezone(utc)


def _overlap(a_start, a_end, b_start, b_end) -> datetime.timedelta:
    start, end = max(a_start, b_start), min(a_end, b_end)
    return elapsed(start, end) if end > start else datetime.timedelta(0)


def hours_by_day(
    start: datetime.datetime, end: datetime.datetime
) -> dict[datetime.date, datetime.timedelta]:
    """The time between ``start`` and ``end`` on each Kyiv calendar day it touches."""
    zone = local_zone()
    result: dict[datetime.date, datetime.timedelta] = defaultdict(datetime.timedelta)
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        part = _overlap(
            start,
            end,
            at(day, datetime.time()),
            at(day + datetime.timedelta(days=1), datetime.time()),
        )
        if part:
            result[day] += part
        day += datetime.timedelta(days=1)
    return dict(result)


def night_time(start: datetime.datetime, end: datetime.datetime) -> datetime.timedelta:
    """The part of [start, end) between 22:00 and 06:00 Kyiv time."""
    zone = local_zone()
    total = datetime.timedelta(0)
    day = start.astimezone(zone).date() - datetime.timedelta(days=1)
    last = end.astimezone(zone).date()
    while day <= last:
        night_start = at(day, NIGHT_STARTS)
        night_end = at(day + datetime.timedelta(days=1), NIGHT_ENDS)
        total += _overlap(start, end, night_start, night_end)
        day += datetime.timedelta(days=1)
    return total


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Kyiv midnight at the start of ``month`` and of the next month."""
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return at(first, datetime.time()), at(following, datetime.time())


def clip(
    start: datetime.datetime, end: datetime.datetime, month: datetime.date
) -> tuple[datetime.datetime, datetime.datetime] | None:
    """The part of a shift inside a month (a shift over New Year's Eve counts twice)."""
    month_start, month_end = month_bounds(month)
    lo, hi = max(start, month_start), min(end, month_end)
    return (lo, hi) if hi > lo else None


def hours(delta: datetime.timedelta) -> float:
    return round(delta.total_seconds() / 3600, 2)


def week_start(value: str | None) -> datetime.date:
    """The Monday of the week of an ISO date (``2022-01-19``), or of this week."""
    from django.utils import timezone

    try:
        day = datetime.date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        day = timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())
