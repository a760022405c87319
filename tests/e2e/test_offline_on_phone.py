"""An officer's phone on a village's signal: nothing typed is lost, a form sent without
a signal goes once when it returns, and an ended session gives the text back."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from officers.models import Incident
from tests import factories
from tests.e2e.test_registries_in_browser import sign_in
from tests.factories import PASSWORD, current_code, enrolled_phone

pytestmark = pytest.mark.e2e

DESCRIPTION = "Викрадено велосипед з подвір'я, сусід бачив двох чоловіків о 14:00."


def officer_phone(browser, live_server):
    phone = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = phone.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "officer")
    return phone, page


def type_a_theft(page, live_server):
    page.goto(f"{live_server.url}/incidents/new/")
    page.select_option("select[name=category]", "theft")
    page.fill("textarea[name=description]", DESCRIPTION)


def test_typed_text_comes_back_after_a_reload(browser, live_server, officer_user, village):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)

    page.reload()

    assert page.input_value("textarea[name=description]") == DESCRIPTION
    assert page.input_value("select[name=category]") == "theft"
    assert page.get_by_text("було збережено на цьому телефоні").is_visible()
    page.get_by_role("button", name="Почати спочатку").click()
    page.wait_for_load_state()
    assert page.input_value("textarea[name=description]") == ""
    phone.close()


def test_sent_without_signal_it_waits_and_goes_once_when_the_signal_returns(
    browser, live_server, officer_user, village, screenshot
):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)

    phone.set_offline(True)
    page.get_by_role("button", name="Зберегти чернетку").click()

    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    assert page.get_by_text("Немає зв'язку.").is_visible()
    assert page.get_by_text("Чекає на зв'язок").is_visible()
    screenshot(page, "offline-waiting-phone")
    assert not Incident.objects.exists()

    phone.set_offline(False)

    page.locator("#keep").get_by_text("Надіслано і збережено").wait_for()
    assert Incident.objects.get().description == DESCRIPTION
    page.locator("#keep").get_by_role("link", name="Відкрити").click()
    assert page.locator("h1").inner_text().startswith("Подія")
    page.goto(f"{live_server.url}/incidents/new/")  # the saved draft is forgotten
    assert page.input_value("textarea[name=description]") == ""
    assert Incident.objects.count() == 1
    phone.close()


def test_an_answer_lost_on_the_way_back_does_not_make_a_second_incident(
    browser, live_server, officer_user, village
):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)

    def arrives_but_the_answer_is_lost(route):
        route.fetch()  # the server saves the incident
        route.abort("internetdisconnected")

    page.route("**/incidents/new/", arrives_but_the_answer_is_lost, times=1)
    page.get_by_role("button", name="Зберегти чернетку").click()

    # no answer: the form waits, and goes again at once (the signal is back)
    page.locator("#keep").get_by_text("Надіслано і збережено").wait_for()
    assert Incident.objects.count() == 1
    page.locator("#keep").get_by_role("link", name="Відкрити").click()
    assert page.locator("h1").inner_text() == f"Подія {Incident.objects.get().number}"
    phone.close()


def test_after_the_session_ended_the_officer_signs_in_and_the_text_is_back(
    browser, live_server, officer_user, village
):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)
    factories.end_every_session()  # 30 minutes of interview

    page.get_by_role("button", name="Зберегти чернетку").click()

    page.wait_for_url("**/accounts/login/?next=%2Fincidents%2Fnew%2F")
    assert page.get_by_text("Ваш сеанс завершився").is_visible()
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].btn-primary")
    phone_app = enrolled_phone(officer_user)
    phone_app.last_t = -1  # the code of half a minute later: a used code is refused
    phone_app.save()
    page.fill("input[name=code]", current_code(phone_app))
    page.click("button[type=submit].btn-primary")
    page.wait_for_url(lambda url: url.endswith("/incidents/new/"))
    assert page.input_value("textarea[name=description]") == DESCRIPTION
    assert not Incident.objects.exists()
    phone.close()


def test_two_minutes_before_the_session_ends_the_page_offers_to_stay(
    browser, live_server, officer_user, village, settings
):
    settings.SESSION_COOKIE_AGE = 125  # the warning comes 2 minutes before the end
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)

    warning = page.get_by_role("alertdialog")
    warning.wait_for()
    assert "2 хвилини" in warning.inner_text()
    with page.expect_response("**/accounts/still-here/") as answer:
        warning.get_by_role("button", name="Залишитися в системі").click()

    assert answer.value.status == 204
    warning.wait_for(state="hidden")
    phone.close()


KEPT_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
  }
  return urls;
}"""

