"""Council staff in a real browser: sign in, open a village, add an officer with a photo."""

import pytest
from django.contrib.auth import get_user_model

from accounts import two_factor
from officers.models import Officer
from tests.factories import PASSWORD, current_code, enrolled_phone, image_bytes

pytestmark = pytest.mark.e2e


def sign_in(page, live_server, username: str) -> None:
    """Password, then (for roles that need it) the code from the person's phone."""
    user = get_user_model().objects.get(username=username)
    device = enrolled_phone(user) if two_factor.is_required(user) else None
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].btn-primary")
    if device is not None:
        page.wait_for_url("**/accounts/two-factor/**")
        page.fill("input[name=code]", current_code(device))
        page.click("button[type=submit].btn-primary")
    page.wait_for_url(f"{live_server.url}/")


def test_staff_open_a_village_and_add_an_officer_with_a_photo(
    page, live_server, staff_user, village, station, screenshot, tmp_path
):
    sign_in(page, live_server, "staff")
    screenshot(page, "home-staff")

    page.get_by_role("button", name="Територія").click()
    page.get_by_role("link", name="Села", exact=True).first.click()
    page.get_by_role("link", name="Старий Крим").click()
    assert page.locator("h1").inner_text() == "Старий Крим"
    assert page.get_by_text(station.name).first.is_visible()
    screenshot(page, "village-detail")

    page.goto(f"{live_server.url}/officers/")
    page.get_by_role("link", name="Додати офіцера").first.click()
    page.fill("input[name=surname]", "Тимофєєв")
    page.fill("input[name=name]", "Артем")
    page.fill("input[name=badge_number]", "0001001")
    page.select_option("select[name=station]", str(station.pk))
    page.check(f"input[name=villages][value='{village.pk}']")
    page.fill("input[name=service_start]", "2021-10-19")
    photo = tmp_path / "artem.jpg"
    photo.write_bytes(image_bytes(size=(600, 800)))
    page.set_input_files("input[name=photo]", str(photo))
    screenshot(page, "officer-form")
    page.get_by_role("button", name="Зберегти").click()

    page.wait_for_selector("h1:has-text('Тимофєєв Артем')")
    officer = Officer.objects.get(badge_number="0001001")
    assert officer.photo
    image = page.locator("img.photo")
    width = image.evaluate(
        "img => img.complete ? img.naturalWidth"
        " : new Promise(done => { img.onload = () => done(img.naturalWidth); })"
    )
    assert width > 0  # the stored photo is served and decodes
    screenshot(page, "officer-detail")


def test_an_officer_on_a_phone_sees_their_profile_read_only(
    browser, live_server, officer_user, officer, screenshot
):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "officer")

    page.get_by_role("link", name="Мій профіль").first.click()

    assert page.locator("h1").inner_text() == officer.full_name
    assert page.get_by_role("link", name="Редагувати").count() == 0
    screenshot(page, "officer-profile-phone")
    context.close()


def test_the_language_switch_in_the_browser(page, live_server, staff_user, screenshot):
    sign_in(page, live_server, "staff")

    page.get_by_role("button", name="EN").click()

    page.wait_for_selector("html[lang=en]")
    page.get_by_role("button", name="Territory").click()
    assert page.get_by_role("link", name="Villages").first.is_visible()
    screenshot(page, "home-english")
