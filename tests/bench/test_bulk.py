"""bench.bulk: rows written by COPY (PostgreSQL) or INSERT read back unchanged."""

import datetime

import pytest
from django.utils import timezone

from bench.bulk import Loader
from officers.models import Shift
from stations.models import Community, Village
from tests import factories

pytestmark = pytest.mark.django_db


def test_awkward_text_dates_and_empty_values_come_back_as_written():
    tables = Loader(Community, Village)
    name = "Tab\there, new\nline, back\\slash, 'quote' and \\N"
    community = tables[Community].add(
        name=name, oblast="Донецька", memorandum_date=datetime.date(2022, 1, 28)
    )
    tables[Village].add(community_id=community, name="Старий Крим", population=None)
    tables.flush()
    tables.reset_sequences()

    stored = Community.objects.get(pk=community)
    village = Village.objects.get()
    assert stored.name == name
    assert stored.memorandum_date == datetime.date(2022, 1, 28)
    assert stored.memorandum_document.name == ""
    assert village.population is None
    assert village.name_latin == ""
    # The database's own ids go on after the ones given out here.
    assert Community.objects.create(name="Next", oblast="Київська").pk > community


def test_aware_times_keep_their_moment():
    officer = factories.make_officer()
    # The morning after the clocks went forward in Kyiv: 05:30 local is 02:30 UTC.
    start = datetime.datetime(2022, 3, 27, 5, 30, tzinfo=timezone.get_current_timezone())
    tables = Loader(Shift)
    shift = tables[Shift].add(
        officer_id=officer.pk,
        started_at=start,
        status="submitted",
        ended_at=start + datetime.timedelta(hours=8),
    )
    tables.flush()

    stored = Shift.objects.get(pk=shift)
    assert stored.started_at == start
    assert stored.started_at.astimezone(datetime.UTC).hour == 2
    assert stored.duration() == datetime.timedelta(hours=8)


def test_a_value_the_database_needs_cannot_be_left_out():
    with pytest.raises(TypeError, match="community_id"):
        Loader(Village)[Village].add(name="Нічиє село")
