"""What axe cannot see: the officer's day and the clerk's act done with the keyboard
alone. Every control of each page is reached by Tab, the focus can always be seen, a
skip link leads to the content, and a form sent back with mistakes says so first."""

import pytest
from django.contrib.auth import get_user_model

from accounts import two_factor
from officers.models import Incident, Shift
from stations.models import Handover
from tests.factories import PASSWORD, current_code, enrolled_phone

pytestmark = pytest.mark.e2e

MARK_CONTROLS = """() => {
  const controls = [...document.querySelectorAll(
    'a[href], button, input, select, textarea, [tabindex]')].filter(el =>
    !el.disabled && el.type !== 'hidden' && el.tabIndex >= 0 && el.getClientRects().length
    && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[inert]'));
  controls.forEach((el, i) => el.dataset.kb = String(i));
  return controls.map(el => el.dataset.kb + ' ' + el.outerHTML.slice(0, 90));
}"""
FOCUSED = r"""() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    kb: el.dataset ? el.dataset.kb || null : null,
    html: el.outerHTML.slice(0, 90),
    visible: rect.width > 0 && rect.height > 0,
    style: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' '),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
      && !/rgba\(.*, 0\)/.test(style.outlineColor),
  };
}"""


def focused(page) -> dict:
    state = page.evaluate(FOCUSED)
    assert state["visible"], f"focus on something unseen: {state['html']}"
    assert state["ring"], f"no visible focus on {state['html']}: {state['style']}"
    return state


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the control ``selector`` has the focus, checking the focus on
    the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            focused(page)
            return
        if page.evaluate("() => document.activeElement !== document.body"):
            focused(page)
    raise AssertionError(f"Tab never reached {selector}")


def every_control_is_reached(page) -> None:
    """Tab once around the whole page: each visible control takes the focus in turn."""
    controls = page.evaluate(MARK_CONTROLS)
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.focus("body")
    reached, wanted = set(), {control.split(" ")[0] for control in controls}
    for _ in range(6 * len(controls) + 20):  # a date and time field takes six Tabs
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            continue
        reached.add(focused(page)["kb"])
        if wanted <= reached:
            break
    missed = [c for c in controls if c.split(" ")[0] not in reached]
    assert missed == [], f"{page.url}: Tab never reaches {missed}"


def skip_link_leads_to_the_content(page) -> None:
    page.evaluate("() => document.activeElement.blur()")
    page.focus("body")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == ("Перейти до змісту")
    focused(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def sign_in_by_keyboard(page, live_server, username: str) -> None:
    user = get_user_model().objects.get(username=username)
    device = enrolled_phone(user) if two_factor.is_required(user) else None
    page.goto(f"{live_server.url}/accounts/login/")
    tab_to(page, "input[name=username]")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    if device is not None:
        page.wait_for_url("**/accounts/two-factor/**")
        tab_to(page, "input[name=code]")
        page.keyboard.type(current_code(device))
        page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")


def press_and_wait(page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def test_an_officer_works_a_shift_by_keyboard(
    browser, live_server, officer_user, officer, second_village, screenshot
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    page = context.new_page()
    sign_in_by_keyboard(page, live_server, "officer")
    skip_link_leads_to_the_content(page)
    every_control_is_reached(page)

    tab_to(page, "button[type=submit].btn-success")  # Start a shift now
    press_and_wait(page)
    assert Shift.objects.open().filter(officer=officer).exists()

    tab_to(page, f"a[href='{live_server.url}/incidents/new/'], a[href='/incidents/new/']")
    press_and_wait(page)
    every_control_is_reached(page)
    tab_to(page, "textarea[name=description]")
    page.keyboard.type("Сварка між сусідами через межу ділянки.")
    tab_to(page, "main button[type=submit].btn-primary")
    page.keyboard.press("Enter")
    # a kept form (keep.js) comes back with its errors in place of the page's content
    page.locator("[data-error-summary]").wait_for()
    screenshot(page, "keyboard-incident-error")
    # The category was left out: the page says so first, and takes the person there.
    assert page.title().startswith("Помилка: ")
    assert page.evaluate("() => document.activeElement.matches('[data-error-summary]')")
    tab_to(page, "[data-error-summary] a[href='#id_category']")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.name") == "category"
    for _ in range(3):  # a closed select steps through its options: the third one
        page.keyboard.press("ArrowDown")
    tab_to(page, "main button[type=submit].btn-primary")
    press_and_wait(page)
    incident = Incident.objects.get(reporting_officer=officer)
    assert incident.category == "domestic_conflict"
    assert incident.village == officer.villages.get()  # preselected, not typed

    page.goto(f"{live_server.url}/")
    tab_to(page, "a[href*='/end/']")
    press_and_wait(page)
    every_control_is_reached(page)
    tab_to(page, "textarea[name=summary]")
    page.keyboard.type("Патрулювання, прийом громадян.")
    tab_to(page, "main button[type=submit].btn-primary")
    press_and_wait(page)
    screenshot(page, "keyboard-shift-ended")
    shift = Shift.objects.get(officer=officer)
    assert shift.status == Shift.Status.SUBMITTED
    assert list(shift.villages.all()) == [officer.villages.get()]
    context.close()


def test_a_clerk_draws_up_an_act_by_keyboard(
    browser, live_server, staff_user, officer, radio, screenshot
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="uk-UA")
    page = context.new_page()
    sign_in_by_keyboard(page, live_server, "staff")
    page.goto(f"{live_server.url}/acts/issue/")
    skip_link_leads_to_the_content(page)
    every_control_is_reached(page)

    tab_to(page, "select[name=officer]")
    assert page.eval_on_selector("select[name=officer]", "s => s.value") == str(officer.pk)
    tab_to(page, "input[name=place]")
    page.keyboard.type("смт Старий Крим, поліцейська станція")
    page.keyboard.press("Tab")
    page.keyboard.type("Олена Коваль")
    page.keyboard.press("Tab")
    page.keyboard.type("Працівник міської ради")
    tab_to(page, "select[name='form-0-item']")
    page.keyboard.press("ArrowDown")
    tab_to(page, "main button[type=submit].btn-primary")
    press_and_wait(page)
    screenshot(page, "keyboard-act")

    act = Handover.objects.get()
    assert act.officer == officer
    assert [line.item for line in act.lines.all()] == [radio]
    assert page.url.split("#")[0].endswith(act.get_absolute_url())
    every_control_is_reached(page)
    context.close()