OUTBOX_SIZE = """() => new Promise((resolve) => {
  const request = indexedDB.open("cpo-outbox", 1);
  request.onupgradeneeded = () =>
    request.result.createObjectStore("forms", { keyPath: "id", autoIncrement: true });
  request.onsuccess = () => {
    const count = request.result.transaction("forms").objectStore("forms").count();
    count.onsuccess = () => { resolve(count.result); request.result.close(); };
  };
})"""

KEPT_DRAFTS = "() => Object.keys(localStorage).filter((key) => key.startsWith('cpo:draft:'))"


def test_own_pages_open_offline_as_last_seen_and_sign_out_leaves_nothing(
    browser, live_server, officer_user, officer, village, screenshot
):
    violence = factories.make_incident(officer, "domestic_violence")
    phone, page = officer_phone(browser, live_server)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now through the service worker, which keeps the home page
    page.goto(f"{live_server.url}{violence.get_absolute_url()}")
    type_a_theft(page, live_server)
    phone.set_offline(True)
    page.get_by_role("button", name="Зберегти чернетку").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    page.fill("textarea[name=description]", "Наступна, ще не надіслана")  # a draft

    page.goto(f"{live_server.url}/")
    assert page.get_by_text("Копія, збережена на цьому телефоні, станом на").is_visible()
    assert page.get_by_text("Немає зв'язку.").is_visible()
    screenshot(page, "offline-home-copy-phone")
    page.goto(f"{live_server.url}/villages/")
    assert page.locator("h1").inner_text() == "Немає зв'язку"
    kept = page.evaluate(KEPT_URLS)
    assert "/" in kept
    assert violence.get_absolute_url() not in kept  # restricted details: never kept
    assert page.evaluate(OUTBOX_SIZE) == 1
    assert page.evaluate(KEPT_DRAFTS)

    phone.set_offline(False)
    page.goto(f"{live_server.url}/incidents/new/")
    page.fill("textarea[name=description]", "Ще не надіслано")  # a new draft
    asked = []  # typed and not sent: sign out all the same?
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Меню").click()
    page.wait_for_selector("#nav-main.show")  # opened, not still sliding open
    page.locator(".site-navbar .dropdown-toggle.btn").click()  # the person's menu
    page.get_by_role("button", name="Вийти").click()
    page.wait_for_url("**/accounts/login/")

    assert "ще не надіслано" in asked[0]
    assert page.evaluate(KEPT_URLS) == []
    assert page.evaluate(OUTBOX_SIZE) == 0
    assert page.evaluate(KEPT_DRAFTS) == []
    phone.close()


KEPT_SOON = """async (path) => {
  for (let tries = 0; tries < 150; tries++) {
    const cache = await caches.open("cpo-pages");
    if (await cache.match(path, { ignoreVary: true })) return true;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return false;
}"""


# The kept copy as if kept in the morning: its times say 08:00 on the first of January.
KEPT_IN_THE_MORNING = """async (path) => {
  const cache = await caches.open("cpo-pages");
  const copy = await cache.match(path, { ignoreVary: true });
  const time = /value="\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d"/g;
  const html = (await copy.text()).replace(time, 'value="2026-01-01T08:00"');
  await cache.put(path, new Response(html, { headers: copy.headers }));
}"""


