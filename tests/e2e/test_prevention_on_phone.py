"""An officer on a 360 px wide phone records a talk at a school and a resident's appeal
during the shift, and a talk typed in a dead zone goes once the signal returns."""

import re

import pytest

from appeals.models import Appeal
from officers.models import Shift
from prevention.models import PreventiveEvent
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e


def on_duty_on_a_phone(browser, live_server, officer, village):
    officer.villages.set([village])
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "officer")
    page.get_by_role("button", name="Почати зміну зараз").click()
    # the heading itself: "text=На чергуванні з" also matches the off-duty page's
    # "Зараз на чергуванні / Зараз ніхто…" (case-insensitive), before the shift is saved
    page.get_by_role("heading", name=re.compile(r"^На чергуванні з \d\d:\d\d$")).wait_for()
    return context, page


def fill_a_school_talk(page):
    page.get_by_role("link", name="Записати профілактичний захід").click()
    page.select_option("select[name=kind]", label="Бесіда в школі")
    page.select_option("select[name=topic]", label="Вибухонебезпечні предмети")
    page.fill("input[name=audience]", "27")
    page.fill("textarea[name=note]", "5–7 класи: не торкатися, дзвонити 101.")


def test_the_officer_records_a_school_talk_in_the_shift_from_the_phone(
    browser, live_server, officer_user, officer, village, screenshot
):
    context, page = on_duty_on_a_phone(browser, live_server, officer, village)

    fill_a_school_talk(page)
    screenshot(page, "prevention-form-phone")
    page.get_by_role("button", name="Зберегти").click()
    page.wait_for_selector("text=Записано:")
    screenshot(page, "prevention-recorded-phone")

    event = PreventiveEvent.objects.get()
    assert (event.kind, event.topic, event.audience) == ("school_talk", "explosives", 27)
    assert event.village == village  # the officer's only village, chosen for them
    assert event.shift == Shift.objects.get()
    assert page.locator("text=Бесіда в школі").first.is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()


def test_a_talk_recorded_without_signal_is_sent_once_when_it_returns(
    browser, live_server, officer_user, officer, village
):
    context, page = on_duty_on_a_phone(browser, live_server, officer, village)
    fill_a_school_talk(page)

    context.set_offline(True)
    page.get_by_role("button", name="Зберегти").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    page.get_by_role("button", name="Зберегти").click()  # a second tap, in doubt
    assert not PreventiveEvent.objects.exists()
    context.set_offline(False)
    page.locator("#keep").get_by_text("Надіслано і збережено").wait_for()

    assert PreventiveEvent.objects.get().audience == 27
    context.close()


def test_the_officer_registers_an_appeal_taken_in_the_village_from_the_phone(
    browser, live_server, officer_user, officer, village, screenshot
):
    context, page = on_duty_on_a_phone(browser, live_server, officer, village)

    page.get_by_role("link", name="Зареєструвати звернення").click()
    page.select_option("select[name=channel]", label="У селі")
    page.fill("input[name=resident_name]", "Олійник Ганна")
    page.fill("input[name=resident_phone]", "+380671234567")
    page.fill("textarea[name=subject]", "Просять патрулювати біля зупинки ввечері.")
    page.uncheck("input[name=needs_study]")
    screenshot(page, "appeal-form-phone")
    page.get_by_role("button", name="Зберегти").click()
    page.get_by_text("зареєстровано; відповісти до").wait_for()
    screenshot(page, "appeal-registered-phone")

    appeal = Appeal.objects.get()
    assert (appeal.channel, appeal.village, appeal.needs_study) == ("village", village, False)
    assert page.get_by_text("Олійник Ганна").is_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()
