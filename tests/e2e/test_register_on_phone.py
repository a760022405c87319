"""An officer on a 360 px phone takes an offender onto the preventive register from the
incident's page. Without a signal the form stays on the screen as typed and says so: the
register's words are never kept on the phone (no outbox, no draft, no kept page)."""

import pytest

from offenders.models import Offender
from officers.models import Party
from tests import factories
from tests.e2e.test_offline_on_phone import KEPT_DRAFTS, KEPT_URLS, OUTBOX_SIZE, officer_phone

pytestmark = pytest.mark.e2e

SUSPECT = "Бойко Іван Петрович"


def test_the_register_form_waits_on_the_screen_for_the_signal(
    browser, live_server, officer_user, officer, screenshot
):
    incident = factories.make_incident(officer, "domestic_violence")
    Party.objects.create(incident=incident, role="suspect", full_name=SUSPECT)
    phone, page = officer_phone(browser, live_server)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.goto(f"{live_server.url}{incident.get_absolute_url()}")

    page.get_by_role("link", name="Взяти кривдника на профілактичний облік").click()
    assert page.input_value("input[name=full_name]") == SUSPECT  # the incident's suspect
    phone.set_offline(True)
    page.get_by_role("button", name="Зберегти").click()
    page.get_by_text("Немає зв’язку. Написане лишається на цьому екрані").wait_for()
    page.get_by_role("button", name="Зберегти").click()  # a second tap, in doubt
    screenshot(page, "register-offline-phone")

    assert page.input_value("input[name=full_name]") == SUSPECT
    assert page.evaluate(OUTBOX_SIZE) == 0
    assert not [key for key in page.evaluate(KEPT_DRAFTS) if "register" in key]
    assert not [url for url in page.evaluate(KEPT_URLS) if url.startswith("/register/")]
    assert not Offender.objects.exists()

    phone.set_offline(False)
    page.get_by_role("button", name="Зберегти").click()
    page.get_by_text("особу взято на облік").wait_for()

    offender = Offender.objects.get()
    assert (offender.full_name, offender.incident, offender.grounds) == (
        SUSPECT, incident, "incident",
    )  # fmt: skip
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    phone.close()