def test_in_a_dead_zone_the_incident_form_opens_and_a_double_tap_sends_one(
    browser, live_server, officer_user, village, screenshot
):
    phone, page = officer_phone(browser, live_server)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # the home page with a signal: the forms it leads to are kept
    assert page.evaluate(KEPT_SOON, "/incidents/new/")
    page.evaluate(KEPT_IN_THE_MORNING, "/incidents/new/")

    phone.set_offline(True)
    page.goto(f"{live_server.url}/incidents/new/")
    assert page.get_by_text("Копія, збережена на цьому телефоні").is_visible()
    # the copy was kept hours ago; the incident happens now
    shown = datetime.datetime.fromisoformat(page.input_value("input[name=occurred_at]"))
    now = timezone.localtime().replace(tzinfo=None)
    assert abs(shown - now) < datetime.timedelta(minutes=2)
    page.select_option("select[name=category]", "theft")
    page.fill("textarea[name=description]", DESCRIPTION)
    page.get_by_role("button", name="Зберегти чернетку").dblclick()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    assert page.evaluate(OUTBOX_SIZE) == 1

    phone.set_offline(False)

    # where the officer looks, under the form: what became of it
    page.locator("form .alert-success").get_by_text("Надіслано і збережено").wait_for()
    assert page.get_by_text("буде надіслано, коли з'явиться зв'язок").count() == 0
    screenshot(page, "offline-form-sent-phone")
    assert Incident.objects.get().description == DESCRIPTION
    phone.close()


def test_another_person_signing_in_on_the_phone_finds_nothing_of_the_first(
    browser, live_server, officer_user, village, staff_user
):
    phone, page = officer_phone(browser, live_server)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    type_a_theft(page, live_server)
    phone.set_offline(True)
    page.get_by_role("button", name="Зберегти чернетку").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    page.fill("textarea[name=description]", "Наступна, ще не надіслана")  # a draft
    assert page.evaluate(KEPT_DRAFTS)
    assert "/" in page.evaluate(KEPT_URLS)
    assert page.evaluate(OUTBOX_SIZE) == 1
    factories.end_every_session()  # the officer walks away
    phone.set_offline(False)

    sign_in(page, live_server, "staff")

    assert page.evaluate(KEPT_DRAFTS) == []
    assert page.evaluate(OUTBOX_SIZE) == 0
    assert not Incident.objects.exists()  # nor sent in the next person's name
    pages = [url for url in page.evaluate(KEPT_URLS) if not url.startswith("/static/")]
    assert pages in ([], ["/offline/"])  # the app's shell stays; the officer's pages go
    phone.close()


def test_a_party_and_the_shifts_end_sent_offline_go_once_when_the_signal_returns(
    browser, live_server, officer_user, officer, village
):
    incident = factories.make_incident(officer)
    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=3), hours=None)
    phone, page = officer_phone(browser, live_server)
    # the home page kept by the service worker, as the offline visit below expects: signing
    # in loads it before the worker controls the page, so it waits for the worker and
    # loads it again (under load the worker came too late and "/" was not kept)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()

    page.goto(f"{live_server.url}/incidents/{incident.pk}/parties/new/")
    page.select_option("select[name=role]", "witness")
    page.fill("input[name=full_name]", "Петренко Іван Васильович")
    phone.set_offline(True)
    page.locator("main button[type=submit].btn-primary").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()

    page.goto(f"{live_server.url}/")  # a kept page, offline
    page.goto(f"{live_server.url}/incidents/")  # not kept: the offline page
    assert page.locator("h1").inner_text() == "Немає зв'язку"
    phone.set_offline(False)
    page.goto(f"{live_server.url}/")  # the offline page names nobody: the next page tells
    page.locator("#keep").get_by_text("Надіслано і збережено").wait_for()
    assert incident.parties.get().full_name == "Петренко Іван Васильович"

    page.goto(f"{live_server.url}/shifts/{shift.pk}/end/")
    page.locator("input[name=villages]").first.check()
    page.fill("textarea[name=summary]", "Патрулювання, прийом громадян.")
    phone.set_offline(True)
    page.locator("main button[type=submit].btn-primary").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    phone.set_offline(False)
    page.locator("#keep").get_by_text("Надіслано і збережено").wait_for()

    shift.refresh_from_db()
    assert shift.ended_at is not None
    assert shift.summary == "Патрулювання, прийом громадян."
    assert incident.parties.count() == 1
    phone.close()


