"""The demo lives in the present: whatever the day ``seed_demo`` runs, a newcomer's first
pages show a programme at work, not the empty months after January 2022."""

import datetime
import io
import itertools
import zoneinfo
from collections.abc import ValuesView

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from officers.models import Incident, RestrainingOrder, Shift
from stations.models import Custody, EquipmentItem, Handover, MaintenanceRecord, Station

pytestmark = pytest.mark.django_db

KYIV = zoneinfo.ZoneInfo("Europe/Kyiv")
# The first of a month (this month has only hours in it yet), and a day in mid-summer.
DAYS = [
    datetime.datetime(2027, 3, 1, 7, 30, tzinfo=KYIV),
    datetime.datetime(2030, 7, 17, 15, 0, tzinfo=KYIV),
]


def seed() -> None:
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture(params=DAYS, ids=lambda day: day.date().isoformat())
def today(request):
    with time_machine.travel(request.param, tick=False):
        seed()
        yield request.param


def signed_in(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize("username", ["staff", "supervisor"])
def test_the_home_page_charts_have_bars(client, today, username):
    response = signed_in(client, username).get("/")

    dashboard = response.context["dashboard"]
    for name in ("open_by_village", "by_category", "by_village", "items"):
        assert dashboard[name].bars, name
    assert dashboard["patrol"]
    assert dashboard["vehicles"]["maintenance_due"]
    assert "Поки що" not in response.content.decode()


def test_last_months_report_is_not_empty(client, today):
    response = signed_in(client, "supervisor").get("/report/")

    report = response.context["report"]
    last_month = (today.date().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    assert report["month"] == last_month
    assert report["response"]["total"] > 0
    assert report["response"]["closed"] > 0
    assert sum(row["visits"] for row in report["coverage"]) > 0
    assert any(row["km"] > 0 for row in report["vehicles"])
    assert any(row.year_ago for row in report["by_category"])


def test_the_supervisor_has_work_waiting(today):
    now = timezone.now()

    assert Shift.objects.filter(status=Shift.Status.SUBMITTED).exists()
    assert Shift.objects.filter(status=Shift.Status.RETURNED).count() == 1
    forgotten = Shift.objects.open().filter(started_at__lt=now - datetime.timedelta(hours=14))
    assert forgotten.count() == 1
    assert Incident.objects.filter(report_status=Incident.Report.SUBMITTED).exists()
    assert Incident.objects.filter(closure_requested=True).count() == 1
    orders = RestrainingOrder.objects.filter(
        valid_until__gt=now, valid_until__lte=now + datetime.timedelta(days=2)
    )
    assert orders.count() == 1


def test_the_clerk_has_custody_to_follow(today):
    assert Handover.objects.unconfirmed().count() == 1
    overdue = Custody.objects.open().filter(issue_line__expected_return_on__lt=timezone.localdate())
    assert overdue.count() == 1
    assert EquipmentItem.objects.filter(status=EquipmentItem.Status.IN_REPAIR).exists()
    assert MaintenanceRecord.objects.filter(next_due_on__gt=timezone.localdate()).exists()
    assert Station.objects.exclude(photo="").exists()


def test_the_incidents_cover_the_last_twelve_months(today):
    start = today - datetime.timedelta(days=365)
    months = {
        timezone.localtime(moment).strftime("%Y-%m")
        for moment in Incident.objects.filter(occurred_at__gte=start).values_list(
            "occurred_at", flat=True
        )
    }
    assert len(months) >= 12


def test_running_it_again_that_day_adds_nothing(today):
    counts = [Shift.objects.count(), Incident.objects.count(), Handover.objects.count()]

    with time_machine.travel(today + datetime.timedelta(hours=1), tick=False):
        seed()

    assert [Shift.objects.count(), Incident.objects.count(), Handover.objects.count()] == counts


def test_running_it_a_month_later_carries_on(client, today):
    later = today + datetime.timedelta(days=40)
    with time_machine.travel(later, tick=False):
        seed()
        response = signed_in(client, "supervisor").get("/report/")

    latest = Incident.objects.order_by("-occurred_at").first().occurred_at
    assert latest > today
    assert response.context["report"]["response"]["total"] > 0
    overlapping = [
        (a.pk, b.pk)
        for officer_shifts in _shifts_by_officer()
        for a, b in itertools.pairwise(officer_shifts)
        if a.ended_at is None or a.ended_at > b.started_at
    ]
    assert overlapping == []


def _shifts_by_officer() -> ValuesView[list[Shift]]:
    by_officer: dict[int, list[Shift]] = {}
    for shift in Shift.objects.order_by("started_at"):
        by_officer.setdefault(shift.officer_id, []).append(shift)
    return by_officer.values()


def test_the_station_timesheet_opens_on_hours_worked(client, today):
    station = Station.objects.get()

    response = signed_in(client, "supervisor").get(f"/timesheets/stations/{station.pk}/")

    rows = response.context["rows"]
    assert sum(row.day_count for row in rows) > 10
    assert all(row.km > 0 for row in rows if row.officer.badge_number != "0001005")


def test_last_months_timesheet_and_report_count_the_same_kilometres(client, today):
    station = Station.objects.get()
    signed_in(client, "staff")

    report = client.get("/report/").context["report"]
    month = report["month"].strftime("%Y-%m")
    rows = client.get(f"/timesheets/stations/{station.pk}/", {"month": month}).context["rows"]

    assert sum(row.km for row in rows) == sum(row["km"] for row in report["vehicles"]) > 0


def test_the_map_has_points(client, today):
    response = signed_in(client, "supervisor").get("/incidents/map/data/")

    assert len(response.json()["features"]) > 50


def test_the_clerk_has_items_to_issue_and_acts_numbered_in_date_order(today):
    assert EquipmentItem.objects.available().count() >= 3
    recent = list(Handover.objects.filter(occurred_at__year__gte=2023).order_by("number"))
    assert [act.occurred_at for act in recent] == sorted(act.occurred_at for act in recent)
