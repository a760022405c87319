"""Residents' appeals: registered by the officer, worked to an answer by the station's
police; who appealed and about what never reach anyone else."""

import csv
import datetime
import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from appeals.models import Appeal, AppealView
from audit.models import AuditEntry
from officers.models import Incident
from tests import factories
from tests.factories import APPEAL_SUBJECT, RESIDENT_NAME

NEW = reverse("appeals:appeal_create")


def register(client, village, **overrides):
    data = factories.appeal_post(village, **overrides)
    data.setdefault("form_key", str(uuid.uuid4()))
    return client.post(NEW, data)


def step(client, appeal, name, **data):
    return client.post(reverse("appeals:appeal_step", args=[appeal.pk, name]), data)


@pytest.fixture
def signed_in(client, officer_user):
    client.force_login(officer_user)
    return client


@pytest.fixture
def appeal(officer, officer_user):
    return factories.make_appeal(officer)


def test_an_officer_registers_an_appeal_numbered_with_its_term(signed_in, officer, village):
    response = register(signed_in, village, needs_study="")

    appeal = Appeal.objects.get()
    assert response["Location"] == appeal.get_absolute_url()
    assert appeal.number == f"{timezone.localdate().year}-0001"
    assert appeal.deadline == timezone.localdate() + datetime.timedelta(days=15)
    assert appeal.station == officer.station
    page = signed_in.get(appeal.get_absolute_url()).content.decode()
    assert RESIDENT_NAME in page
    assert APPEAL_SUBJECT in page
    logged = AuditEntry.objects.get(action="restricted_view", object_id=str(appeal.pk))
    assert logged.summary == f"appeal {appeal.number}"


def test_the_same_form_sent_twice_registers_one_appeal(signed_in, village):
    key = str(uuid.uuid4())

    register(signed_in, village, form_key=key)
    register(signed_in, village, form_key=key)

    assert Appeal.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("received_on", "2099-01-01", "Ця дата в майбутньому."),
        ("resident_name", "", "Це поле обов'язкове."),
        ("channel", "pigeon", "немає серед варіантів"),
    ],
)
def test_bad_input_is_told_on_its_field_and_nothing_is_saved(
    signed_in, village, field, value, error
):
    response = register(signed_in, village, **{field: value})

    assert error in " ".join(response.context["form"].errors[field])
    assert not Appeal.objects.exists()


def test_a_crafted_post_cannot_register_in_another_stations_village(signed_in, other_station):
    response = register(signed_in, other_station.village)

    assert "village" in response.context["form"].errors
    assert not Appeal.objects.exists()


def test_every_view_of_the_personal_data_is_logged(signed_in, appeal, officer_user):
    signed_in.get(appeal.get_absolute_url())
    signed_in.get(reverse("appeals:appeal_update", args=[appeal.pk]))

    assert AppealView.objects.filter(appeal=appeal, user=officer_user).count() == 2


def test_staff_and_administrators_get_no_name_or_subject_anywhere(
    client, appeal, staff_user, admin_user
):
    appeal_page = appeal.get_absolute_url()
    pages = [
        appeal_page,
        reverse("appeals:appeal_list"),
        reverse("appeals:appeal_list") + "?export=csv",
        reverse("admin:appeals_appeal_changelist"),
        reverse("admin:appeals_appeal_change", args=[appeal.pk]),
        reverse("admin:appeals_appeal_history", args=[appeal.pk]),
    ]
    for user in (staff_user, admin_user):
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            if response.status_code == 302:  # staff have no admin
                continue
            body = (
                b"".join(response.streaming_content) if response.streaming else response.content
            ).decode("utf-8-sig")
            assert response.status_code == 200, url
            assert "Олійник" not in body, url
            assert "погрожує" not in body, url
            assert "+380671234567" not in body, url
        found = client.get(reverse("search"), {"q": RESIDENT_NAME.split()[0]}).content.decode()
        assert appeal_page not in found  # the search box reads no appeal
    assert not AppealView.objects.exists()  # nothing shown, nothing to log
    assert (
        "Показано лише поліції станції, якій надійшло звернення"
        in client.get(appeal_page).content.decode()
    )


