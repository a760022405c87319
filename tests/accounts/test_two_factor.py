"""Two-factor sign-in: a password alone never reaches a data page for the roles that
need a code from a phone. These tests sign in through the real pages with a plain
client and type real time-based codes."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, current_code, enrolled_phone, make_user
from tests.policing.test_settings import load_settings

DATA_PAGES = ["home", "officers:incident_list", "stations:handover_list", "admin:index"]


@pytest.fixture
def browser(db):
    """A person at a browser, not yet signed in (no shortcut past the second step)."""
    return Client()


def sign_in(browser, username):
    return browser.post(reverse("login"), {"username": username, "password": PASSWORD})


@pytest.fixture(autouse=True)
def fresh_cache(db):  # the cache lives in the database unless REDIS_URL is set
    from django.core.cache import cache

    cache.clear()


@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user", "admin_user"])
@pytest.mark.parametrize("page", DATA_PAGES)
def test_a_password_alone_reaches_no_data_page(request, browser, persona, page):
    user = request.getfixturevalue(persona)
    sign_in(browser, user.username)

    response = browser.get(reverse(page))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_with_a_phone_enrolled_the_password_leads_to_the_code(browser, officer_user):
    enrolled_phone(officer_user)

    response = sign_in(browser, "officer")
    response = browser.get(response["Location"])

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))


def test_the_right_code_opens_the_page_asked_for(browser, officer_user):
    device = enrolled_phone(officer_user)
    sign_in(browser, "officer")
    incidents = reverse("officers:incident_list")
    assert browser.get(incidents)["Location"].startswith(reverse("two_factor_verify"))

    response = browser.post(
        reverse("two_factor_verify"), {"code": current_code(device), "next": incidents}
    )

    assert response.status_code == 302
    assert response["Location"] == incidents
    assert browser.get(incidents).status_code == 200


def test_a_wrong_code_is_refused_on_the_field(browser, officer_user):
    device = enrolled_phone(officer_user)
    sign_in(browser, "officer")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = browser.post(reverse("two_factor_verify"), {"code": wrong})

    assert response.status_code == 200
    assert "Код неправильний" in response.context["form"].errors["code"][0]
    assert browser.get(reverse("home")).status_code == 302


def test_guessing_is_throttled_even_for_the_right_code(browser, officer_user):
    device = enrolled_phone(officer_user)
    sign_in(browser, "officer")
    for guess in ("000000", "111111", "222222"):
        browser.post(reverse("two_factor_verify"), {"code": guess})

    response = browser.post(reverse("two_factor_verify"), {"code": current_code(device)})

    assert "Забагато неправильних кодів" in response.context["form"].errors["code"][0]
    assert browser.get(reverse("home")).status_code == 302


def test_enrolling_a_phone_shows_a_qr_code_and_needs_its_first_code(browser, officer_user):
    sign_in(browser, "officer")
    page = browser.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    device = TOTPDevice.objects.get(user=officer_user, confirmed=False)

    refused = browser.post(reverse("two_factor_setup"), {"code": "12345"})
    assert refused.context["form"].errors["code"]
    accepted = browser.post(reverse("two_factor_setup"), {"code": current_code(device)})

    assert accepted.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert browser.get(reverse("home")).status_code == 200


def test_a_password_alone_cannot_replace_the_phone(browser, officer_user):
    enrolled_phone(officer_user)
    sign_in(browser, "officer")

    response = browser.get(reverse("two_factor_setup") + "?replace=1")

    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert not TOTPDevice.objects.filter(user=officer_user, confirmed=False).exists()


def test_council_staff_may_sign_in_with_a_password(browser, staff_user):
    sign_in(browser, "staff")

    assert browser.get(reverse("home")).status_code == 200


def test_a_setting_requires_it_of_council_staff_too(browser, staff_user, settings):
    settings.TWO_FACTOR_FOR_EVERYONE = True
    sign_in(browser, "staff")

    assert browser.get(reverse("home"))["Location"].startswith(reverse("two_factor_setup"))


def test_council_staff_who_turned_it_on_must_use_it(browser, staff_user):
    enrolled_phone(staff_user)
    sign_in(browser, "staff")

    assert browser.get(reverse("home"))["Location"].startswith(reverse("two_factor_verify"))


def test_demo_mode_lets_only_the_demo_users_in_with_a_password(browser, settings, station):
    settings.DEMO = True
    make_user("officer", "kovalenko")  # a demo login (seed_demo)
    make_user("officer", "somebody-real")

    sign_in(browser, "kovalenko")
    assert browser.get(reverse("officers:incident_list")).status_code == 200
    browser.post(reverse("logout"))
    sign_in(browser, "somebody-real")
    assert browser.get(reverse("officers:incident_list")).status_code == 302


def test_demo_mode_refuses_to_start_in_production():
    result = load_settings(
        DJANGO_DEBUG="false",
        DJANGO_DEMO="true",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
    )

    assert result.returncode != 0
    assert "DJANGO_DEMO" in result.stderr


def test_an_administrator_can_remove_a_lost_phone_but_never_read_its_key(
    client, admin_user, officer_user
):
    lost = enrolled_phone(officer_user)
    admin = client
    admin.force_login(admin_user)

    page = admin.get(reverse("admin:otp_totp_totpdevice_change", args=[lost.pk]))
    assert page.status_code == 200
    assert lost.key not in page.content.decode()
    admin.post(reverse("admin:otp_totp_totpdevice_delete", args=[lost.pk]), {"post": "yes"})

    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    browser = Client()
    sign_in(browser, "officer")
    assert browser.get(reverse("home"))["Location"].startswith(reverse("two_factor_setup"))
