"""Two acts saved at the same moment cannot both issue one item (PostgreSQL)."""

import threading

from django.db import IntegrityError, connections, transaction
from django.utils import timezone

from stations import services
from stations.models import Custody, Handover, HandoverLine
from tests import factories
from tests.markers import RACE

pytestmark = RACE


def at_once(target, calls) -> None:
    """Run ``target`` with each of ``calls``' arguments in its own thread, all at once."""
    threads = [threading.Thread(target=target, args=args) for args in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)


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

    at_once(draw_up, [(officer,), (colleague,)])

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

    at_once(insert, list(zip((officer, colleague), lines, strict=True)))

    assert sorted(outcomes) == ["refused", "stored"]
    assert Custody.objects.filter(item=radio, until__isnull=True).count() == 1
