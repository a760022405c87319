"""Who may do what with an incident: its object rules, declared once (django-rules) and
asked everywhere as ``user.has_perm(name, incident)``; the incident's state machine names
them as its transitions' permissions.

Nobody reviews their own work, whatever their roles: a supervisor whose login is also an
officer's has their reports approved, and their cases decided, by another supervisor of
the station. Restricted (domestic violence) details are for the police of the incident's
station only.
"""

import rules
from django.utils.translation import gettext_lazy as _

from officers.rules import police_station_ids
from stations.rules import supervised_ids

from .models import Incident

OWN_REPORT = _("Nobody reviews their own report: another supervisor of the station does.")
OWN_CASE = _("Nobody closes or reopens their own case: another supervisor of the station does.")


@rules.predicate
def is_restricted(user, incident: Incident) -> bool:
    return incident.is_restricted


@rules.predicate
def is_station_police(user, incident: Incident) -> bool:
    return incident.station_id in police_station_ids(user)


@rules.predicate
def is_station_supervisor(user, incident: Incident) -> bool:
    return incident.station_id in supervised_ids(user)


@rules.predicate
def is_own_incident(user, incident: Incident) -> bool:
    """The person reported the incident, or drafted it."""
    return user.pk is not None and user.pk in (
        incident.reporting_officer.user_id,
        incident.created_by_id,
    )


@rules.predicate
def is_reporting_officer(user, incident: Incident) -> bool:
    return user.pk is not None and incident.reporting_officer.user_id == user.pk


@rules.predicate
def is_report_open(user, incident: Incident) -> bool:
    """A draft or a returned report that no decision has locked."""
    return not incident.is_locked and incident.report_status in (
        Incident.Report.DRAFT,
        Incident.Report.RETURNED,
    )


@rules.predicate
def is_draft(user, incident: Incident) -> bool:
    """Never submitted: a report goes from draft only to submitted (or discarded)."""
    return incident.report_status == Incident.Report.DRAFT


@rules.predicate
def is_discarded(user, incident: Incident) -> bool:
    return incident.report_status == Incident.Report.DISCARDED


@rules.predicate
def is_report_submitted(user, incident: Incident) -> bool:
    return incident.report_status == Incident.Report.SUBMITTED


@rules.predicate
def is_locked(user, incident: Incident) -> bool:
    return incident.is_locked


@rules.predicate
def approves_incidents(user) -> bool:
    return user.has_perm("officers.approve_incident")


@rules.predicate
def changes_incidents(user) -> bool:
    return user.has_perm("officers.change_incident")


# Description, parties, photos: for everyone who may read the incident, unless it is
# restricted; then only for the police of its station.
rules.add_perm("officers.read_incident_details", ~is_restricted | is_station_police)
rules.add_perm("officers.edit_incident", is_reporting_officer & is_report_open)
rules.add_perm(
    "officers.review_incident",
    is_report_submitted & ~is_own_incident & approves_incidents & is_station_supervisor,
)
# Start work, refer, request closure, add photos.
# Its own officer sets aside a draft never submitted (kept, with its number).
rules.add_perm("officers.discard_incident", is_reporting_officer & is_draft)
rules.add_perm("officers.work_on_incident", is_station_police & changes_incidents & ~is_discarded)
rules.add_perm("officers.add_supplement", is_station_police & changes_incidents & is_locked)
# Close, or reopen a closed case: the station's supervisor, unless it is their own.
rules.add_perm(
    "officers.decide_incident",
    ~is_own_incident & approves_incidents & is_station_supervisor & ~is_discarded,
)
