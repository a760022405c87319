"""Writes about incidents: drafting, the report and case workflows, supplements, photos.

Every workflow step is recorded as an ``IncidentEvent`` in the same transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from core.images import reencode_image
from officers.models import Officer, Shift
from stations.models import NumberSequence

from . import rules
from .models import Attachment, Incident, IncidentEvent, Supplement

if TYPE_CHECKING:
    from django.core.files.base import File


class IncidentError(Exception):
    """A step that is not allowed now; the message says why, for the person."""


def _event(incident, user, kind, detail="", comment="") -> None:
    IncidentEvent.objects.create(
        incident=incident, user=user, kind=kind, detail=detail, comment=comment
    )


@transaction.atomic
def incident_create(
    *, officer: Officer, user, photo: File[Any] | None = None, **fields
) -> Incident:
    """Draft an incident; it gets its number (per community and year) at once, and its
    first photo (as uploaded) in the same transaction if one is given."""
    village = fields["village"]
    year = timezone.localtime(fields["occurred_at"]).year
    sequence = NumberSequence.next_number(f"incident-{village.community_id}", year)
    shift = Shift.objects.open().filter(officer=officer).first()
    incident = Incident.objects.create(
        community_id=village.community_id,
        station=village.station or officer.station,
        year=year,
        number=f"{year}-{sequence:06d}",
        reporting_officer=officer,
        shift=shift,
        created_by=user,
        **fields,
    )
    _event(incident, user, IncidentEvent.Kind.CREATED)
    if photo is not None:
        attachment_add(incident=incident, user=user, upload=photo)
    return incident


@transaction.atomic
def incident_update(*, incident: Incident, user, **fields) -> Incident:
    if incident.is_locked:
        raise IncidentError(_("An approved report is not edited; add a supplement."))
    for name, value in fields.items():
        setattr(incident, name, value)
    incident.save()
    return incident


REQUIRED_TO_SUBMIT = ("occurred_at", "place", "reporting_officer", "description")


def missing_for_submission(incident: Incident) -> list[str]:
    return [
        # the incident's own fields, not relations from other models
        str(cast("models.Field[Any, Any]", Incident._meta.get_field(name)).verbose_name)
        for name in REQUIRED_TO_SUBMIT
        if not getattr(incident, name)
    ]


@transaction.atomic
def incident_submit(*, incident: Incident, user) -> Incident:
    missing = missing_for_submission(incident)
    if missing:
        raise IncidentError(
            _("Fill in before submitting: %(fields)s.") % {"fields": ", ".join(missing)}
        )
    _take(incident.submit, _("Only a draft or a returned report can be submitted."))
    incident.save(update_fields=["report_status"])
    _event(incident, user, IncidentEvent.Kind.SUBMITTED)
    return incident


@transaction.atomic
def incident_discard(*, incident: Incident, user) -> Incident:
    """Set aside a draft never submitted: it stays, with its number and history."""
    _take(incident.discard, _("Only a draft that was never submitted can be discarded."))
    incident.save(update_fields=["report_status"])
    _event(incident, user, IncidentEvent.Kind.DISCARDED)
    return incident


@transaction.atomic
def incident_review(*, incident: Incident, user, approve: bool, comment: str = "") -> Incident:
    if rules.is_own_incident(user, incident):
        raise IncidentError(str(rules.OWN_REPORT))
    if not approve and not comment.strip():
        raise IncidentError(_("Say what needs correcting."))
    step = incident.approve if approve else incident.return_for_correction
    _take(step, _("Only a submitted report can be reviewed."))
    incident.save(update_fields=["report_status"])
    kind = IncidentEvent.Kind.APPROVED if approve else IncidentEvent.Kind.RETURNED
    _event(incident, user, kind, comment=comment.strip())
    return incident


def _take(step, refusal: str) -> None:
    """Take a step of the workflow (a transition of the model), or say why it cannot
    be taken from where the incident stands."""
    if not can_proceed(step):
        raise IncidentError(refusal)
    step()


def _check_not_own_case(incident: Incident, user) -> None:
    if rules.is_own_incident(user, incident):
        raise IncidentError(str(rules.OWN_CASE))


@transaction.atomic
def case_start(*, incident: Incident, user) -> Incident:
    _take(incident.start, _("Only an open case can be taken into work."))
    return _case_changed(incident, user)


@transaction.atomic
def case_refer(*, incident: Incident, user, referred_to: str, referred_on) -> Incident:
    _take(incident.refer, _("A closed case cannot be referred."))
    incident.referred_to, incident.referred_on = referred_to, referred_on
    # Whom it went to is a detail: of a restricted incident, for its station's police.
    return _case_changed(incident, user, comment=referred_to)


@transaction.atomic
def case_request_closure(*, incident: Incident, user, comment: str) -> Incident:
    if incident.closure_requested:
        return incident  # asked already: once is enough
    _take(incident.request_closure, _("The case is already closed."))
    incident.save(update_fields=["closure_requested"])
    _event(incident, user, IncidentEvent.Kind.CLOSURE_REQUESTED, comment=comment)
    return incident


@transaction.atomic
def case_close(*, incident: Incident, user, outcome: str) -> Incident:
    _check_not_own_case(incident, user)
    _take(incident.close, _("The case is already closed."))
    incident.outcome = outcome
    return _case_changed(incident, user, comment=outcome)


@transaction.atomic
def case_reopen(*, incident: Incident, user, reason: str) -> Incident:
    _check_not_own_case(incident, user)
    _take(incident.reopen, _("Only a closed case can be reopened."))
    incident.save(update_fields=["case_status"])
    _event(incident, user, IncidentEvent.Kind.REOPENED, comment=reason)
    return incident


def _case_changed(incident, user, comment="") -> Incident:
    incident.save()
    _event(
        incident,
        user,
        IncidentEvent.Kind.CASE,
        detail=incident.get_case_status_display(),
        comment=comment,
    )
    return incident


@transaction.atomic
def supplement_add(*, incident: Incident, user, text: str) -> Supplement:
    Incident.objects.select_for_update().filter(pk=incident.pk).first()
    number = incident.supplements.count() + 1
    supplement = Supplement.objects.create(incident=incident, number=number, text=text, author=user)
    _event(incident, user, IncidentEvent.Kind.SUPPLEMENT, detail=str(number))
    return supplement


@transaction.atomic
def attachment_add(*, incident: Incident, user, upload, caption: str = "") -> Attachment:
    image, thumbnail = reencode_image(upload)
    return Attachment.objects.create(
        incident=incident, image=image, thumbnail=thumbnail, caption=caption, uploaded_by=user
    )
