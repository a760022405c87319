"""The main navigation: sections shown to those who may read them, some in menus.

Later sections (shifts, incidents) add a line here.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

TERRITORY = _("Territory")
PROPERTY = _("Property")
INCIDENTS = _("Incidents")


@dataclass(frozen=True)
class Section:
    label: "StrOrPromise"
    url_name: str
    permission: str
    prefix: str  # URL names starting with this mark the section as current
    menu: "StrOrPromise | None" = None  # sections of one menu are shown together


SECTIONS = [
    Section(_("Communities"), "stations:community_list", "stations.view_community",
            "stations:community", TERRITORY),
    Section(_("Villages"), "stations:village_list", "stations.view_village",
            "stations:village", TERRITORY),
    Section(_("Stations"), "stations:station_list", "stations.view_station",
            "stations:station", TERRITORY),
    Section(_("Officers"), "officers:officer_list", "officers.view_officer", "officers:officer"),
    Section(_("Shifts"), "officers:shift_list", "officers.view_shift", "officers:shift"),
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


def sections_for(request) -> list[dict]:
    """Top-level entries: a link, or a menu with its links."""
    match = request.resolver_match
    current = f"{match.namespace}:{match.url_name}" if match else ""
    entries: list[dict] = []
    menus: dict[StrOrPromise, dict] = {}
    for section in SECTIONS:
        if not request.user.has_perm(section.permission):
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
