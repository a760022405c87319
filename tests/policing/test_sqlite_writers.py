"""The embedded SQLite database with several requests at once (the laptop's server
answers each in its own thread): two that write together both save, one after the other."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from stations.models import Community

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL locks rows, not the whole database"
)


def read_then_write(name: str, failures: list[Exception]) -> None:
    """A form's save: read what is there, think a moment, write."""
    try:
        with transaction.atomic():
            Community.objects.count()
            time.sleep(0.3)
            Community.objects.create(name=name)
    except Exception as failure:
        failures.append(failure)
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_two_requests_that_write_at_once_both_save():
    failures: list[Exception] = []
    writers = [
        threading.Thread(target=read_then_write, args=(name, failures))
        for name in ("Мангушська", "Нікольська")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    assert failures == []
    assert set(Community.objects.values_list("name", flat=True)) == {"Мангушська", "Нікольська"}
