"""The main navigation: one entry per section, shown to those who may read it.

Later sections (vehicles, equipment, handovers, shifts, incidents) add a line here.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    permission: str
    prefix: str  # URL names starting with this mark the section as current


SECTIONS = [
    Section(
        _("Communities"), "stations:community_list", "stations.view_community", "stations:community"
    ),
    Section(_("Villages"), "stations:village_list", "stations.view_village", "stations:village"),
    Section(_("Stations"), "stations:station_list", "stations.view_station", "stations:station"),
    Section(_("Officers"), "officers:officer_list", "officers.view_officer", "officers:"),
]


def sections_for(request) -> list[dict]:
    match = request.resolver_match
    current = f"{match.namespace}:{match.url_name}" if match else ""
    return [
        {
            "label": section.label,
            "url": reverse(section.url_name),
            "active": current.startswith(section.prefix) and current != "officers:my_profile",
        }
        for section in SECTIONS
        if request.user.has_perm(section.permission)
    ]
