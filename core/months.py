"""Calendar months as the first day of the month: parsing and stepping.

Shared by the vehicle logbook, the timesheets and the report; it imports nothing of the
apps, so every app may use it.
"""

import datetime


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months after (or before) ``month``."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_month(value: str | None, default: datetime.date) -> datetime.date:
    """``2022-01`` → 1 January 2022; anything else → the first day of ``default``."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return default.replace(day=1)


# During a month's first days its timesheet is nearly empty, while last month's is the
# one being checked and closed: the timesheets open on that one.
FIRST_DAYS = 7


def working_month(today: datetime.date) -> datetime.date:
    """The month a timesheet opens on: last month in the first week, else this month."""
    this_month = today.replace(day=1)
    return add_months(this_month, -1) if today.day <= FIRST_DAYS else this_month


def month_pager(month: datetime.date) -> dict[str, datetime.date]:
    """The month a page shows, with the months before and after it (its pager's links)."""
    return {"month": month, "previous": add_months(month, -1), "next": add_months(month, 1)}
