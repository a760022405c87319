"""Finding 13: a password change to "aaaaaaaaaaaa" was accepted."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD


def change_password(client, new):
    return client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )


@pytest.mark.parametrize("weak", ["aaaaaaaaaaaa", "abababababab", "AaAaBbBbCcCc", "11112222----"])
def test_attack_a_password_of_low_variety_is_accepted(client_for, staff_user, weak):
    response = change_password(client_for(staff_user), weak)

    assert response.status_code == 200
    errors = response.context["form"].errors["new_password2"]
    assert "Пароль має містити щонайменше 5 різних символів." in errors
    staff_user.refresh_from_db()
    assert staff_user.check_password(PASSWORD)


def test_a_varied_password_is_accepted(client_for, staff_user):
    response = change_password(client_for(staff_user), "вишня-липа-2022")

    assert response.status_code == 302
    staff_user.refresh_from_db()
    assert staff_user.check_password("вишня-липа-2022")


def test_the_rule_is_told_beside_the_field(client_for, staff_user):
    page = client_for(staff_user).get(reverse("password_change")).content.decode()

    assert "щонайменше 5 різних символів" in page
