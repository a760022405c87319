"""The phone's offline part on the server: the service worker and manifest, the
offline page, the mark on pages the worker may keep, a redirect followed by a script."""

import datetime
import json

from django.urls import reverse
from django.utils import timezone

from core.offline import FOLLOW_ONLY, OFFLINE_COPY
from tests import factories


def test_the_service_worker_comes_from_the_root_with_the_app_shell(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    source = response.content.decode()
    assert '"/static/css/site.css"' in source
    assert 'importScripts("/static/js/outbox.js")' in source
    assert '"/offline/"' in source


def test_the_manifest_installs_the_site_in_the_persons_language(client):
    response = client.get(reverse("manifest"))

    manifest = json.loads(response.content)
    assert response["Content-Type"] == "application/manifest+json"
    assert manifest["name"] == "Поліцейський офіцер громади"
    assert manifest["start_url"] == "/"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_the_offline_page_holds_nothing_personal_and_opens_for_anyone(client):
    response = client.get(reverse("offline"))

    assert response.status_code == 200
    assert "Немає зв'язку" in response.content.decode()


def test_the_offline_page_kept_by_the_worker_carries_no_form_token(client, settings):
    """Fetched in the background when the worker installs: a CSRF cookie set there could
    land after the sign-in form on screen took its own, and refuse it."""
    response = client.get(reverse("offline"))

    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert settings.CSRF_COOKIE_NAME not in response.cookies


def test_an_officers_home_and_own_shift_may_be_kept_others_pages_not(
    client, officer_user, officer, other_officer, staff_user
):
    own = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=2), hours=None)
    client.force_login(officer_user)

    assert client.get(reverse("home"))[OFFLINE_COPY] == "1"
    assert client.get(own.get_absolute_url())[OFFLINE_COPY] == "1"
    # the forms an officer fills where the signal is not
    assert client.get(reverse("officers:incident_create"))[OFFLINE_COPY] == "1"
    assert client.get(reverse("officers:shift_end", args=[own.pk]))[OFFLINE_COPY] == "1"
    incident = factories.make_incident(officer, "domestic_violence")
    assert OFFLINE_COPY not in client.get(incident.get_absolute_url())  # restricted
    assert OFFLINE_COPY not in client.get(reverse("officers:incident_list"))

    own.ended_at, own.status = timezone.now(), own.Status.SUBMITTED
    own.save()
    assert client.get(reverse("officers:shift_create"))[OFFLINE_COPY] == "1"

    client.force_login(staff_user)
    assert OFFLINE_COPY not in client.get(reverse("home"))
    assert OFFLINE_COPY not in client.get(own.get_absolute_url())  # not the staff's own


def a_saved_form(client, community) -> str:
    """A community renamed through its form: the page it lands on, with its message."""
    response = client.post(
        reverse("stations:community_update", args=[community.pk]),
        {"name": "Сартанська громада", "oblast": community.oblast},
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return response["Location"]


def test_a_followed_redirect_is_not_rendered_and_keeps_its_message_for_the_next_page(
    staff, community
):
    landing = a_saved_form(staff, community)

    followed = staff.get(landing, headers={FOLLOW_ONLY: "1"})

    assert followed.status_code == 204
    assert followed.content == b""
    page = staff.get(landing)
    assert [str(m) for m in page.context["messages"]]  # said on the page opened next


def test_a_form_the_outbox_sent_later_leaves_no_message_for_a_later_page(staff, community):
    landing = a_saved_form(staff, community)

    assert staff.get(landing, headers={FOLLOW_ONLY: "outbox"}).status_code == 204

    assert list(staff.get(landing).context["messages"]) == []


def test_signed_in_pages_stay_out_of_the_browsers_cache(client, officer_user, officer):
    incident = factories.make_incident(officer, "domestic_violence")
    client.force_login(officer_user)

    assert client.get(incident.get_absolute_url())["Cache-Control"] == "no-store"
    assert client.get(reverse("home"))["Cache-Control"] == "no-store"


def test_the_offline_page_names_nobody_even_when_kept_for_a_signed_in_officer(client, officer_user):
    client.force_login(officer_user)

    page = client.get(reverse("offline")).content.decode()

    assert "data-user" not in page
    assert officer_user.username not in page