def test_the_appeal_is_worked_to_an_answer_and_every_step_is_kept(signed_in, appeal):
    step(signed_in, appeal, "start")
    step(signed_in, appeal, "extend", reason="Потрібен висновок служби у справах дітей")
    appeal.refresh_from_db()
    assert appeal.status == "in_work"
    assert appeal.deadline == appeal.received_on + datetime.timedelta(days=45)

    step(
        signed_in,
        appeal,
        "answer",
        answer="Проведено бесіду із сусідом.",
        answered_on=timezone.localdate().isoformat(),
        answer_method="in_person",
    )

    appeal.refresh_from_db()
    assert appeal.status == "answered"
    assert appeal.history.count() == 4
    page = signed_in.get(appeal.get_absolute_url()).content.decode()
    assert "Проведено бесіду із сусідом." in page
    assert "Записати відповідь" not in page  # closed: no more steps


def test_an_answer_without_its_text_is_refused_with_a_reason(signed_in, appeal):
    response = step(signed_in, appeal, "answer", answer="", answered_on="", answer_method="")

    appeal.refresh_from_db()
    assert appeal.status == "received"
    assert "Не збережено" in signed_in.get(response["Location"]).content.decode()


def test_a_second_tap_on_a_closed_appeal_is_told_not_refused(signed_in, appeal):
    step(signed_in, appeal, "refer", referred_to="Служба у справах дітей")

    again = step(signed_in, appeal, "refer", referred_to="Інша служба")

    appeal.refresh_from_db()
    assert appeal.referred_to == "Служба у справах дітей"
    assert again.status_code == 302
    assert "вже надано відповідь" in signed_in.get(again["Location"]).content.decode()


def test_an_appeal_becomes_a_linked_draft_incident(signed_in, appeal, officer):
    response = step(signed_in, appeal, "incident", category="domestic_conflict")

    incident = Incident.objects.get()
    appeal.refresh_from_db()
    assert appeal.incident == incident
    assert incident.description == APPEAL_SUBJECT
    assert incident.reporting_officer == officer
    assert response["Location"] == reverse("officers:incident_update", args=[incident.pk])
    assert step(signed_in, appeal, "incident", category="theft").status_code == 302
    assert Incident.objects.count() == 1


def test_an_answered_appeal_may_still_become_an_incident(signed_in, appeal):
    step(signed_in, appeal, "refer", referred_to="Служба у справах дітей")

    step(signed_in, appeal, "incident", category="domestic_conflict")

    appeal.refresh_from_db()
    assert appeal.incident is not None
    assert appeal.status == "referred"


def test_staff_cannot_work_an_appeal_by_a_crafted_post(client, staff_user, appeal):
    client.force_login(staff_user)

    response = step(client, appeal, "refer", referred_to="Куди завгодно")

    assert response.status_code == 403
    appeal.refresh_from_db()
    assert appeal.status == "received"


def test_another_stations_officer_sees_the_appeal_as_missing(client, other_officer_user, appeal):
    client.force_login(other_officer_user)

    assert client.get(appeal.get_absolute_url()).status_code == 404
    assert step(client, appeal, "start").status_code == 404


def test_the_export_has_no_personal_data_and_counts_what_the_list_shows(staff, appeal, officer):
    factories.make_appeal(officer, channel="phone")

    response = staff.get(reverse("appeals:appeal_list"), {"channel": "phone", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    assert len(rows) == 2
    assert rows[1][2] == "Телефоном"


@pytest.mark.parametrize(
    ("who", "shown"), [("officer_user", True), ("supervisor_user", True), ("staff_user", False)]
)
def test_the_home_page_tells_the_police_of_overdue_appeals(client, request, officer, who, shown):
    factories.make_appeal(
        officer, received_on=timezone.localdate() - datetime.timedelta(days=20), needs_study=False
    )
    client.force_login(request.getfixturevalue(who))

    page = client.get(reverse("home")).content.decode()

    assert ("1 звернення громадян прострочено" in page) is shown
