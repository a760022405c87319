"""The log of who read restricted details: every view of a domestic violence incident's
description, parties, photos or own map point by someone the rules let read them.

Who may read them is an object rule (``officers.read_incident_details`` in
``officers.incidents.rules``); this module only records that they did.
"""

from django.utils import timezone

from audit import record as audit

from .models import Incident, RestrictedView


def log_restricted_view(user, incident: Incident, what: str) -> None:
    if incident.is_restricted:
        RestrictedView.objects.create(user=user, incident=incident, what=what)


def log_map_views(user, incident_ids: list[int]) -> None:
    """The map shows the same points at every visit and every change of its filters:
    each incident's own point is logged once a day per person, so that the log of
    restricted views keeps its other entries readable; the audit log gets one entry."""
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    logged = set(
        RestrictedView.objects.filter(
            user=user, what=RestrictedView.How.MAP, at__gte=today, incident_id__in=incident_ids
        ).values_list("incident_id", flat=True)
    )
    new = [pk for pk in incident_ids if pk not in logged]
    if not new:
        return
    RestrictedView.objects.bulk_create(
        RestrictedView(incident_id=pk, user=user, what=RestrictedView.How.MAP) for pk in new
    )
    audit.record(
        audit.Action.RESTRICTED_VIEW,
        user=user,
        summary=f"map: own points of restricted incidents: {len(new)}",
    )
