"""A person's data on request (subject access report) and its end after the retention
period (anonymisation that keeps the statistics)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import AuditEntry
from officers.incidents.services import case_close
from officers.models import IncidentEvent, Party, RestrictedView
from tests.factories import make_incident, make_victim

NAME = "Коваленко Оксана Петрівна"
REASON = "Запит особи від 12.03.2026"


@pytest.fixture
def victim(officer, officer_user):
    return make_victim(officer, NAME)


def close(incident, user, days_ago: int):
    """The station's supervisor closes the case (nobody closes their own)."""
    case_close(incident=incident, user=user, outcome="Розглянуто.")
    IncidentEvent.objects.filter(incident=incident).update(
        at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def test_an_administrator_finds_everything_about_the_person(client, admin_user, victim):
    client.force_login(admin_user)

    page = client.post(
        reverse("officers:subject_access"), {"full_name": NAME.lower(), "reason": REASON}
    )

    assert page.status_code == 200
    assert page.context["parties"] == [victim]
    assert "+380501112233" in page.content.decode()
    assert RestrictedView.objects.filter(incident=victim.incident, user=admin_user).exists()
    assert AuditEntry.objects.filter(action="restricted_view", user=admin_user).exists()


def test_the_report_downloads_with_every_detail(client, admin_user, victim):
    client.force_login(admin_user)

    response = client.post(
        reverse("officers:subject_access"), {"full_name": NAME, "reason": REASON, "export": "xlsx"}
    )

    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][0] == victim.incident.number
    assert NAME in rows[1]
    assert "Боїться повернення кривдника." in rows[1]
    assert AuditEntry.objects.filter(action="exported", user=admin_user).exists()


def test_a_birth_date_narrows_the_search(client, admin_user, victim):
    Party.objects.create(
        incident=victim.incident,
        role="witness",
        full_name="Коваленко Оксана",
        date_of_birth=datetime.date(1950, 1, 1),
    )
    client.force_login(admin_user)

    page = client.post(
        reverse("officers:subject_access"),
        {"full_name": "Коваленко", "date_of_birth": "1984-03-02", "reason": REASON},
    )

    assert page.context["parties"] == [victim]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"full_name": "Ко", "reason": REASON}, "full_name"),
        ({"full_name": NAME, "date_of_birth": "1984-02-31", "reason": REASON}, "date_of_birth"),
    ],
)
def test_bad_input_gets_an_error_on_its_field(client, admin_user, query, field):
    client.force_login(admin_user)

    page = client.post(reverse("officers:subject_access"), query)

    assert page.status_code == 200
    assert field in page.context["form"].errors
    assert page.context["parties"] is None


def test_parties_of_cases_closed_past_the_retention_period_are_anonymised(
    settings, victim, officer, officer_user, supervisor_user
):
    settings.INCIDENT_RETENTION_DAYS = 365
    close(victim.incident, supervisor_user, days_ago=400)
    recent = make_incident(officer, "theft")
    kept = Party.objects.create(incident=recent, role="victim", full_name="Недавня Особа")
    close(recent, supervisor_user, days_ago=30)
    still_open = make_incident(
        officer, "theft", occurred_at=timezone.now() - datetime.timedelta(days=900)
    )
    open_party = Party.objects.create(
        incident=still_open, role="suspect", full_name="Відкрита Справа"
    )

    call_command("anonymise_parties", stdout=io.StringIO())

    victim.refresh_from_db()
    assert (victim.full_name, victim.date_of_birth, victim.phone, victim.address, victim.notes) == (
        "",
        None,
        "",
        "",
        "",
    )
    assert victim.anonymised_at is not None
    assert (victim.role, victim.incident.category) == ("victim", "domestic_violence")
    assert not victim.history.filter(full_name=NAME).exists()
    assert not Party.history.filter(phone="+380501112233").exists()
    assert Party.objects.get(pk=kept.pk).full_name == "Недавня Особа"
    assert Party.objects.get(pk=open_party.pk).full_name == "Відкрита Справа"
    assert AuditEntry.objects.filter(action="anonymised", summary="1 parties").exists()


def test_anonymising_again_changes_nothing(settings, victim, officer_user, supervisor_user):
    settings.INCIDENT_RETENTION_DAYS = 365
    close(victim.incident, supervisor_user, days_ago=400)
    call_command("anonymise_parties", stdout=io.StringIO())
    first = Party.objects.get(pk=victim.pk).anonymised_at

    out = io.StringIO()
    call_command("anonymise_parties", stdout=out)

    assert "Anonymised 0 parties" in out.getvalue()
    assert Party.objects.get(pk=victim.pk).anonymised_at == first


def test_an_anonymised_party_is_no_longer_found_and_shows_as_anonymised(
    client, settings, admin_user, supervisor_user, victim, officer_user
):
    settings.INCIDENT_RETENTION_DAYS = 365
    close(victim.incident, supervisor_user, days_ago=400)
    call_command("anonymise_parties", stdout=io.StringIO())
    client.force_login(admin_user)

    found = client.post(reverse("officers:subject_access"), {"full_name": NAME, "reason": REASON})
    client.force_login(supervisor_user)
    incident_page = client.get(victim.incident.get_absolute_url()).content.decode()

    assert found.context["parties"] == []
    assert "Знеособлено" in incident_page
