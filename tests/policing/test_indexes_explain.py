"""The heaviest queries of the busiest pages are served by an index, as PostgreSQL's
planner says (EXPLAIN) on data in realistic proportions (seed_scale, 6 communities,
about 20,000 incidents and 20,000 shifts): the filter through an index, and the order
from it where the filter is broad, so no page reads or sorts the whole table.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models.functions import Coalesce

from officers.models import Incident

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN output and indexes are PostgreSQL's"
    ),
]

User = get_user_model()
# The search box's order (search.queries): one the date index cannot serve.
NEWEST_BY_EXPRESSION = Coalesce("occurred_at", "reported_at").desc()


def newest_first(queryset):
    """A page of a list as the site asks for it: Meta.ordering, then the primary key."""
    return queryset.order_by(*queryset.model._meta.ordering, "pk")[:25]


def nodes(plan: str) -> list[str]:
    return [line.strip().removeprefix("->").strip() for line in plan.splitlines()]


def assert_served_by(plan: str, index: str, *, in_order: bool) -> None:
    """The index finds the rows; with ``in_order`` it also gives their order (no sort
    but an incremental one, which only orders ties of the same moment by id)."""
    found = nodes(plan)
    scans = ("Index Scan", "Index Only Scan", "Bitmap Index Scan")
    assert any(n.startswith(scans) and index in n for n in found), plan
    assert not any(re.match(r"Seq Scan on officers_\w+ +\(", n) for n in found), plan
    if in_order:
        assert not any(re.match(r"Sort +\(", n) for n in found), plan


@pytest.fixture
def country(db):
    call_command("seed_scale", "--communities", "6", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # What autovacuum does on a live database: the rows just written move from the
        # GIN indexes' pending lists into the indexes, so the planner prices them as they
        # are in production (a long pending list made it prefer reading the table).
        cursor.execute(
            "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
            " WHERE a.amname = 'gin'"
        )


def test_the_three_heaviest_queries_use_their_indexes(country):
    staff = User.objects.filter(username__regex=r"^c[0-9]+-staff$").order_by("pk").first()
    community = int(staff.username.split("-")[0][1:])
    village = Incident.objects.filter(community=community).values_list("village", flat=True)[0]

    # Council staff filtering the country's incidents by category: read in index order.
    by_category = Incident.objects.visible_to(staff).filter(category="theft")
    # One village's incidents (the dashboard's links, the map): the village's few
    # hundred rows from the index, then the newest 25 of them.
    by_village = Incident.objects.visible_to(staff).filter(village=village)
    # The search box with part of an incident number: a trigram index on the number.
    by_number = Incident.objects.visible_to(staff).filter(number__icontains="-00012")

    assert_served_by(
        newest_first(by_category).explain(), "officers_incident_cat_idx", in_order=True
    )
    assert_served_by(newest_first(by_village).explain(), "village_id", in_order=False)
    assert_served_by(
        by_number.order_by(NEWEST_BY_EXPRESSION).values("pk")[:10].explain(),
        "officers_incident_number_trgm",
        in_order=False,
    )
