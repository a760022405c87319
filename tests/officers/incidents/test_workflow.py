"""The incident workflow is one declared state machine: the page offers exactly the
steps the machine allows the person, and a step it does not allow is refused."""

import re

import pytest
from django.urls import reverse

from officers.models import Incident
from tests import factories

pytestmark = pytest.mark.django_db

MESSAGE_ALREADY_IN_WORK = "Узяти в роботу можна лише відкриту справу."


def offered_steps(client, incident) -> set[str]:
    """The steps whose buttons the incident page shows (its forms' actions)."""
    page = client.get(incident.get_absolute_url()).content.decode()
    prefix = re.escape(reverse("officers:incident_step", args=[incident.pk, "x"])[:-2])
    return set(re.findall(prefix + r"([a-z_]+)/", page))


def post_step(client, incident, name, follow=False, **data):
    url = reverse("officers:incident_step", args=[incident.pk, name])
    return client.post(url, data, follow=follow)


@pytest.fixture
def theft(officer, officer_user):
    return factories.make_incident(officer, "theft", description="Вкрали велосипед")


def test_the_machine_declares_the_report_and_the_case_steps():
    assert Incident.step_names("report_status") == {"submit", "approve", "return", "discard"}
    assert Incident.step_names("case_status") == {
        "start",
        "refer",
        "request_closure",
        "close",
        "reopen",
    }


def test_the_officer_is_offered_submitting_a_draft_and_working_on_the_case(
    client, officer_user, theft
):
    client.force_login(officer_user)

    assert offered_steps(client, theft) == {
        "submit",
        "discard",
        "start",
        "refer",
        "request_closure",
        "photo",
    }


def test_the_supervisor_is_offered_the_review_of_a_submitted_report(
    client, officer_user, supervisor_user, theft
):
    client.force_login(officer_user)
    post_step(client, theft, "submit")
    client.force_login(supervisor_user)

    offered = offered_steps(client, theft)

    assert {"approve", "return", "close"} <= offered
    assert "submit" not in offered
    assert "request_closure" not in offered


def test_a_closed_case_offers_only_reopening(client, supervisor_user, theft):
    client.force_login(supervisor_user)
    post_step(client, theft, "close", comment="Вирішено.")

    assert offered_steps(client, theft) == {"reopen", "photo"}


def test_a_step_sent_twice_says_why_and_changes_nothing(client, officer_user, theft):
    # A double tap on a weak signal: the rule lets the officer work on the case, the
    # machine says it is in work already.
    client.force_login(officer_user)
    post_step(client, theft, "start")

    again = post_step(client, theft, "start", follow=True)

    assert again.status_code == 200
    assert MESSAGE_ALREADY_IN_WORK in again.content.decode()
    assert list(theft.events.values_list("kind", flat=True)) == ["created", "case"]


def test_a_step_whose_rule_refuses_the_person_is_forbidden(client, officer_user, theft):
    client.force_login(officer_user)

    reopened = post_step(client, theft, "reopen", comment="Ще раз.")

    theft.refresh_from_db()
    assert reopened.status_code == 403
    assert theft.case_status == Incident.Case.OPEN


def test_an_unknown_step_is_not_found(client, officer_user, theft):
    client.force_login(officer_user)

    assert post_step(client, theft, "delete").status_code == 404
