"""``migrate`` alone gives a working site: the database cache's table comes with it."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "policing_cache",
    }
}


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_cache_table_that_a_page_needs(settings, client, staff_user):
    settings.CACHES = DATABASE_CACHE
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE policing_cache")
    assert "policing_cache" not in connection.introspection.table_names()

    call_command("migrate", verbosity=0)

    assert "policing_cache" in connection.introspection.table_names()
    caches["default"].set("probe", "kept")
    assert caches["default"].get("probe") == "kept"
    client.force_login(staff_user)
    assert client.get("/").status_code == 200
