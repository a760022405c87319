"""Finding 7: whom a domestic-violence case was referred to (a shelter, a person) was
shown to council staff, who may not read the incident's details."""

import pytest
from django.urls import reverse

from tests import factories

SHELTER = "Притулок «Надія», вул. Садова 3, до Коваль О."


@pytest.fixture
def referred(client_for, officer_user, officer, request):
    """An incident of the given category that its officer referred to a shelter."""
    incident = factories.make_incident(officer, request.param)
    client = client_for(officer_user)
    client.post(reverse("officers:incident_step", args=[incident.pk, "submit"]))
    client.post(
        reverse("officers:incident_step", args=[incident.pk, "refer"]),
        {"referred_to": SHELTER, "referred_on": "2022-01-20"},
    )
    incident.refresh_from_db()
    assert incident.referred_to == SHELTER
    client.logout()
    return incident


@pytest.mark.parametrize("referred", ["domestic_violence"], indirect=True)
@pytest.mark.parametrize("persona", ["staff_user", "admin_user"])
def test_attack_staff_read_whom_a_dv_case_was_referred_to(request, client_for, referred, persona):
    page = client_for(request.getfixturevalue(persona)).get(referred.get_absolute_url())

    assert page.status_code == 200
    content = page.content.decode()
    assert SHELTER not in content
    assert "Надія" not in content
    assert "20.01.2022" in content  # that it was referred, and when, is not restricted


@pytest.mark.parametrize("referred", ["domestic_violence"], indirect=True)
@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user"])
def test_the_stations_police_read_the_referral(request, client_for, referred, persona):
    page = client_for(request.getfixturevalue(persona)).get(referred.get_absolute_url())

    content = page.content.decode()
    assert f"<dd>{SHELTER}, 20.01.2022</dd>" in content
    assert f"<div>{SHELTER}</div>" in content  # the step's comment


@pytest.mark.parametrize("referred", ["theft"], indirect=True)
def test_a_thefts_referral_stays_readable_for_staff(client_for, staff_user, referred):
    page = client_for(staff_user).get(referred.get_absolute_url())

    assert SHELTER in page.content.decode()
