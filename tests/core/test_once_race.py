"""Two arrivals of the same create form at the same moment (a double tap on a slow
link, a queued retry meeting the original): PostgreSQL keeps one record."""

import threading

from django.db import connections
from django.test import Client
from django.urls import reverse

from officers.models import Incident
from tests import factories
from tests.core.test_once import form_key
from tests.markers import RACE

pytestmark = RACE


def test_the_same_incident_sent_twice_at_once_is_one_incident(client, officer_user, village):
    client.force_login(officer_user)
    url = reverse("officers:incident_create")
    data = {**factories.incident_post(village), "form_key": form_key(client.get(url))}
    answers = []

    def send(browser):
        try:
            answers.append(browser.post(url, data).status_code)
        finally:
            connections.close_all()

    # two tabs of one signed-in browser: the same session, each its own connection
    tabs = [Client(), Client()]
    for tab in tabs:
        tab.cookies = client.cookies
    threads = [threading.Thread(target=send, args=(tab,)) for tab in tabs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert answers == [302, 302]
    assert Incident.objects.count() == 1
