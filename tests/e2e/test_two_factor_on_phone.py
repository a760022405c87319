"""An officer's first sign-in on a 360 px phone: enrol the authenticator app by typing
the key the page shows, then sign in again with password and code."""

import base64

import pytest
from django_otp.oath import totp

from tests.factories import PASSWORD, end_every_session

pytestmark = pytest.mark.e2e


def code_for(secret: str) -> str:
    """What an authenticator app shows for the key typed in from the page."""
    key = secret.replace(" ", "")
    raw = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(raw):06d}"


def password_step(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].btn-primary")


def test_an_officer_enrols_a_phone_then_signs_in_with_a_code(
    browser, live_server, officer_user, screenshot
):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = context.new_page()
    password_step(page, live_server)
    page.wait_for_url("**/accounts/two-factor/setup/**")
    assert page.locator("img.qr-code").is_visible()
    screenshot(page, "two-factor-setup-phone")

    secret = page.locator(".font-monospace").inner_text()
    page.fill("input[name=code]", code_for(secret))
    page.get_by_role("button", name="Увімкнути двофакторний вхід").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_text("Двофакторний вхід увімкнено").is_visible()

    end_every_session()  # another day, a new session
    password_step(page, live_server)
    page.wait_for_url("**/accounts/two-factor/?**")
    screenshot(page, "two-factor-code-phone")
    page.fill("input[name=code]", "000000")
    page.get_by_role("button", name="Далі").click()
    # said twice: at the top of the page (the error summary) and under the field
    page.locator("[data-error-summary]").wait_for()
    assert page.get_by_text("Код неправильний").count() == 2
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()
