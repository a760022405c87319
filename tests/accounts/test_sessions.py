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
