"""On the incident form, one tap fills the coordinates from the phone's position."""

import pytest

from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e


def incident_form_on_phone(browser, live_server, **context):
    """A new incident's form on a signed-in officer's phone."""
    phone = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA", **context)
    page = phone.new_page()
    sign_in(page, live_server, "officer")
    page.goto(f"{live_server.url}/incidents/new/")
    return phone, page


def test_use_my_location_fills_latitude_and_longitude(
    browser, live_server, officer_user, village, screenshot
):
    phone, page = incident_form_on_phone(
        browser,
        live_server,
        geolocation={"latitude": 47.165301, "longitude": 37.487409, "accuracy": 12},
        permissions=["geolocation"],
    )

    page.get_by_role("button", name="Моє місцезнаходження").click()

    page.wait_for_selector("text=з точністю до 12 м")
    assert page.input_value("input[name=latitude]") == "47.16530"
    assert page.input_value("input[name=longitude]") == "37.48741"
    assert page.get_by_role("button", name="Моє місцезнаходження").is_enabled()  # again
    page.mouse.move(0, 0)
    screenshot(page, "incident-location-phone")
    phone.close()


def test_a_refused_permission_says_what_to_do(browser, live_server, officer_user, village):
    phone, page = incident_form_on_phone(browser, live_server)
    # headless Chromium without the permission answers as a person who said no
    page.get_by_role("button", name="Моє місцезнаходження").click()

    page.wait_for_selector("text=введіть координати вручну")
    assert page.input_value("input[name=latitude]") == ""
    phone.close()
