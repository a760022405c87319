"""Finding 9: a search for a victim's name, then a download, kept the whole query
string in the audit entry, so victims' names became readable in the audit log."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from officers.models import Party
from tests import factories

VICTIM = "Коваль Оксана"


@pytest.fixture
def dv(officer, officer_user):
    incident = factories.make_incident(officer, "domestic_violence")
    Party.objects.create(incident=incident, role="victim", full_name=VICTIM)
    return incident


def summaries() -> str:
    return " | ".join(AuditEntry.objects.values_list("summary", flat=True))


def test_attack_a_victims_name_searched_and_exported_is_kept_in_the_audit_log(
    client_for, supervisor_user, dv
):
    client = client_for(supervisor_user)

    client.get(
        reverse("officers:incident_list"),
        {"q": VICTIM, "category": "domestic_violence", "export": "csv"},
    )

    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORTED)
    assert "Коваль" not in entry.summary
    assert "%D0" not in entry.summary
    assert entry.summary == "GET /incidents/?q=…&category=domestic_violence&export=csv"


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/admin/policing/user/", {"q": VICTIM}),
        ("/admin/no-such-page/", {"q": VICTIM}),
        ("/admin/policing/user/", {VICTIM: "1"}),
    ],
)
def test_attack_a_name_in_an_admin_search_or_a_refused_address_is_kept(
    client_for, admin_user, dv, url, params
):
    client_for(admin_user).get(url, params)

    [entry] = AuditEntry.objects.filter(summary__startswith=f"GET {url}")
    assert "Коваль" not in entry.summary
    assert "%D0" not in entry.summary
    assert "…" in entry.summary


def test_a_typed_word_in_any_parameter_is_left_out_but_its_name_is_kept(
    client_for, staff_user, radio
):
    client_for(staff_user).get(
        reverse("stations:equipmentitem_list"),
        {"status": "in_store", "model": "Motorola DP4400", "export": "xlsx"},
    )

    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORTED)
    assert entry.summary == "GET /equipment/?status=in_store&model=…&export=xlsx"
