"""An officer on a 360 px wide phone starts a shift, then ends it."""

import pytest

from officers.models import Shift
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e


def test_the_officer_starts_and_ends_a_shift_on_a_phone(
    browser, live_server, officer_user, officer, screenshot
):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "officer")
    screenshot(page, "shift-off-duty-phone")

    page.get_by_role("button", name="Почати зміну зараз").click()
    page.wait_for_selector("text=На чергуванні з")
    screenshot(page, "shift-on-duty-phone")
    assert Shift.objects.get().is_open

    page.get_by_role("link", name="Завершити зміну").click()
    page.fill("textarea[name=summary]", "Патрулювання, профілактична бесіда з підлітками.")
    screenshot(page, "shift-end-form-phone")
    page.get_by_role("button", name="Завершити й подати").click()
    page.wait_for_selector("text=Зміну завершено")
    screenshot(page, "shift-submitted-phone")

    shift = Shift.objects.get()
    assert shift.status == Shift.Status.SUBMITTED
    assert list(shift.villages.all()) == list(officer.villages.all())
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()
