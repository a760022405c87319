"""A create form that arrives twice (a reload, a double tap, a retry queued offline)
makes one record, and the second arrival opens the record the first one made."""

import re

from django.urls import reverse

from officers.models import Incident, Party, Shift, Supplement
from stations.models import Handover, Village
from tests import factories
from tests.stations.test_handovers import issue_data

ALREADY = "Ця форма вже надходила; нічого не збережено двічі."


def form_key(page) -> str:
    """The one-time key of the form on the page, as the browser would send it back."""
    found = re.search(r'name="form_key" value="([0-9a-f-]{36})"', page.content.decode())
    assert found, "the form carries no one-time key"
    return found.group(1)


def post_twice(client, url, data):
    key = form_key(client.get(url))
    first = client.post(url, {**data, "form_key": key})
    again = client.post(url, {**data, "form_key": key}, follow=True)
    return first, again


def test_an_incident_sent_twice_is_one_incident(client, officer_user, village):
    client.force_login(officer_user)

    first, again = post_twice(
        client, reverse("officers:incident_create"), factories.incident_post(village)
    )

    incident = Incident.objects.get()
    assert first.url == incident.get_absolute_url()
    assert again.redirect_chain[-1][0] == incident.get_absolute_url()
    assert ALREADY in again.content.decode()


def test_a_registry_record_sent_twice_is_one_record(staff, community):
    data = {
        "community": community.pk,
        "name": "Покровське",
        "name_latin": "Pokrovske",
        "kind": "village",
    }

    _first, again = post_twice(staff, reverse("stations:village_create"), data)

    village = Village.objects.get(name="Покровське")
    assert again.redirect_chain[-1][0] == village.get_absolute_url()
    assert ALREADY in again.content.decode()


def test_a_shift_started_twice_is_one_shift(client, officer_user):
    client.force_login(officer_user)

    _first, again = post_twice(client, reverse("officers:shift_create"), {})

    assert Shift.objects.count() == 1
    # not "you are on duty already": the second tap is the same start
    assert ALREADY in again.content.decode()


def test_an_act_drawn_up_twice_is_one_act(staff, officer, radio):
    _first, again = post_twice(
        staff, reverse("stations:handover_create"), issue_data(officer, radio)
    )

    act = Handover.objects.get()
    assert again.redirect_chain[-1][0] == act.get_absolute_url()


def test_a_party_sent_twice_is_one_party(client, officer_user, officer):
    incident = factories.make_incident(officer)
    client.force_login(officer_user)
    data = {"role": "victim", "full_name": "Петренко Іван"}

    post_twice(client, reverse("officers:party_add", args=[incident.pk]), data)

    assert Party.objects.filter(incident=incident).count() == 1


def test_a_supplement_sent_twice_is_one_supplement(client, officer_user, officer):
    from officers.incidents import services

    incident = factories.make_incident(officer, description="Крадіжка велосипеда.", place="двір")
    services.incident_submit(incident=incident, user=officer_user)
    supervisor = factories.make_supervisor(officer.station)
    services.incident_review(incident=incident, user=supervisor, approve=True)
    client.force_login(officer_user)
    page = client.get(incident.get_absolute_url())
    key = re.search(
        r'step/supplement/"[^>]*>.*?name="form_key" value="([0-9a-f-]{36})"',
        page.content.decode(),
        re.S,
    )
    assert key, "the supplement form carries no one-time key"
    url = reverse("officers:incident_step", args=[incident.pk, "supplement"])

    for _ in range(2):
        client.post(url, {"text": "Велосипед знайдено.", "form_key": key.group(1)})

    assert Supplement.objects.filter(incident=incident).count() == 1


def test_a_form_shown_again_with_its_mistakes_keeps_its_key(client, officer_user, village):
    client.force_login(officer_user)
    url = reverse("officers:incident_create")
    key = form_key(client.get(url))

    refused = client.post(url, {**factories.incident_post(village, category=""), "form_key": key})

    assert form_key(refused) == key
    client.post(url, {**factories.incident_post(village), "form_key": key})
    client.post(url, {**factories.incident_post(village), "form_key": key})
    assert Incident.objects.count() == 1


def test_someone_elses_key_makes_their_own_record_and_shows_nothing_of_the_first(
    client, officer_user, other_officer_user, village, other_officer
):
    url = reverse("officers:incident_create")
    client.force_login(officer_user)
    key = form_key(client.get(url))
    client.post(url, {**factories.incident_post(village), "form_key": key})
    mine = Incident.objects.get()

    client.force_login(other_officer_user)
    theirs = client.post(
        url, {**factories.incident_post(other_officer.station.village), "form_key": key}
    )

    assert Incident.objects.count() == 2
    assert theirs.url != mine.get_absolute_url()


def test_a_form_without_its_key_still_saves(client, officer_user, village):
    """A page cached from before the keys (or a crafted post) is saved as before."""
    client.force_login(officer_user)

    client.post(reverse("officers:incident_create"), factories.incident_post(village))
    client.post(reverse("officers:incident_create"), factories.incident_post(village))

    assert Incident.objects.count() == 2
