"""Incidents saved at the same moment never share a number (PostgreSQL)."""

import threading

from django.db import connections

from officers.models import Incident
from tests import factories
from tests.markers import RACE

pytestmark = RACE


def test_concurrent_incidents_get_distinct_numbers(officer):
    user = factories.make_user("officer")
    barrier = threading.Barrier(6)
    errors = []

    def log_one():
        try:
            barrier.wait(timeout=10)
            factories.make_incident(officer, user=user)
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=log_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    numbers = sorted(Incident.objects.values_list("number", flat=True))
    assert errors == []
    assert len(numbers) == 6
    assert len(set(numbers)) == 6
    assert [n[-6:] for n in numbers] == [f"{i:06d}" for i in range(1, 7)]
