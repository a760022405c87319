"""Logins: given by an administrator, initial passwords replaced, deactivation immediate."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.roles import OFFICER, SUPERVISOR, user_role
from tests.factories import PASSWORD

NEW_PASSWORD = "a-long-and-private-passphrase"


def test_admin_gives_an_officer_a_login(client, admin_user, officer):
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:policing_user_add"),
        {
            "username": "timofeev",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "role": OFFICER,
            "officer": officer.pk,
        },
    )

    assert response.status_code == 302
    user = get_user_model().objects.get(username="timofeev")
    officer.refresh_from_db()
    assert officer.user == user
    assert user_role(user) == OFFICER
    assert user.must_change_password


def test_an_officer_login_needs_the_officer_record(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:policing_user_add"),
        {
            "username": "nobody",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "role": OFFICER,
        },
    )

    assert response.status_code == 200
    assert "officer" in response.context["adminform"].form.errors
    assert not get_user_model().objects.filter(username="nobody").exists()


def test_admin_changes_a_role(client, admin_user, staff_user):
    client.force_login(admin_user)

    client.post(
        reverse("admin:policing_user_change", args=[staff_user.pk]),
        {
            "username": "staff",
            "role": SUPERVISOR,
            "is_active": "on",
            "date_joined_0": "2022-01-19",
            "date_joined_1": "10:00:00",
        },
    )

    staff_user.refresh_from_db()
    assert user_role(staff_user) == SUPERVISOR


def test_a_password_set_by_an_admin_must_be_replaced(client, admin_user, staff_user):
    client.force_login(admin_user)

    client.post(
        reverse("admin:auth_user_password_change", args=[staff_user.pk]),
        {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    staff_user.refresh_from_db()
    assert staff_user.check_password(NEW_PASSWORD)
    assert staff_user.must_change_password


def test_first_sign_in_leads_to_the_password_change(client, staff_user):
    staff_user.must_change_password = True
    staff_user.save()
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    response = client.get(reverse("stations:village_list"))

    assert response.status_code == 302
    assert response["Location"] == reverse("password_change")


def test_changing_the_initial_password_opens_the_site(client, staff_user):
    staff_user.must_change_password = True
    staff_user.save()
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})

    client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    staff_user.refresh_from_db()
    assert not staff_user.must_change_password
    assert client.get(reverse("stations:village_list")).status_code == 200


def test_a_short_new_password_is_refused(client, staff_user):
    client.force_login(staff_user)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    staff_user.refresh_from_db()
    assert staff_user.check_password(PASSWORD)


def test_deactivating_a_user_ends_an_open_session_at_once(client, staff_user):
    client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert client.get(reverse("home")).status_code == 200

    staff_user.is_active = False
    staff_user.save()
    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_in_and_sign_out(client, staff_user):
    response = client.post(reverse("login"), {"username": "staff", "password": PASSWORD})
    assert response["Location"] == reverse("home")

    client.post(reverse("logout"))

    assert client.get(reverse("home")).status_code == 302
