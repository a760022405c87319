"""Hostile query strings on every list and report page answer with a page, never a 500:
a fixed list of known troublemakers, then whatever Hypothesis draws."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = [
    "stations:community_list",
    "stations:village_list",
    "stations:station_list",
    "stations:vehicle_list",
    "stations:equipmentitem_list",
    "stations:handover_list",
    "stations:custody_report",
    "officers:officer_list",
    "officers:shift_list",
    "officers:incident_list",
    "officers:incident_map",
    "officers:incident_map_data",
    "monthly_report",
    "search",
    "home",
]
HOSTILE = [
    {"page": "abc"},
    {"page": "-1"},
    {"page": "99999999999999999999"},
    {"q": "' OR 1=1 --"},
    {"q": "<script>alert(1)</script>"},
    {"q": "\x00\u202e" + "я" * 5000},
    {"station": "abc", "village": "-5", "status": "nonsense", "ordering": "password"},
    {"since": "2022-02-30", "until": "yesterday"},
    {"month": "2022-13", "community": "x"},
    {"export": "pdf"},
]


@pytest.mark.parametrize("params", HOSTILE, ids=lambda p: ",".join(p))
@pytest.mark.parametrize("page", PAGES)
def test_a_hostile_query_string_gets_a_page(client, staff_user, officer, page, params):
    client.force_login(staff_user)

    assert_a_page(client.get(reverse(page), params))


def assert_a_page(response) -> None:
    """A page (or a plain 404), never a 500, and nothing typed shown unescaped."""
    assert response.status_code in (200, 404)
    if response.status_code == 200 and "text/html" in response["Content-Type"]:
        assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("params", [{"month": "junk"}, {"week": "2022-99-99"}])
def test_timesheet_and_week_survive_junk(client, staff_user, station, params):
    client.force_login(staff_user)

    for page in ("officers:station_timesheet", "officers:station_week"):
        assert client.get(reverse(page, args=[station.pk]), params).status_code == 200


# Every parameter the list pages read, with values drawn by Hypothesis.
PARAMETERS = [
    "q", "page", "station", "village", "community", "officer", "status", "kind",
    "category", "case", "report", "restricted", "ordering", "since", "until", "month",
    "export", "action", "outcome", "address", "vehicle", "condition", "rank",
]  # fmt: skip


@pytest.mark.parametrize("page", [*PAGES, "audit:auditentry_list", "officers:subject_access"])
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(PARAMETERS),
        st.one_of(
            st.text(max_size=200),
            st.integers().map(str),
            st.sampled_from(["<script>alert(1)</script>", "2022-02-30", "-1", "\x00", "Ж" * 3000]),
        ),
        max_size=5,
    )
)
def test_any_query_string_gets_a_page(client, admin_user, officer, page, params):
    client.force_login(admin_user)

    assert_a_page(client.get(reverse(page), params))
