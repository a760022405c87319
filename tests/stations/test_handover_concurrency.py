"""Two acts saved at the same moment cannot both issue one item (PostgreSQL)."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from stations import services
from stations.models import Custody, Handover, HandoverLine
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every write, so there is no race to prove there",
    ),
    pytest.mark.django_db(transaction=True),
]


def test_two_simultaneous_acts_issue_an_item_once(officer, radio):
    colleague = factories.make_officer(officer.station)
    staff = factories.make_user(None)
    barrier = threading.Barrier(2)
    outcomes = []

    def draw_up(receiver):
        try:
            barrier.wait(timeout=10)
            factories.issue(receiver, radio, by=staff)
            outcomes.append("issued")
        except services.CustodyError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=draw_up, args=(o,)) for o in (officer, colleague)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["issued", "refused"]
    assert Custody.objects.filter(item=radio, until__isnull=True).count() == 1
    assert Handover.objects.count() == 1


def test_the_database_alone_refuses_the_second_holder(officer, radio):
    """No service checks: two connections insert open custodies of one item at once."""
    colleague = factories.make_officer(officer.station)
    staff = factories.make_user(None)
    lines = []
    for receiver in (officer, colleague):
        act = Handover.objects.create(
            number=f"T-{receiver.pk}",
            kind="issue",
            occurred_at=timezone.now(),
            place="x",
            officer=receiver,
            official_name="x",
            official_role="x",
            created_by=staff,
        )
        lines.append(HandoverLine.objects.create(handover=act, item=radio))
    barrier = threading.Barrier(2)
    outcomes = []

    def insert(receiver, line):
        try:
            with transaction.atomic():
                barrier.wait(timeout=10)
                Custody.objects.create(
                    item=radio, officer=receiver, issue_line=line, since=timezone.now()
                )
            outcomes.append("stored")
        except IntegrityError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=insert, args=args)
        for args in zip((officer, colleague), lines, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["refused", "stored"]
    assert Custody.objects.filter(item=radio, until__isnull=True).count() == 1
