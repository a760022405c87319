"""The main navigation: sections shown to those who may read them, some in menus, and
last the Administration menu (the audit log, subject access, Django admin).

Later sections (shifts, incidents) add a line here.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from offenders.rules import keeps_a_register

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TERRITORY = _("Territory")
PROPERTY = _("Property")
INCIDENTS = _("Incidents")
COMMUNITY_WORK = _("Community work")
ADMINISTRATION = _("Administration")


@dataclass(frozen=True)
class Section:
    label: "StrOrPromise"
    url_name: str
    permission: str
    prefix: str  # URL names starting with this mark the section as current
    menu: "StrOrPromise | None" = None  # sections of one menu are shown together
    police_only: bool = False  # shown to police of a station only, whatever the permissions


SECTIONS = [
    Section(_("Communities"), "stations:community_list", "stations.view_community",
            "stations:community", TERRITORY),
    Section(_("Villages"), "stations:village_list", "stations.view_village",
            "stations:village", TERRITORY),
    Section(_("Stations"), "stations:station_list", "stations.view_station",
            "stations:station", TERRITORY),
    Section(_("Officers"), "officers:officer_list", "officers.view_officer", "officers:officer"),
    Section(_("Shifts"), "officers:shift_list", "officers.view_shift", "officers:shift"),
    Section(_("Police districts"), "officers:district_list", "officers.view_officer",
            "officers:district", COMMUNITY_WORK),
    Section(_("Preventive work"), "prevention:preventiveevent_list",
            "prevention.view_preventiveevent", "prevention:", COMMUNITY_WORK),
    Section(_("Residents' appeals"), "appeals:appeal_list", "appeals.view_appeal", "appeals:",
            COMMUNITY_WORK),
    Section(_("Report to the council"), "council_report", "officers.view_officer",
            ":council_report", COMMUNITY_WORK),
    Section(_("Preventive register"), "offenders:offender_list", "offenders.view_offender",
            "offenders:", COMMUNITY_WORK, police_only=True),
    Section(_("Incident log"), "officers:incident_list", "officers.view_incident",
            "officers:incident", INCIDENTS),
    Section(_("Monthly report"), "monthly_report", "officers.view_incident", ":monthly_report",
            INCIDENTS),
    Section(_("Vehicles"), "stations:vehicle_list", "stations.view_vehicle",
            "stations:vehicle", PROPERTY),
    Section(_("Equipment"), "stations:equipmentitem_list", "stations.view_equipmentitem",
            "stations:equipmentitem", PROPERTY),
    Section(_("Handover acts"), "stations:handover_list", "stations.view_handover",
            "stations:handover", PROPERTY),
    Section(_("Custody reports"), "stations:custody_report", "stations.view_custody",
            "stations:custody", PROPERTY),
]  # fmt: skip


@dataclass(frozen=True)
class AdminLink:
    """A line of the Administration menu, the navigation's last entry. Its lines are never
    marked as current; the menu is, on the pages of any line (shown to the person or not)."""

    label: "StrOrPromise"
    url_name: str
    permission: str | None  # None: for staff (is_staff), Django admin's own rule
    prefix: str | None = None  # URL names starting with this mark the menu as current

    def shown_to(self, user) -> bool:
        return user.has_perm(self.permission) if self.permission else user.is_staff


ADMIN_LINKS = [
    AdminLink(_("Audit log"), "audit:auditentry_list", "audit.view_auditentry", "audit:"),
    AdminLink(_("Subject access report"), "officers:subject_access", "officers.subject_access",
              "officers:subject_access"),
    AdminLink(_("Django admin"), "admin:index", None),
]  # fmt: skip


def _current(request) -> str:
    match = request.resolver_match
    return f"{match.namespace}:{match.url_name}" if match else ""


def sections_for(request) -> list[dict]:
    """Top-level entries: a link, or a menu with its links."""
    current = _current(request)
    entries: list[dict] = []
    menus: dict[StrOrPromise, dict] = {}
    for section in SECTIONS:
        if not request.user.has_perm(section.permission):
            continue
        if section.police_only and not keeps_a_register(request.user):
            continue
        link = {
            "label": section.label,
            "url": reverse(section.url_name),
            "active": current.startswith(section.prefix) and current != "officers:my_profile",
        }
        if section.menu is None:
            entries.append(link)
            continue
        if section.menu not in menus:
            menus[section.menu] = {"label": section.menu, "links": [], "active": False}
            entries.append(menus[section.menu])
        menus[section.menu]["links"].append(link)
        menus[section.menu]["active"] |= link["active"]
    return entries


def administration_for(request) -> dict | None:
    """The Administration menu, as a menu of ``sections_for``; None without a line to show."""
    links = [
        {"label": link.label, "url": reverse(link.url_name), "active": False}
        for link in ADMIN_LINKS
        if link.shown_to(request.user)
    ]
    if not links:
        return None
    current = _current(request)
    active = any(link.prefix and current.startswith(link.prefix) for link in ADMIN_LINKS)
    return {"label": ADMINISTRATION, "links": links, "active": active}
