"""The dashboard and the monthly report, captured in both languages."""

import pytest

from tests import factories
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e


def test_the_dashboard_and_report_in_ukrainian_and_english(
    browser, live_server, staff_user, officer, second_village, screenshot
):
    for category in ("domestic_violence", "theft", "theft", "domestic_conflict"):
        factories.make_incident(officer, category)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "staff")

    for language, heading, report in (
        ("uk", "Коротко", "Щомісячний звіт"),
        ("en", "At a glance", "Monthly report"),
    ):
        if language == "en":
            page.get_by_role("button", name="EN").click()
            page.wait_for_selector("html[lang=en]")
        page.goto(f"{live_server.url}/")
        assert page.get_by_role("heading", name=heading).is_visible()
        assert page.locator("svg.chart-svg").count() >= 3
        screenshot(page, f"dashboard-{language}")
        page.goto(f"{live_server.url}/report/")
        assert page.locator("h1").inner_text().startswith(report)
        screenshot(page, f"report-{language}")
    context.close()
