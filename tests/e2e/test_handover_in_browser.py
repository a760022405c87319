"""Staff issue two items to an officer, the officer confirms, the act is printed."""

import pytest

from stations.models import Handover
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e


def test_staff_issue_two_items_the_officer_confirms_and_the_act_prints(
    browser, live_server, staff_user, officer_user, officer, radio, pistol, screenshot
):
    staff_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    staff = staff_context.new_page()
    sign_in(staff, live_server, "staff")
    staff.goto(f"{live_server.url}/acts/issue/")
    staff.select_option("select[name=officer]", str(officer.pk))
    staff.fill("input[name=place]", "смт Старий Крим, поліцейська станція")
    staff.fill("input[name=official_name]", "Вадим Бойченко")
    staff.fill("input[name=official_role]", "Маріупольський міський голова")
    staff.fill("textarea[name=witnesses]", "Олена Коваль\nІгор Мельник")
    staff.select_option("select[name=form-0-item]", str(radio.pk))
    staff.select_option("select[name=form-1-item]", str(pistol.pk))
    screenshot(staff, "act-issue-form")
    staff.get_by_role("button", name="Скласти акт").click()
    staff.wait_for_selector("text=Чекає підтвердження")
    act = Handover.objects.get()
    assert act.lines.count() == 2
    screenshot(staff, "act-awaiting")

    phone = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    officer_page = phone.new_page()
    sign_in(officer_page, live_server, "officer")
    officer_page.get_by_role("link", name="Перевірити й підтвердити").click()
    officer_page.get_by_role("button", name="Підтверджую отримання цих предметів").click()
    officer_page.wait_for_selector("text=Акт більше не змінюється")
    screenshot(officer_page, "act-confirmed-phone")
    act.refresh_from_db()
    assert act.confirmed_by == officer_user

    staff.goto(f"{live_server.url}/acts/{act.pk}/print/")
    assert staff.locator("h1").inner_text().endswith(act.number)
    screenshot(staff, "act-print")
    staff.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = staff.pdf(path=str(ARTIFACTS / "act-print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    staff_context.close()
    phone.close()
