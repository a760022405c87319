import pytest


@pytest.fixture(autouse=True)
def fresh_cache(db):
    """Lock-outs and throttles start from nothing (the cache lives in the database
    unless REDIS_URL is set)."""
    from django.core.cache import cache

    cache.clear()
