"""Finding 6: a supervisor whose login is linked to an officer record approved their own
shift and their own incident report. Nobody reviews, approves or closes their own work,
whatever their roles; an officer record belongs only to an officer's or supervisor's login.
"""

import datetime
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.roles import ADMINISTRATOR, COUNCIL_STAFF, OFFICER, SUPERVISOR
from officers.models import Incident, MonthClosure, Shift
from tests import factories

H = datetime.timedelta(hours=1)


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def self_reporting(supervisor_user, station):
    """The supervisor of the station, linked by an administrator to an officer record there."""
    return factories.make_officer(station, surname="Самоконтроль", user=supervisor_user)


@pytest.fixture
def other_supervisor(station):
    return factories.make_supervisor(station, "second-supervisor")


@pytest.fixture
def own_shift(client, supervisor_user, self_reporting, station):
    """A shift the supervisor logged and submitted (ended on its page)."""
    shift = factories.make_shift(self_reporting, timezone.now() - 6 * H, hours=None)
    client.force_login(supervisor_user)
    client.post(
        reverse("officers:shift_end", args=[shift.pk]),
        {
            "ended_at": local(timezone.now() - H),
            "villages": [station.village.pk],
            "summary": "Патрулювання.",
        },
    )
    shift.refresh_from_db()
    assert shift.status == Shift.Status.SUBMITTED
    return shift


@pytest.fixture
def own_report(client, supervisor_user, self_reporting):
    """A report the supervisor drafted and submitted as its reporting officer."""
    incident = factories.make_incident(self_reporting, "theft", user=supervisor_user)
    client.force_login(supervisor_user)
    step(client, incident, "submit")
    incident.refresh_from_db()
    assert incident.report_status == Incident.Report.SUBMITTED
    return incident


def step(client, incident, name, **data):
    return client.post(reverse("officers:incident_step", args=[incident.pk, name]), data)


def text(response) -> str:
    return unescape(response.content.decode())


def test_attack_supervisor_approves_own_shift_is_refused(client, own_shift):
    from officers.rules import OWN_SHIFT

    response = client.post(reverse("officers:shift_review", args=[own_shift.pk, "approve"]))

    own_shift.refresh_from_db()
    assert response.status_code == 403
    assert str(OWN_SHIFT) in text(response)
    assert own_shift.status == Shift.Status.SUBMITTED
    assert own_shift.reviewed_by is None


def test_attack_supervisor_returns_own_shift_is_refused(client, own_shift):
    response = client.post(
        reverse("officers:shift_review", args=[own_shift.pk, "return"]), {"comment": "Ок"}
    )

    own_shift.refresh_from_db()
    assert response.status_code == 403
    assert own_shift.status == Shift.Status.SUBMITTED


def test_the_own_shift_page_offers_no_review_and_the_queue_leaves_it_out(client, own_shift):
    page = client.get(own_shift.get_absolute_url())
    queue = client.get(reverse("officers:shift_queue"))

    review_url = reverse("officers:shift_review", args=[own_shift.pk, "approve"])
    assert page.status_code == 200
    assert review_url not in page.content.decode()
    assert own_shift.get_absolute_url() not in queue.content.decode()


def test_another_supervisor_of_the_station_approves_the_shift(client, own_shift, other_supervisor):
    client.force_login(other_supervisor)
    page = client.get(own_shift.get_absolute_url())

    client.post(reverse("officers:shift_review", args=[own_shift.pk, "approve"]))

    own_shift.refresh_from_db()
    assert reverse("officers:shift_review", args=[own_shift.pk, "approve"]) in text(page)
    assert own_shift.status == Shift.Status.APPROVED
    assert own_shift.reviewed_by == other_supervisor


@pytest.mark.parametrize(("name", "data"), [("approve", {}), ("return", {"comment": "Ок"})])
def test_attack_supervisor_reviews_own_incident_report_is_refused(client, own_report, name, data):
    from officers.incidents.rules import OWN_REPORT

    response = step(client, own_report, name, **data)

    own_report.refresh_from_db()
    assert response.status_code == 403
    assert str(OWN_REPORT) in text(response)
    assert own_report.report_status == Incident.Report.SUBMITTED
    assert not own_report.events.filter(kind__in=["approved", "returned"]).exists()


def test_attack_supervisor_reviews_a_report_they_drafted_for_another_officer_is_refused(
    client, supervisor_user, self_reporting, officer, officer_user
):
    incident = factories.make_incident(officer, "theft", user=supervisor_user)
    client.force_login(officer_user)
    step(client, incident, "submit")
    client.force_login(supervisor_user)

    response = step(client, incident, "approve")

    incident.refresh_from_db()
    assert response.status_code == 403
    assert incident.report_status == Incident.Report.SUBMITTED


def test_attack_supervisor_closes_own_case_is_refused(client, own_report):
    from officers.incidents.rules import OWN_CASE

    response = step(client, own_report, "close", comment="Закрито мною.")

    own_report.refresh_from_db()
    assert response.status_code == 403
    assert str(OWN_CASE) in text(response)
    assert own_report.case_status != Incident.Case.CLOSED


def test_the_own_incident_page_offers_no_review_and_no_closing(client, own_report):
    page = client.get(own_report.get_absolute_url()).content.decode()

    assert reverse("officers:incident_step", args=[own_report.pk, "approve"]) not in page
    assert reverse("officers:incident_step", args=[own_report.pk, "close"]) not in page
    # the supervisor may still ask another supervisor to close it
    assert reverse("officers:incident_step", args=[own_report.pk, "request_closure"]) in page


