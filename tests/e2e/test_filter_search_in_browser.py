"""A clerk who reads every station picks a filter's village by typing, not scrolling."""

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_registries_in_browser import sign_in
from tests.factories import make_incident, make_village

pytestmark = pytest.mark.e2e


def test_staff_filter_incidents_by_a_village_found_by_typing(
    browser, live_server, staff_user, officer, village, second_village, screenshot
):
    make_village(second_village.community, name="Старобешеве")
    wanted = make_incident(officer, village=village, place="біля школи")
    make_incident(officer, village=second_village, place="біля ставка")
    for width, name in ((1280, "desktop"), (360, "phone")):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="uk-UA")
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page, live_server, "staff")
        page.goto(f"{live_server.url}/incidents/")
        if width < 768:
            page.get_by_role("button", name="Фільтри").click()

        # No select of every village: a search box that offers matches as one types.
        assert page.locator("select[name=village] option").count() == 0
        box = page.get_by_role("combobox", name="Село")
        box.fill("Старий")
        choice = page.locator("[data-value]", has_text="Старий Крим")
        choice.wait_for()
        assert page.locator("[data-value]", has_text="Старобешеве").count() == 0
        # Not the fixture's full-page picture: resizing the page closes the suggestions.
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"filter-search-{name}.png"))
        choice.click()
        page.get_by_role("button", name="Застосувати").click()

        page.wait_for_url(f"**/incidents/?*village={village.pk}*")
        assert "village-input" not in page.url  # the search words stay out of the address
        rows = page.locator("table tbody tr")
        assert rows.count() == 1
        assert wanted.number in rows.first.inner_text()
        # The choice stays shown after the page reloads with it.
        assert page.locator("select[name=village] option[selected]").inner_text() == "Старий Крим"
        assert page.locator("[slot=deck] [data-value]").inner_text().startswith("Старий Крим")
        screenshot(page, f"filter-search-chosen-{name}")
        context.close()


def test_a_keyboard_clears_a_chosen_village_and_picks_another(
    browser, live_server, staff_user, officer, village, second_village
):
    from tests.e2e.test_keyboard import tab_to

    make_incident(officer, village=village)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/incidents/?village={village.pk}")

    # The village chosen before the page loaded has a clear button Tab reaches.
    tab_to(page, "[slot=deck] .clear")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "Очистити: Старий Крим"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "combobox"
    page.keyboard.press("Escape")  # with no suggestions shown yet: nothing breaks
    page.keyboard.type("Вин")
    page.locator("[data-value]", has_text="Виноградне").wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-activedescendant')")
    page.keyboard.press("Enter")

    assert (
        page.locator("select[name=village] option[selected]").inner_text().startswith("Виноградне")
    )
    # the text box is gone with the choice made: the focus is on the choice's clear button
    assert page.evaluate("() => document.activeElement.classList.contains('clear')")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert errors == []
    context.close()


def test_tabbing_through_empty_search_boxes_throws_nothing(
    browser, live_server, staff_user, officer
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "staff")
    for path in ("/incidents/", "/shifts/", "/acts/", "/villages/"):
        page.goto(f"{live_server.url}{path}")
        for _ in range(25):
            page.keyboard.press("Tab")
            page.keyboard.press("Escape")
            if page.evaluate("() => document.activeElement.getAttribute('role') === 'combobox'"):
                page.keyboard.press("ArrowDown")  # asks for the suggestions

    assert errors == []
    context.close()
