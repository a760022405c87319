"""Sessions: 30 minutes without activity, 12 hours at most, a new id at sign-in."""

import time

from django.conf import settings
from django.urls import reverse

from accounts.middleware import SessionLimitsMiddleware
from tests.factories import PASSWORD


def test_a_session_expires_after_30_idle_minutes_and_is_renewed_on_use():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_a_session_ends_12_hours_after_sign_in_whatever_the_activity(client, staff_user):
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    session = client.session
    session[SessionLimitsMiddleware.KEY] = int(time.time()) - 12 * 3600 - 1
    session.save()

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.get(reverse("home")).status_code == 302


def test_the_session_id_changes_at_sign_in(client, staff_user):
    client.get(reverse("login"))
    client.session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


def test_sign_out_ends_the_session_on_the_server(client, staff_user):
    from django.contrib.sessions.models import Session

    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    key = client.cookies[settings.SESSION_COOKIE_NAME].value

    client.post(reverse("logout"))

    assert not Session.objects.filter(session_key=key).exists()


def test_after_a_session_ended_on_its_own_sign_in_says_so(client, staff_user):
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    client.cookies.pop(settings.SESSION_COOKIE_NAME)  # 30 minutes without a request

    response = client.get(reverse("home"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "Ваш сеанс завершився" in response.content.decode()


def test_sign_in_says_nothing_of_an_ended_session_to_a_first_visitor_or_after_sign_out(
    client, staff_user
):
    assert "Ваш сеанс завершився" not in client.get(reverse("login")).content.decode()
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    client.post(reverse("logout"))

    assert "Ваш сеанс завершився" not in client.get(reverse("login")).content.decode()


def test_sign_out_tells_the_browser_to_forget_the_drafts_outbox_and_kept_pages(client, staff_user):
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    response = client.post(reverse("logout"))

    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_stay_signed_in_renews_the_session_and_needs_one(client, staff_user):
    assert client.post(reverse("still_here")).status_code == 302  # to sign-in
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    response = client.post(reverse("still_here"))

    assert response.status_code == 204
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
    assert client.get(reverse("still_here")).status_code == 405
