"""An officer sets aside an own draft logged by mistake or twice: it stays in the log
with its number and history, leaves the figures, and nobody works on it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from officers.incidents import services
from officers.models import Incident, IncidentEvent
from tests import factories
from tests.officers.incidents.test_workflow import offered_steps, post_step

DISCARDED = "Чернетку скасовано. Вона зберігає свій номер і лишається в журналі."


@pytest.fixture
def draft(officer):
    return factories.make_incident(officer, "theft", description="Двічі записана крадіжка")


def test_the_officer_discards_an_own_draft_and_it_stays_with_its_number(
    client, officer_user, draft
):
    client.force_login(officer_user)
    assert "discard" in offered_steps(client, draft)

    page = post_step(client, draft, "discard", follow=True)

    draft.refresh_from_db()
    assert draft.report_status == Incident.Report.DISCARDED
    assert DISCARDED in page.content.decode()
    assert "Скасовано" in page.content.decode()  # the report badge
    assert IncidentEvent.objects.filter(incident=draft, kind="discarded").exists()
    assert draft.history.filter(report_status="discarded").exists()
    assert offered_steps(client, draft) == set()  # nothing more is done with it


def test_a_discarded_number_is_not_given_again(client, officer_user, officer, village, draft):
    services.incident_discard(incident=draft, user=officer_user)

    following = factories.make_incident(officer, "theft")

    assert following.number != draft.number
    assert Incident.objects.filter(number=draft.number).count() == 1


@pytest.mark.parametrize("who", ["supervisor_user", "other_officer_user", "staff_user"])
def test_only_its_officer_may_discard_a_draft(client, request, draft, who):
    client.force_login(request.getfixturevalue(who))

    response = post_step(client, draft, "discard")

    assert response.status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.report_status == Incident.Report.DRAFT


def test_a_report_once_submitted_is_not_discarded(client, officer_user, draft):
    draft.place = "двір"
    draft.save()
    services.incident_submit(incident=draft, user=officer_user)
    client.force_login(officer_user)

    assert "discard" not in offered_steps(client, draft)
    response = post_step(client, draft, "discard")

    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.report_status == Incident.Report.SUBMITTED


def test_nobody_works_on_a_discarded_incident(client, officer_user, draft):
    services.incident_discard(incident=draft, user=officer_user)
    client.force_login(officer_user)

    response = post_step(client, draft, "start")

    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.case_status == Incident.Case.OPEN


def test_the_figures_leave_a_discarded_draft_out_and_the_list_still_shows_it(
    client, officer_user, staff_user, officer, village
):
    now = timezone.now() - datetime.timedelta(hours=2)
    kept = factories.make_incident(officer, "fraud", occurred_at=now, reported_at=now)
    twice = factories.make_incident(officer, "fraud", occurred_at=now, reported_at=now)
    services.incident_discard(incident=twice, user=officer_user)
    client.force_login(staff_user)

    home = client.get(reverse("home"))
    month = timezone.localtime(now).strftime("%Y-%m")
    report = client.get(
        reverse("monthly_report"), {"community": village.community_id, "month": month}
    )
    listed = client.get(reverse("officers:incident_list"), {"report_status": "discarded"})

    by_category = {bar.label: bar.value for bar in home.context["dashboard"]["by_category"].bars}
    assert by_category["Шахрайство"] == 1
    assert {row.label: row.now for row in report.context["by_category"]}["Шахрайство"] == 1
    assert [i.pk for i in listed.context["object_list"]] == [twice.pk]
    assert kept.pk != twice.pk
