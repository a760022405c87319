"""The heaviest queries of the busiest pages are served by an index, as PostgreSQL's
planner says (EXPLAIN): for the filter and for the order, so a page reads 25 index
entries instead of sorting a million rows.

The test tables are small, so the planner is told to take any index it can (sequential
scans, bitmap scans and sorts cost it dearly): where no index serves, the plan still
shows a sequential scan or a sort, and the test fails.
"""

import datetime

import pytest
from django.db import connection, transaction
from django.utils import timezone

from officers.models import Incident, Shift
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN output and indexes are PostgreSQL's"
    ),
]


def plan_of(queryset) -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")
        return queryset.explain()


def newest_first(queryset):
    """The order of the site's lists: Meta.ordering, then the primary key."""
    return queryset.order_by(*queryset.model._meta.ordering, "pk")[:25]


@pytest.fixture
def records(officer, other_officer):
    start = timezone.now() - datetime.timedelta(days=3)
    for who in (officer, other_officer):
        factories.make_shift(who, start)
        factories.make_incident(who, "theft")


def assert_served_by(plan: str, index: str) -> None:
    nodes = [line.strip().removeprefix("->").strip() for line in plan.splitlines()]
    assert any(
        node.startswith(("Index Scan", "Index Only Scan")) and index in node for node in nodes
    ), plan
    assert not any(node.startswith(("Seq Scan on officers_", "Sort ")) for node in nodes), plan


def test_incidents_of_a_category_newest_first(records, staff_user):
    """Council staff filtering the country's incident list by category."""
    queryset = Incident.objects.visible_to(staff_user).filter(category="theft")

    assert_served_by(plan_of(newest_first(queryset)), "officers_incident_cat_idx")


def test_incidents_of_the_polices_stations_newest_first(records, officer_user):
    """An officer's (and a supervisor's) incident list and map: their stations only."""
    queryset = Incident.objects.visible_to(officer_user)

    assert_served_by(plan_of(newest_first(queryset)), "officers_incident_station_idx")


def test_shifts_of_a_supervisors_officers_newest_first(records, supervisor_user):
    """A supervisor's shift list: the shifts of the officers of their stations."""
    queryset = Shift.objects.visible_to(supervisor_user)

    assert_served_by(plan_of(newest_first(queryset)), "officers_shift_officer_idx")
