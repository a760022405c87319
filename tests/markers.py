"""Marks that several test modules share: PostgreSQL-only tests and their reasons."""

import pytest
from django.db import connection


def postgres_only(reason: str):
    """Skip on SQLite, saying why the test needs PostgreSQL."""
    return pytest.mark.skipif(connection.vendor != "postgresql", reason=reason)


# Two transactions racing for one row: each commits for real, on PostgreSQL.
RACE = [
    pytest.mark.postgres,
    postgres_only("SQLite serialises every write, so there is no race to prove there"),
    pytest.mark.django_db(transaction=True),
]


def app_servers(reason: str) -> list:
    """Tests that start real app servers over the committed database; collectstatic
    writes one folder, so they never run beside each other."""
    return [
        pytest.mark.django_db(transaction=True),
        pytest.mark.xdist_group("collectstatic"),
        postgres_only(reason),
    ]
