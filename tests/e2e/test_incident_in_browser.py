"""An officer logs a domestic violence incident with a victim; staff open it and do not
see the victim."""

import pytest

from officers.models import Incident
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e

VICTIM = "Марія Захищена"


def test_an_officer_logs_a_restricted_incident_that_staff_cannot_read(
    browser, live_server, officer_user, staff_user, officer, village, screenshot
):
    phone = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = phone.new_page()
    sign_in(page, live_server, "officer")
    page.goto(f"{live_server.url}/incidents/new/")
    page.select_option("select[name=category]", "domestic_violence")
    page.select_option("select[name=village]", str(village.pk))
    page.fill("input[name=place]", "вул. Садова, 12")
    page.fill("textarea[name=description]", "Виклик сусідів: чоловік погрожував дружині.")
    screenshot(page, "incident-form-phone")
    page.get_by_role("button", name="Зберегти чернетку").click()
    page.wait_for_selector("text=збережено як чернетку")
    page.get_by_role("link", name="Додати учасника").click()
    page.select_option("select[name=role]", "victim")
    page.fill("input[name=full_name]", VICTIM)
    page.get_by_role("button", name="Зберегти").click()
    page.wait_for_selector(f"text={VICTIM}")
    page.get_by_role("button", name="Подати рапорт").click()
    page.wait_for_selector("text=Рапорт подано керівнику")
    screenshot(page, "incident-submitted-phone")
    incident = Incident.objects.get()
    assert incident.report_status == Incident.Report.SUBMITTED
    phone.close()

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    staff = desk.new_page()
    sign_in(staff, live_server, "staff")
    staff.goto(f"{live_server.url}/incidents/")
    staff.get_by_role("link", name=incident.number).click()
    staff.wait_for_selector("text=доступні лише поліції її станції")
    screenshot(staff, "incident-staff-view")
    assert VICTIM not in staff.content()
    assert "погрожував" not in staff.content()
    desk.close()
