"""Hours per day and night hours in Kyiv time, across midnight and summer time."""

import datetime
from zoneinfo import ZoneInfo

from officers import worktime

KYIV = ZoneInfo("Europe/Kyiv")
H = datetime.timedelta(hours=1)


def kyiv(year: int, month: int, day: int, hour: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=KYIV)


def test_a_day_shift_is_one_day_with_no_night_hours():
    start, end = kyiv(2022, 1, 19, 8), kyiv(2022, 1, 19, 17)

    assert worktime.hours_by_day(start, end) == {datetime.date(2022, 1, 19): 9 * H}
    assert worktime.night_time(start, end) == datetime.timedelta(0)


def test_a_night_shift_is_split_at_midnight():
    start, end = kyiv(2022, 1, 19, 20), kyiv(2022, 1, 20, 8)

    assert worktime.hours_by_day(start, end) == {
        datetime.date(2022, 1, 19): 4 * H,
        datetime.date(2022, 1, 20): 8 * H,
    }
    assert worktime.night_time(start, end) == 8 * H  # 22:00–06:00


def test_the_spring_change_to_summer_time_takes_an_hour():
    # 27 March 2022: clocks went from 03:00 to 04:00 in Kyiv.
    start, end = kyiv(2022, 3, 26, 22), kyiv(2022, 3, 27, 6)

    by_day = worktime.hours_by_day(start, end)

    assert by_day == {datetime.date(2022, 3, 26): 2 * H, datetime.date(2022, 3, 27): 5 * H}
    assert sum(by_day.values(), datetime.timedelta()) == 7 * H
    assert worktime.night_time(start, end) == 7 * H


def test_the_autumn_change_from_summer_time_gives_an_hour():
    # 30 October 2022: clocks went from 04:00 back to 03:00 in Kyiv.
    start, end = kyiv(2022, 10, 29, 22), kyiv(2022, 10, 30, 6)

    by_day = worktime.hours_by_day(start, end)

    assert by_day == {datetime.date(2022, 10, 29): 2 * H, datetime.date(2022, 10, 30): 7 * H}
    assert worktime.night_time(start, end) == 9 * H


def test_times_in_utc_count_the_same():
    start = kyiv(2022, 1, 19, 20).astimezone(datetime.UTC)
    end = kyiv(2022, 1, 20, 8).astimezone(datetime.UTC)

    assert worktime.hours_by_day(start, end)[datetime.date(2022, 1, 19)] == 4 * H


def test_a_shift_over_the_new_year_is_clipped_to_each_month():
    start, end = kyiv(2021, 12, 31, 20), kyiv(2022, 1, 1, 4)

    december = worktime.clip(start, end, datetime.date(2021, 12, 1))
    january = worktime.clip(start, end, datetime.date(2022, 1, 1))

    assert december == (start, kyiv(2022, 1, 1, 0))
    assert january == (kyiv(2022, 1, 1, 0), end)
    assert worktime.clip(start, end, datetime.date(2022, 2, 1)) is None


def test_elapsed_time_counts_the_summer_time_hour():
    start, end = kyiv(2021, 10, 25, 12), kyiv(2021, 11, 4, 12)  # over 31 October 2021

    assert end - start == datetime.timedelta(days=10)  # Python's wall-clock difference
    assert worktime.elapsed(start, end) == datetime.timedelta(days=10, hours=1)
