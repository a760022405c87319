"""An officer on a 360 px wide phone starts a shift, then ends it."""

import re

import pytest
from django.utils import timezone

from officers.models import Shift
from tests import factories
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e


def test_the_officer_starts_and_ends_a_shift_on_a_phone(
    browser, live_server, officer_user, officer, screenshot
):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "officer")
    screenshot(page, "shift-off-duty-phone")

    page.get_by_role("button", name="Почати зміну зараз").click()
    # the heading itself: "text=На чергуванні з" also matches the off-duty page's
    # "Зараз на чергуванні / Зараз ніхто…" (case-insensitive), before the shift is saved
    page.get_by_role("heading", name=re.compile(r"^На чергуванні з \d\d:\d\d$")).wait_for()
    screenshot(page, "shift-on-duty-phone")
    assert Shift.objects.get().is_open

    page.get_by_role("link", name="Завершити зміну").click()
    page.fill("textarea[name=summary]", "Патрулювання, профілактична бесіда з підлітками.")
    screenshot(page, "shift-end-form-phone")
    page.get_by_role("button", name="Завершити й подати").click()
    page.wait_for_selector("text=Зміну завершено")
    screenshot(page, "shift-submitted-phone")

    shift = Shift.objects.get()
    assert shift.status == Shift.Status.SUBMITTED
    assert list(shift.villages.all()) == list(officer.villages.all())
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()


def holding_a_car(browser, live_server, officer, station, km: int):
    """The officer on a phone, holding the key of a car last read at ``km``."""
    car = factories.make_vehicle(station, plate="АН1001ВО")
    car.readings.create(read_at=timezone.now(), km=km)
    factories.issue(officer, factories.make_item(station, "vehicle_keys", vehicle=car))
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "officer")
    return car, context, page


def test_another_car_picked_brings_its_own_reading_into_the_odometer(
    browser, live_server, officer_user, officer, station
):
    held, context, page = holding_a_car(browser, live_server, officer, station, km=3843)
    other = factories.make_vehicle(station, plate="АН1002ВО")
    other.readings.create(read_at=timezone.now(), km=4065)
    page.goto(f"{live_server.url}/shifts/start/")
    assert page.input_value("input[name=odometer_start]") == "3843"

    page.select_option("select[name=vehicle]", str(other.pk))

    assert page.input_value("input[name=odometer_start]") == "4065"
    page.fill("input[name=odometer_start]", "4070")  # what the officer reads off the car
    page.select_option("select[name=vehicle]", str(held.pk))
    assert page.input_value("input[name=odometer_start]") == "4070"  # typed: left alone
    context.close()


def test_a_start_typed_earlier_comes_back_with_the_cars_reading_of_now(
    browser, live_server, officer_user, officer, station
):
    """The draft of a start that did not go keeps its time, not the reading: the car has
    driven since, and its reading is the one on the form."""
    car, context, page = holding_a_car(browser, live_server, officer, station, km=4067)
    page.goto(f"{live_server.url}/shifts/start/")
    page.fill("input[name=started_at]", "2026-01-01T08:00")
    page.fill("input[name=odometer_start]", "4068")  # typed, then the officer went away
    car.readings.create(read_at=timezone.now(), km=4112)  # another shift drove it

    page.reload()

    assert page.input_value("input[name=started_at]") == "2026-01-01T08:00"  # kept
    assert page.input_value("input[name=odometer_start]") == "4112"
    context.close()