def test_two_incidents_logged_offline_one_after_the_other_both_arrive(
    browser, live_server, officer_user, village
):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)
    phone.set_offline(True)
    page.get_by_role("button", name="Зберегти чернетку").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()
    # the form is free for the next one
    assert page.input_value("textarea[name=description]") == ""
    page.select_option("select[name=category]", "domestic_conflict")
    page.fill("textarea[name=description]", "Сварка сусідів через межу.")
    page.get_by_role("button", name="Зберегти чернетку").click()
    expect(page.locator("[data-part=outbox] li")).to_have_count(2)

    phone.set_offline(False)

    page.get_by_text("Сварка сусідів через межу.").last.wait_for()
    expect(page.locator("[data-part=news] p")).to_have_count(2)
    assert sorted(Incident.objects.values_list("description", flat=True)) == sorted(
        [DESCRIPTION, "Сварка сусідів через межу."]
    )
    phone.close()


def test_a_second_tab_and_back_after_a_save_make_their_own_incidents_or_none(
    browser, live_server, officer_user, village
):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)
    second = phone.new_page()
    second.goto(f"{live_server.url}/incidents/new/")  # the draft comes, not its key
    assert second.input_value("textarea[name=description]") == DESCRIPTION
    second.fill("textarea[name=description]", "Інша подія, у другій вкладці.")

    page.get_by_role("button", name="Зберегти чернетку").click()
    page.wait_for_url(re.compile(r"/incidents/\d+/$"))
    second.get_by_role("button", name="Зберегти чернетку").click()
    second.wait_for_url(re.compile(r"/incidents/\d+/$"))
    assert Incident.objects.count() == 2

    page.go_back()  # the form, empty: the sent text does not come back under a new key
    assert page.input_value("textarea[name=description]") == ""
    phone.close()


def test_a_shift_started_offline_starts_when_the_officer_tapped(
    browser, live_server, officer_user, officer, village
):
    from officers.models import Shift

    phone, page = officer_phone(browser, live_server)
    tapped = timezone.now() - datetime.timedelta(minutes=20)
    page.clock.set_fixed_time(tapped)  # twenty minutes without a signal since the tap
    page.goto(f"{live_server.url}/")
    phone.set_offline(True)
    page.get_by_role("button", name="Почати зміну зараз").click()
    page.get_by_text("буде надіслано, коли з'явиться зв'язок").wait_for()

    phone.set_offline(False)

    page.locator("#keep").get_by_text("Надіслано і збережено").wait_for()
    started = Shift.objects.get(officer=officer).started_at
    assert abs(started - tapped) < datetime.timedelta(minutes=1)
    phone.close()


def test_signing_out_without_a_signal_waits_for_one(browser, live_server, officer_user, village):
    phone, page = officer_phone(browser, live_server)
    type_a_theft(page, live_server)
    phone.set_offline(True)
    said = []
    page.once("dialog", lambda dialog: (said.append(dialog.message), dialog.accept()))

    page.get_by_role("button", name="Меню").click()
    page.wait_for_selector("#nav-main.show")
    page.locator(".site-navbar .dropdown-toggle.btn").click()
    page.get_by_role("button", name="Вийти").click()

    page.wait_for_function("() => true")
    assert said
    assert "потрібен зв'язок" in said[0]
    assert page.evaluate(KEPT_DRAFTS)  # nothing forgotten, as nothing was signed out
    phone.set_offline(False)
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/"  # still signed in
    phone.close()
