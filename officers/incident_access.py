"""Who may see and do what with an incident: the object-level rules, in one place.

Domestic violence incidents are restricted: their description, parties, photos and
order are shown only to the police of the incident's station (its officers and its
supervisors). Council staff and administrators see number, category, village, date
and status. Every view of restricted details is logged.

Nobody reviews their own report or decides their own case, whatever their roles: the
reporting officer's login, and whoever drafted it, leave that to another supervisor.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import record as audit
from stations.models import Station

from .models import Incident, Officer, RestrictedView

OWN_REPORT = _("Nobody reviews their own report: another supervisor of the station does.")
OWN_CASE = _("Nobody closes or reopens their own case: another supervisor of the station does.")


def police_station_ids(user) -> set[int]:
    """Stations whose restricted details the user may see: supervised, or served at."""
    ids = set(Station.objects.filter(supervisors=user).values_list("pk", flat=True))
    ids |= set(Officer.objects.filter(user=user).values_list("station_id", flat=True))
    return ids


def is_station_officer(user, incident: Incident) -> bool:
    return Officer.objects.filter(user=user, station_id=incident.station_id).exists()


def is_station_supervisor(user, incident: Incident) -> bool:
    return Station.objects.filter(pk=incident.station_id, supervisors=user).exists()


def is_station_police(user, incident: Incident) -> bool:
    return is_station_supervisor(user, incident) or is_station_officer(user, incident)


def shows_details(user, incident: Incident) -> bool:
    """Description, parties, photos: for everyone who may read the incident, unless it
    is restricted; then only for the police of its station."""
    return not incident.is_restricted or is_station_police(user, incident)


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


def is_own(user, incident: Incident) -> bool:
    """The person reported the incident, or drafted it."""
    return user.pk is not None and user.pk in (
        incident.reporting_officer.user_id,
        incident.created_by_id,
    )


def may_edit(user, incident: Incident) -> bool:
    """The reporting officer, while the report is a draft or returned."""
    return (
        not incident.is_locked
        and incident.report_status in (Incident.Report.DRAFT, Incident.Report.RETURNED)
        and incident.reporting_officer.user_id == user.pk
    )


def may_review(user, incident: Incident) -> bool:
    """A supervisor of the station, for a submitted report that is not their own."""
    return (
        incident.report_status == Incident.Report.SUBMITTED
        and not is_own(user, incident)
        and user.has_perm("officers.approve_incident")
        and is_station_supervisor(user, incident)
    )


def may_work_on_case(user, incident: Incident) -> bool:
    """Start work, refer, request closure, add supplements and photos."""
    return is_station_police(user, incident) and user.has_perm("officers.change_incident")


def may_decide_case(user, incident: Incident) -> bool:
    """Close, or reopen a closed case: the station's supervisor, unless it is their own."""
    return (
        not is_own(user, incident)
        and user.has_perm("officers.approve_incident")
        and is_station_supervisor(user, incident)
    )
