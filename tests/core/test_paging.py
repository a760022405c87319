"""Lists count at most 10,000 rows and say "more than" beyond."""

import pytest
from django.urls import reverse

from core.paging import CappedCountPaginator
from stations.models import Community

pytestmark = pytest.mark.django_db


@pytest.fixture
def communities():
    Community.objects.bulk_create(
        Community(name=f"Громада {index:02d}", oblast="Донецька") for index in range(60)
    )


def test_a_list_longer_than_the_cap_says_more_than(client, staff_user, communities, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "CAP", 50)
    client.force_login(staff_user)
    url = reverse("stations:community_list")

    first = client.get(url)
    last = client.get(url, {"page": 2})
    beyond = client.get(url, {"page": 3})

    assert "Показано 1–25 із понад 50" in first.content.decode()
    assert first.context["paginator"].num_pages == 2
    assert "Показано 26–50 із понад 50" in last.content.decode()
    assert beyond.status_code == 404


def test_a_list_within_the_cap_counts_exactly(client, staff_user, communities):
    client.force_login(staff_user)

    page = client.get(reverse("stations:community_list"))

    assert page.context["paginator"].count == 60
    assert "Показано 1–25 із 60" in page.content.decode()
