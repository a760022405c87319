"""Finding 5: a council-staff login without a second factor, promoted to administrator
or supervisor while signed in, kept the "no code needed" answer from its sign-in."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import ADMINISTRATOR, SUPERVISOR, assign_role
from officers.models import Party
from tests import factories
from tests.factories import PASSWORD

VICTIM = "Коваль Оксана Петрівна"


@pytest.fixture
def signed_in_staff(staff_user):
    """A plain browser session of council staff, signed in with the password alone."""
    browser = Client()
    response = browser.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert response.status_code == 302
    assert browser.get(reverse("home")).status_code == 200
    return browser


@pytest.fixture
def dv(officer, officer_user):
    incident = factories.make_incident(officer, "domestic_violence")
    Party.objects.create(incident=incident, role="victim", full_name=VICTIM)
    return incident


def promote_to_administrator(user):
    assign_role(user, ADMINISTRATOR)
    user.is_superuser = True
    user.save()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        reverse("audit:auditentry_list"),
        reverse("officers:subject_access"),
    ],
)
def test_attack_staff_promoted_to_administrator_opens_admin_pages_without_a_code(
    signed_in_staff, staff_user, url
):
    promote_to_administrator(staff_user)

    response = signed_in_staff.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_attack_staff_promoted_to_supervisor_reads_dv_party_names_without_a_code(
    signed_in_staff, staff_user, station, dv
):
    assign_role(staff_user, SUPERVISOR)
    station.supervisors.add(staff_user)

    response = signed_in_staff.get(dv.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    assert VICTIM not in signed_in_staff.get(reverse("home")).content.decode()


def test_council_staff_without_a_second_factor_still_work_with_the_password(
    signed_in_staff,
):
    assert signed_in_staff.get(reverse("stations:vehicle_list")).status_code == 200
