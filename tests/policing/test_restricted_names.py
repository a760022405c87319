"""The restricted-name walk: a person on the preventive register and a resident who
appealed are named to the police of their station only. Council staff and administrators
walk every page, download, search, the map, the histories and Django admin, and never
meet either name (nor what the resident asked)."""

import pytest
from django.urls import reverse

from appeals.models import Appeal
from offenders.models import Offender
from tests import factories
from tests.factories import APPEAL_SUBJECT, OFFENDER_NAME, RESIDENT_NAME

SECRETS = (OFFENDER_NAME, RESIDENT_NAME, APPEAL_SUBJECT)


def admin_pages(model, obj) -> list[str]:
    """The admin's list (searched by the name too), change page and history of ``obj``."""
    meta = model._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    return [
        changelist,
        f"{changelist}?q={OFFENDER_NAME.split()[0]}",
        f"{changelist}?q={RESIDENT_NAME.split()[0]}",
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk]),
    ]


@pytest.fixture
def scene(officer, officer_user):
    offender = factories.make_offender(officer)
    appeal = factories.make_appeal(officer)
    return {"offender": offender, "appeal": appeal, "incident": offender.incident}


def walk(officer, scene) -> list[str]:
    station, village = officer.station, officer.station.village
    pages = [
        reverse("home"),
        reverse("search") + f"?q={OFFENDER_NAME.split()[0]}",
        reverse("search") + f"?q={RESIDENT_NAME.split()[0]}",
        reverse("officers:incident_list"),
        reverse("officers:incident_list") + "?export=csv",
        scene["incident"].get_absolute_url(),
        reverse("officers:incident_map_data"),
        reverse("appeals:appeal_list"),
        reverse("appeals:appeal_list") + "?export=csv",
        scene["appeal"].get_absolute_url(),
        reverse("officers:district_list"),
        reverse("officers:district_detail", args=[officer.pk]),
        officer.get_absolute_url(),
        village.get_absolute_url(),
        station.get_absolute_url(),
        reverse("monthly_report"),
        reverse("offenders:offender_list"),
        scene["offender"].get_absolute_url(),
        reverse("admin:index"),
        reverse("audit:auditentry_list"),
    ]
    return pages + admin_pages(Offender, scene["offender"]) + admin_pages(Appeal, scene["appeal"])


def text_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.mark.parametrize("who", ["staff_user", "admin_user"])
def test_no_page_names_the_register_or_the_resident(client, request, officer, scene, who):
    client.force_login(request.getfixturevalue(who))

    seen = {url: client.get(url) for url in walk(officer, scene)}

    assert all(r.status_code in (200, 302, 403) for r in seen.values()), {
        url: r.status_code for url, r in seen.items() if r.status_code not in (200, 302, 403)
    }
    leaks = {url: secret for url, r in seen.items() for secret in SECRETS if secret in text_of(r)}
    assert leaks == {}


def test_subject_access_does_not_reach_the_register(client, admin_user, scene):
    client.force_login(admin_user)

    page = client.post(
        reverse("officers:subject_access"),
        {"full_name": OFFENDER_NAME, "reason": "Запит особи від 01.12.2026"},
    )

    assert page.status_code == 200
    assert OFFENDER_NAME not in page.content.decode().replace(f'value="{OFFENDER_NAME}"', "")


def test_the_walk_would_see_the_names(client, officer_user, officer, scene):
    """The same walk as the police of the station: the names are there to be found."""
    client.force_login(officer_user)

    offender_page = text_of(client.get(scene["offender"].get_absolute_url()))
    appeal_page = text_of(client.get(scene["appeal"].get_absolute_url()))

    assert OFFENDER_NAME in offender_page
    assert RESIDENT_NAME in appeal_page
    assert APPEAL_SUBJECT in appeal_page
