"""The clerk types each thing once: an act starts at now, at the officer's station's
address, with the handing-over person and role of the clerk's last act."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests import factories


def test_a_new_act_starts_as_the_clerks_last_one(client, staff_user, officer, radio, station):
    station.address = "смт Старий Крим, вул. Центральна, 1"
    station.save()
    factories.issue(officer, radio, by=staff_user)  # Вадим Бойченко, Міський голова
    client.force_login(staff_user)

    form = client.get(reverse("stations:handover_create")).context["form"]

    assert form.initial["official_name"] == "Вадим Бойченко"
    assert form.initial["official_role"] == "Міський голова"
    assert form.initial["officer"] == officer.pk  # the only officer, chosen already
    assert form.initial["place"] == station.address
    started = form.fields["occurred_at"].initial
    assert abs(started - timezone.localtime()) < datetime.timedelta(minutes=1)


def test_another_clerks_acts_are_not_this_clerks_habits(client, staff_user, officer, radio):
    factories.issue(officer, radio)  # drawn up by someone else
    client.force_login(staff_user)

    form = client.get(reverse("stations:handover_create")).context["form"]

    assert "official_name" not in form.initial


def test_a_return_starts_at_the_officers_station(client, staff_user, officer, radio, station):
    station.address = "смт Старий Крим, вул. Центральна, 1"
    station.save()
    factories.issue(officer, radio, by=staff_user, confirmed=False)
    client.force_login(staff_user)

    form = client.get(reverse("stations:handover_return"), {"officer": officer.pk}).context["form"]

    assert form.initial["place"] == station.address
    assert form.initial["official_role"] == "Міський голова"


def test_without_a_station_address_the_last_place_serves(client, staff_user, officer, radio):
    factories.issue(officer, radio, by=staff_user)  # at "Старий Крим"
    client.force_login(staff_user)

    form = client.get(reverse("stations:handover_create")).context["form"]

    assert form.initial["place"] == "Старий Крим"
