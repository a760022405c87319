"""Which pages the benchmark loads, as whom, and about which records.

Each simulated user gets its own logins from one seeded community (its clerk, its
supervisor, one of its officers) and an administrator of its own, so that no two users
share a session or a one-time code. Detail pages are about records of that community.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import ADMINISTRATOR, assign_role
from officers.models import Incident, Officer, Shift
from stations.models import Community, EquipmentItem, Handover, Vehicle

User = get_user_model()

# Pages whose targets are list/detail (>= 10% of the trivial view's throughput) and
# the two allowed 300 ms instead of 250 ms.
LIST = "list"
DETAIL = "detail"
SUMMARY = "summary"
TRIVIAL = "trivial"
OTHER = "other"


@dataclass
class Page:
    key: str
    kind: str
    role: str
    path: str


def pages_for(community: Community, officer: Officer) -> list[Page]:
    """The key pages, in the order they are loaded, about this community's records."""
    station = officer.station
    village = station.villages.order_by("pk").first()
    incident = Incident.objects.filter(station=station, category="theft").latest("occurred_at")
    shift = Shift.objects.filter(officer=officer).exclude(status="open").latest("started_at")
    vehicle = Vehicle.objects.filter(station=station).order_by("pk").first()
    item = EquipmentItem.objects.filter(station=station).order_by("pk").first()
    act = Handover.objects.filter(officer=officer).latest("occurred_at")
    # the records the detail pages below are about: a seeded community has each
    assert village is not None
    assert vehicle is not None
    assert item is not None
    since = (timezone.localdate() - datetime.timedelta(days=90)).isoformat()
    P = Page
    return [
        P("health (trivial view)", TRIVIAL, "staff", "/health/"),
        P("dashboard · staff", SUMMARY, "staff", "/"),
        P("dashboard · supervisor", SUMMARY, "supervisor", "/"),
        P("dashboard · officer", SUMMARY, "officer", "/"),
        P("incidents · staff", LIST, "staff", "/incidents/"),
        P(
            "incidents · staff, filtered",
            LIST,
            "staff",
            f"/incidents/?category=theft&since={since}",
        ),
        P("incidents · supervisor, filtered", LIST, "supervisor", "/incidents/?not_closed=true"),
        P("incidents · officer", LIST, "officer", "/incidents/"),
        P("incident", DETAIL, "supervisor", f"/incidents/{incident.pk}/"),
        P("shifts · supervisor", LIST, "supervisor", "/shifts/"),
        P(
            "shifts · staff, filtered",
            LIST,
            "staff",
            f"/shifts/?status=submitted&station={station.pk}",
        ),
        P("shift", DETAIL, "officer", f"/shifts/{shift.pk}/"),
        P("officers", LIST, "staff", "/officers/"),
        P("officers, filtered", LIST, "staff", "/officers/?status=active&rank=sergeant"),
        P("officer", DETAIL, "staff", f"/officers/{officer.pk}/"),
        P("communities", LIST, "staff", "/communities/"),
        P("communities, filtered", LIST, "staff", f"/communities/?q={community.name}"),
        P("community", DETAIL, "staff", f"/communities/{community.pk}/"),
        P("villages", LIST, "staff", "/villages/"),
        P("villages, filtered", LIST, "staff", f"/villages/?community={community.pk}"),
        P("village", DETAIL, "staff", f"/villages/{village.pk}/"),
        P("stations", LIST, "staff", "/stations/"),
        P("stations, filtered", LIST, "staff", f"/stations/?community={community.pk}"),
        P("station", DETAIL, "staff", f"/stations/{station.pk}/"),
        P("vehicles", LIST, "staff", "/vehicles/"),
        P("vehicles, filtered", LIST, "staff", "/vehicles/?status=in_service"),
        P("vehicle", DETAIL, "staff", f"/vehicles/{vehicle.pk}/"),
        P("equipment", LIST, "staff", "/equipment/"),
        P("equipment, filtered", LIST, "staff", "/equipment/?kind=weapon"),
        P("equipment item", DETAIL, "staff", f"/equipment/{item.pk}/"),
        P("acts", LIST, "staff", "/acts/"),
        P("acts, filtered", LIST, "staff", "/acts/?kind=return"),
        P("act", DETAIL, "staff", f"/acts/{act.pk}/"),
        P("custody report", LIST, "staff", "/custody/"),
        P("timesheet", DETAIL, "supervisor", f"/timesheets/stations/{station.pk}/"),
        P("search", OTHER, "staff", f"/search/?q={officer.surname}"),
        P("monthly report", SUMMARY, "staff", f"/report/?community={community.pk}"),
        P("map data", OTHER, "staff", "/incidents/map/data/"),
        P("admin: incidents", LIST, "admin", "/admin/officers/incident/"),
    ]


def seeded_communities(count: int) -> list[Community]:
    """The first ``count`` communities seed_scale made (they have a clerk's login)."""
    ids = User.objects.filter(username__regex=r"^c[0-9]+-staff$").values_list("username", flat=True)
    numbers = sorted(int(name[1:].split("-")[0]) for name in ids)[:count]
    return list(Community.objects.filter(pk__in=numbers).order_by("pk"))


def prepare_logins(communities: list[Community], password: str) -> list[dict]:
    """One set of logins per simulated user, with a fresh phone key where needed."""
    hashed = make_password(password)
    users = []
    for index, community in enumerate(communities, start=1):
        officer = (
            Officer.objects.filter(station__village__community=community, user__isnull=False)
            .order_by("pk")
            .select_related("user", "station")
            .first()
        )
        assert officer is not None  # a seeded community has officers with logins
        admin, _created = User.objects.get_or_create(username=f"bench-admin-{index}")
        assign_role(admin, ADMINISTRATOR)
        logins = {
            "staff": User.objects.get(username=f"c{community.pk}-staff"),
            "supervisor": User.objects.get(username=f"c{community.pk}-supervisor"),
            "officer": officer.user,
            "admin": admin,
        }
        User.objects.filter(pk__in=[u.pk for u in logins.values()]).update(
            password=hashed, must_change_password=False
        )
        users.append(
            {
                "logins": {role: _login(user) for role, user in logins.items()},
                "pages": pages_for(community, officer),
            }
        )
    return users


def _login(user) -> dict:
    """Username and the key of a phone enrolled just now (used only by this run)."""
    TOTPDevice.objects.filter(user=user).delete()
    key = secrets.token_hex(20)
    TOTPDevice.objects.create(user=user, name="benchmark", key=key, confirmed=True)
    return {"username": user.username, "totp_key": key, "user_id": user.pk}