def test_another_supervisor_of_the_station_approves_the_report_and_closes_the_case(
    client, own_report, other_supervisor
):
    client.force_login(other_supervisor)

    step(client, own_report, "approve")
    step(client, own_report, "close", comment="Майно повернуто.")

    own_report.refresh_from_db()
    assert own_report.report_status == Incident.Report.APPROVED
    assert own_report.case_status == Incident.Case.CLOSED
    assert own_report.events.get(kind="approved").user == other_supervisor


@pytest.fixture
def last_month_own_shift(self_reporting):
    first = timezone.localdate().replace(day=1)
    start = timezone.make_aware(
        datetime.datetime.combine(first - datetime.timedelta(days=10), datetime.time(8))
    )
    return factories.make_shift(self_reporting, start, hours=8)


def close_month(client, station, shift):
    month = timezone.localtime(shift.started_at).date().replace(day=1)
    return client.post(
        reverse("officers:month_close", args=[station.pk]), {"month": str(month)}, follow=True
    )


def test_attack_supervisor_closes_a_month_of_own_unapproved_shifts_is_refused(
    client, supervisor_user, station, last_month_own_shift
):
    from officers.rules import OWN_MONTH

    client.force_login(supervisor_user)
    month = timezone.localtime(last_month_own_shift.started_at).date().replace(day=1)
    page = client.get(
        reverse("officers:station_timesheet", args=[station.pk]), {"month": f"{month:%Y-%m}"}
    )

    response = close_month(client, station, last_month_own_shift)

    assert reverse("officers:month_close", args=[station.pk]) not in text(page)
    assert str(OWN_MONTH) in text(page)
    assert str(OWN_MONTH) in text(response)
    assert not MonthClosure.objects.exists()


def test_a_month_of_own_shifts_approved_by_another_supervisor_can_be_closed(
    client, supervisor_user, station, last_month_own_shift, other_supervisor
):
    last_month_own_shift.status = Shift.Status.APPROVED
    last_month_own_shift.reviewed_by = other_supervisor
    last_month_own_shift.save()
    client.force_login(supervisor_user)

    close_month(client, station, last_month_own_shift)

    assert MonthClosure.objects.filter(station=station).exists()


def officer_change_data(officer, **overrides) -> dict:
    data = {
        "surname": officer.surname,
        "name": officer.name,
        "patronymic": officer.patronymic,
        "badge_number": officer.badge_number,
        "rank": officer.rank,
        "phone": officer.phone,
        "station": officer.station_id,
        "service_start": officer.service_start.isoformat(),
        "status": officer.status,
        "left_on": "",
        "user": "",
        "trainings-TOTAL_FORMS": "0",
        "trainings-INITIAL_FORMS": "0",
        "trainings-MIN_NUM_FORMS": "0",
        "trainings-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("persona", ["staff_user", "admin_user"])
def test_attack_admin_links_an_officer_record_to_a_staff_or_admin_login_is_refused(
    client, request, admin_user, officer, persona
):
    login = request.getfixturevalue(persona)
    client.force_login(admin_user)
    url = reverse("admin:officers_officer_change", args=[officer.pk])

    response = client.post(url, officer_change_data(officer, user=login.pk))

    officer.refresh_from_db()
    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    assert officer.user is None


def test_the_admin_links_an_officer_record_to_a_supervisor_login(
    client, admin_user, officer, supervisor_user
):
    client.force_login(admin_user)
    url = reverse("admin:officers_officer_change", args=[officer.pk])

    page = client.get(url)
    response = client.post(url, officer_change_data(officer, user=supervisor_user.pk))

    officer.refresh_from_db()
    assert response.status_code == 302
    assert officer.user == supervisor_user
    from officers.models import Officer

    assert str(Officer._meta.get_field("user").help_text) in text(page)


@pytest.mark.parametrize("role", [COUNCIL_STAFF, ADMINISTRATOR])
def test_attack_admin_gives_a_staff_or_admin_login_an_officer_record_is_refused(
    client, admin_user, officer, role
):
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:policing_user_add"),
        {
            "username": "not-police",
            "usable_password": "true",
            "password1": "a-long-and-private-passphrase",
            "password2": "a-long-and-private-passphrase",
            "role": role,
            "officer": officer.pk,
        },
    )

    officer.refresh_from_db()
    assert response.status_code == 200
    assert "officer" in response.context["adminform"].form.errors
    assert officer.user is None


def test_a_login_counts_by_its_first_role_and_a_superuser_is_an_administrator(officer):
    from django.core.exceptions import ValidationError

    staff_and_officer = factories.make_user(COUNCIL_STAFF)
    staff_and_officer.groups.add(Group.objects.get(name=OFFICER))
    superuser_officer = factories.make_user(OFFICER, is_superuser=True)
    supervisor_and_officer = factories.make_user(SUPERVISOR)
    supervisor_and_officer.groups.add(Group.objects.get(name=OFFICER))

    def refused(user) -> bool:
        officer.user = user
        try:
            officer.full_clean()
        except ValidationError as error:
            return "user" in error.message_dict
        return False

    assert refused(staff_and_officer)
    assert refused(superuser_officer)
    assert not refused(supervisor_and_officer)
