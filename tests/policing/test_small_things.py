"""Small things a person notices: a box shown once, the only choice already chosen."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_officer_page_shows_what_the_officer_holds_once(client, staff_user, officer, radio):
    factories.issue(officer, radio, by=staff_user)
    client.force_login(staff_user)

    html = client.get(officer.get_absolute_url()).content.decode()

    assert html.count('id="holdings-heading"') == 1
    assert html.count(radio.inventory_number) == 1


def test_the_only_community_comes_chosen_on_a_new_village(client, staff_user, community):
    client.force_login(staff_user)

    form = client.get("/villages/new/").context["form"]

    assert form.initial["community"] == community.pk


def test_a_choice_of_two_is_left_to_the_person(client, staff_user, community):
    factories.make_community(name="Інша громада")
    client.force_login(staff_user)

    form = client.get("/villages/new/").context["form"]

    assert form.initial.get("community") is None


def test_the_incident_form_comes_with_the_officers_village(client, officer_user, officer):
    client.force_login(officer_user)

    form = client.get("/incidents/new/").context["form"]

    assert form.initial["village"] == officer.villages.get().pk


def test_an_officer_of_two_villages_picks_one(client, officer_user, officer, second_village):
    officer.villages.add(second_village)
    client.force_login(officer_user)

    form = client.get("/incidents/new/").context["form"]

    assert form.initial.get("village") is None


def test_the_open_shift_with_one_village_decides(client, officer_user, officer, second_village):
    import datetime

    from django.utils import timezone

    officer.villages.add(second_village)
    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=1), hours=None)
    shift.villages.set([second_village])
    client.force_login(officer_user)

    form = client.get("/incidents/new/").context["form"]

    assert form.initial["village"] == second_village.pk


def test_the_only_active_officer_comes_chosen_on_an_act(client, staff_user, officer, station):
    import datetime

    gone = factories.make_officer(station, surname="Пішов")
    gone.status = gone.Status.LEFT
    gone.left_on = datetime.date(2022, 1, 1)
    gone.save()
    client.force_login(staff_user)

    form = client.get("/acts/issue/").context["form"]

    assert form.initial["officer"] == officer.pk
