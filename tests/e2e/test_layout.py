"""Every registry page at desktop and phone width: it renders, and nothing spills sideways.

The screenshots land in tests/e2e/artifacts/ for a person to look at.
"""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e

WIDTHS = {"desktop": 1280, "phone": 360}


@pytest.fixture
def pages(officer, second_village, staff_user, officer_user):
    factories.make_training(officer, place="Харків", provider="Канадські фахівці")
    station = officer.station
    village = station.village
    car = factories.make_vehicle(station)
    keys = factories.make_item(station, "vehicle_keys", vehicle=car)
    act = factories.issue(officer, keys, factories.make_item(station, "weapon"), by=staff_user)
    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=30), hours=9)
    shift.villages.set([village])
    factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=2), hours=None)
    month = timezone.localdate().strftime("%Y-%m")
    incident = factories.make_incident(officer, "domestic_violence", latitude=47.1, longitude=37.5)
    return {
        "home": "/",
        "communities": "/communities/",
        "community": village.community.get_absolute_url(),
        "villages": "/villages/",
        "village": village.get_absolute_url(),
        "village-edit": f"/villages/{village.pk}/edit/",
        "stations": "/stations/",
        "station": station.get_absolute_url(),
        "station-new": "/stations/new/",
        "officers": "/officers/",
        "officer": officer.get_absolute_url(),
        "officer-leave": f"/officers/{officer.pk}/leave/",
        "training-new": f"/officers/{officer.pk}/trainings/new/",
        "empty-search": "/officers/?q=nobody-by-this-name",
        "not-found": "/villages/999999/",
        "vehicles": "/vehicles/",
        "vehicle": car.get_absolute_url(),
        "vehicle-fuel": f"/vehicles/{car.pk}/fuel/new/",
        "equipment": "/equipment/",
        "item": keys.get_absolute_url(),
        "acts": "/acts/",
        "act": act.get_absolute_url(),
        "act-issue": "/acts/issue/",
        "act-return": f"/acts/return/?officer={officer.pk}",
        "custody": "/custody/",
        "shifts": "/shifts/",
        "shift": shift.get_absolute_url(),
        "week": f"/stations/{station.pk}/week/",
        "timesheet": f"/timesheets/stations/{station.pk}/?month={month}",
        "officer-timesheet": f"/timesheets/officers/{officer.pk}/?month={month}",
        "incidents": "/incidents/",
        "incident": incident.get_absolute_url(),
        "incident-map": "/incidents/map/",
        "report": f"/report/?month={month}",
        "search": "/search/?q=Тимоф",
        "two-factor": "/accounts/two-factor/setup/",
    }


ADMIN_PAGES = {
    "audit-log": "/audit/",
    "audit-log-filtered": "/audit/?action=sign_in",
    "audit-log-empty": "/audit/?q=nothing-like-this",
    "subject-access-empty": "/privacy/subject-access/",
}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen(browser, live_server, pages, screenshot, width):
    walk(browser, live_server, screenshot, width, "staff", pages).context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_administrators_pages_fit_the_screen(
    browser, live_server, admin_user, officer, screenshot, width
):
    incident = factories.make_incident(officer, "domestic_violence")
    incident.parties.create(
        role="victim", full_name="Коваленко Оксана Петрівна", phone="+380501112233"
    )
    page = walk(browser, live_server, screenshot, width, "admin", ADMIN_PAGES)

    # The subject access search goes by POST: its results are reached through the form.
    page.goto(live_server.url + "/privacy/subject-access/")
    page.get_by_label("ПІБ").fill("Коваленко Оксана")
    page.get_by_label("Підстава для пошуку").fill("Запит особи від 12.03.2026")
    page.get_by_role("button", name="Знайти записи").click()
    page.wait_for_load_state()
    assert page.get_by_role("cell", name="Коваленко Оксана Петрівна").is_visible()
    fits(page, width, "subject-access", screenshot)
    page.context.close()


def fits(page, width, name, screenshot) -> None:
    """One heading, nothing spilling sideways; the screenshot to look at."""
    assert page.locator("h1").count() == 1, name
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} spills {overflow}px sideways at {width} width"
    screenshot(page, f"{width}-{name}")


def walk(browser, live_server, screenshot, width, username, pages):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900}, locale="uk-UA")
    page = context.new_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    sign_in(page, live_server, username)

    for name, path in pages.items():
        page.goto(live_server.url + path)
        fits(page, width, name, screenshot)
    assert blocked == []  # nothing the page needs is refused by its own policy
    return page


def test_two_shifts_on_one_day_are_each_a_target_a_thumb_can_hit(
    browser, live_server, officer, staff_user, screenshot
):
    morning = datetime.datetime(2022, 1, 11, 6, 0, tzinfo=timezone.get_current_timezone())
    factories.make_shift(officer, morning, hours=4)
    factories.make_shift(officer, morning + datetime.timedelta(hours=5), hours=4)
    page = walk(
        browser,
        live_server,
        screenshot,
        "phone",
        "staff",
        {"week-two-shifts": f"/stations/{officer.station.pk}/week/?week=2022-01-10"},
    )

    links = page.get_by_role("link", name="–")
    heights = [links.nth(n).bounding_box()["height"] for n in range(links.count())]
    assert len(heights) == 2
    assert min(heights) >= 24  # WCAG 2.2 target size; stacked small links were 21 px
    page.context.close()
