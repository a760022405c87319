"""An officer who leaves stays in the registry; trainings are recorded per officer."""

import datetime

import pytest
from django.urls import reverse

from officers.models import Officer, Training
from tests.factories import PASSWORD


def test_recording_a_departure_keeps_the_record_and_ends_access(
    client, staff_user, officer, officer_user
):
    client.force_login(staff_user)

    client.post(reverse("officers:officer_leave", args=[officer.pk]), {"left_on": "2022-03-01"})

    officer.refresh_from_db()
    officer_user.refresh_from_db()
    assert officer.status == Officer.Status.LEFT
    assert officer.left_on == datetime.date(2022, 3, 1)
    assert not officer_user.is_active
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert client.get(reverse("home")).status_code == 302  # cannot sign in any more


@pytest.mark.parametrize("left_on", ["", "2020-01-01", "2999-01-01", "not a date"])
def test_a_bad_departure_date_is_refused(client, staff_user, officer, left_on):
    client.force_login(staff_user)

    response = client.post(
        reverse("officers:officer_leave", args=[officer.pk]), {"left_on": left_on}
    )

    officer.refresh_from_db()
    assert response.status_code == 200
    assert "left_on" in response.context["form"].errors
    assert officer.status == Officer.Status.ACTIVE


def test_a_supervisor_cannot_record_a_departure(client, supervisor_user, officer):
    client.force_login(supervisor_user)

    response = client.post(
        reverse("officers:officer_leave", args=[officer.pk]), {"left_on": "2022-03-01"}
    )

    officer.refresh_from_db()
    assert response.status_code == 403
    assert officer.status == Officer.Status.ACTIVE


def test_departed_officers_are_still_listed_with_their_status(client, staff_user, officer):
    officer.status, officer.left_on = Officer.Status.LEFT, datetime.date(2022, 3, 1)
    officer.save()
    client.force_login(staff_user)

    response = client.get(reverse("officers:officer_list"), {"status": "left"})

    assert list(response.context["object_list"]) == [officer]


def test_a_training_is_added_to_an_officer(client, staff_user, officer):
    client.force_login(staff_user)

    response = client.post(
        reverse("officers:training_create", args=[officer.pk]),
        {
            "course": "Поліцейський офіцер громади",
            "provider": "Канадські фахівці",
            "place": "Харків",
            "started_on": "2021-08-02",
            "ended_on": "2021-09-24",
            "officer": 999,  # ignored: the officer comes from the URL
        },
    )

    training = Training.objects.get()
    assert response["Location"] == officer.get_absolute_url()
    assert training.officer == officer
    assert training.place == "Харків"


def test_a_training_cannot_end_before_it_starts(client, staff_user, officer):
    client.force_login(staff_user)

    response = client.post(
        reverse("officers:training_create", args=[officer.pk]),
        {"course": "Курс", "started_on": "2021-09-24", "ended_on": "2021-08-02"},
    )

    assert response.status_code == 200
    assert "Навчання не може закінчитися раніше, ніж почалося." in response.content.decode()
    assert not Training.objects.exists()


def test_a_training_for_an_unknown_officer_is_404(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("officers:training_create", args=[999999]))

    assert response.status_code == 404
