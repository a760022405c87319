"""Five failed sign-ins in a row lock an account for 30 minutes, from any address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD


def sign_in(client, password, address="10.0.0.1", username="staff"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture(autouse=True)
def fresh_cache(db):  # the cache lives in the database unless REDIS_URL is set
    from django.core.cache import cache

    cache.clear()


def test_five_failures_from_different_addresses_lock_the_account(client, staff_user):
    for n in range(5):
        sign_in(client, "wrong-password", address=f"10.0.0.{n + 1}")

    locked = sign_in(client, PASSWORD, address="10.9.9.9")

    assert locked.status_code == 429
    assert "Забагато невдалих спроб входу" in locked.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_the_lock_message_does_not_say_whether_the_account_exists(client, db):
    for _ in range(5):
        sign_in(client, "wrong-password", username="nobody-here", address="10.0.0.7")

    response = sign_in(client, "wrong-password", username="nobody-here", address="10.0.0.8")

    assert response.status_code == 429
    assert "nobody-here" not in response.content.decode()


def test_four_failures_then_success_resets_the_count(client, staff_user):
    for _ in range(4):
        sign_in(client, "wrong-password")
    sign_in(client, PASSWORD)
    client.post(reverse("logout"))
    for _ in range(4):
        sign_in(client, "wrong-password")

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302


def test_the_lock_lifts_after_30_minutes(client, staff_user):
    for _ in range(5):
        sign_in(client, "wrong-password")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    assert sign_in(client, PASSWORD).status_code == 302


def test_an_admin_unlocks_an_account(client, staff_user, admin_user):
    for _ in range(5):
        sign_in(client, "wrong-password")
    client.force_login(admin_user)
    attempt = AccessAttempt.objects.get(username="staff")

    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    client.post(reverse("logout"))

    assert sign_in(client, PASSWORD).status_code == 302


def test_the_sign_in_page_says_use_is_monitored(client, db):
    assert "відстежується" in client.get(reverse("login")).content.decode()
