"""Month arithmetic shared by the logbook, the timesheets and the report."""

import datetime

import pytest

from core.months import add_months, parse_month, working_month

JAN = datetime.date(2022, 1, 1)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (-1, datetime.date(2021, 12, 1)),
        (-12, datetime.date(2021, 1, 1)),
        (11, datetime.date(2022, 12, 1)),
        (12, datetime.date(2023, 1, 1)),
    ],
)
def test_add_months_crosses_years(count, expected):
    assert add_months(JAN, count) == expected


@pytest.mark.parametrize("value", ["", "junk", "2022-13", "2022", None])
def test_parse_month_falls_back_on_junk(value):
    assert parse_month(value, datetime.date(2026, 11, 25)) == datetime.date(2026, 11, 1)


def test_parse_month_reads_year_and_month():
    assert parse_month("2022-01", datetime.date(2026, 11, 25)) == JAN


@pytest.mark.parametrize(
    ("today", "month"),
    [
        (datetime.date(2026, 12, 1), datetime.date(2026, 11, 1)),
        (datetime.date(2026, 12, 7), datetime.date(2026, 11, 1)),
        (datetime.date(2026, 12, 8), datetime.date(2026, 12, 1)),
        (datetime.date(2027, 1, 3), datetime.date(2026, 12, 1)),
    ],
)
def test_timesheets_open_on_last_month_during_the_first_week(today, month):
    assert working_month(today) == month
