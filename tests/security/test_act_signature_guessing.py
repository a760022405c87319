"""Finding 2: on the staff screen, the officer's password that signs an act could be
guessed without limit: no throttle, no lock-out, no audit entry."""

from django.urls import reverse

from audit.models import AuditEntry
from tests.factories import PASSWORD

A = AuditEntry.Action


def sign_act(client, act, password):
    return client.post(act.get_absolute_url(), {"password": password}, REMOTE_ADDR="10.0.0.5")


def test_attack_guessing_the_officers_password_on_an_act_locks_the_signature(
    client_for, staff_user, act
):
    staff = client_for(staff_user)
    for _ in range(5):
        sign_act(staff, act, "guess-the-password")

    response = sign_act(staff, act, PASSWORD)

    act.refresh_from_db()
    assert not act.is_confirmed
    assert response.status_code == 200  # the act's page, not a sign-in lock-out page
    form = response.context["in_person_form"]
    assert "заблоковано на 30 хвилин" in form.errors["password"][0]
    assert staff.get(reverse("home")).status_code == 200  # the staff member stays in


def test_every_wrong_guess_is_audited_with_the_act(client_for, staff_user, act, officer_user):
    staff = client_for(staff_user)
    for _ in range(5):
        sign_act(staff, act, "guess-the-password")

    failed = AuditEntry.objects.filter(action=A.SIGN_IN_FAILED)
    assert failed.count() == 5
    assert {(e.user, e.username, e.summary) for e in failed} == {
        (staff_user, officer_user.username, f"act {act.number}, typed in the session of staff")
    }
    assert AuditEntry.objects.filter(action=A.LOCKED_OUT, username=officer_user.username).exists()


def test_the_guesses_lock_the_officers_own_sign_in_as_well(client_for, staff_user, act):
    from django.test import Client

    staff = client_for(staff_user)
    for _ in range(5):
        sign_act(staff, act, "guess-the-password")

    own = Client().post(
        reverse("login"), {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="10.1.1.1"
    )

    assert own.status_code == 429


def test_a_mistyped_password_then_the_right_one_signs_the_act(client_for, staff_user, act):
    staff = client_for(staff_user)
    wrong = sign_act(staff, act, "typo")

    sign_act(staff, act, PASSWORD)

    act.refresh_from_db()
    assert wrong.context["in_person_form"].errors["password"] == ["Це не пароль офіцера."]
    assert act.is_confirmed


def test_after_the_lock_out_the_act_page_says_so_instead_of_asking(client_for, staff_user, act):
    staff = client_for(staff_user)
    for _ in range(5):
        sign_act(staff, act, "guess-the-password")

    page = staff.get(act.get_absolute_url(), REMOTE_ADDR="10.0.0.5").content.decode()

    assert "заблоковано на 30 хвилин" in page
    assert 'name="password"' not in page
