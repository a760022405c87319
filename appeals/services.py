"""Recording residents' appeals and their way to an answer; forms validate, this writes."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import record as audit
from core.refusals import Refused
from officers.incidents import services as incidents
from officers.models import Incident, Officer
from stations.models.numbering import NumberSequence

from . import deadlines
from .models import Appeal, AppealView


def _term(appeal: Appeal) -> datetime.date:
    return deadlines.deadline(
        appeal.received_on, needs_study=appeal.needs_study, extended=appeal.is_extended
    )


@transaction.atomic
def appeal_record(*, officer: Officer, user, **fields) -> Appeal:
    """Register an appeal: numbered per community and year at once, its term set."""
    village = fields["village"]
    year = fields["received_on"].year
    sequence = NumberSequence.next_number(f"appeal-{village.community_id}", year)
    appeal = Appeal(
        community_id=village.community_id,
        year=year,
        number=f"{year}-{sequence:04d}",
        station=village.station or officer.station,
        officer=officer,
        created_by=user,
        **fields,
    )
    appeal.deadline = _term(appeal)
    appeal.save()
    return appeal


def _open_or_refuse(appeal: Appeal) -> None:
    if not appeal.is_open:
        raise Refused(_("This appeal has been answered or referred already."))


@transaction.atomic
def appeal_update(*, appeal: Appeal, **fields) -> Appeal:
    _open_or_refuse(appeal)
    for name, value in fields.items():
        setattr(appeal, name, value)
    appeal.deadline = _term(appeal)
    appeal.save()
    return appeal


@transaction.atomic
def appeal_start(*, appeal: Appeal) -> Appeal:
    _open_or_refuse(appeal)
    appeal.status = Appeal.Status.IN_WORK
    appeal.save(update_fields=["status"])
    return appeal


@transaction.atomic
def appeal_extend(*, appeal: Appeal, reason: str) -> Appeal:
    """The whole term becomes 45 days, for the reason given (kept in the history)."""
    _open_or_refuse(appeal)
    appeal.extension_reason = reason
    appeal.deadline = _term(appeal)
    appeal.save(update_fields=["extension_reason", "deadline"])
    return appeal


@transaction.atomic
def appeal_answer(*, appeal: Appeal, answer: str, answered_on, answer_method: str) -> Appeal:
    _open_or_refuse(appeal)
    appeal.status = Appeal.Status.ANSWERED
    appeal.answer, appeal.answered_on, appeal.answer_method = answer, answered_on, answer_method
    appeal.save()
    return appeal


@transaction.atomic
def appeal_refer(*, appeal: Appeal, referred_to: str) -> Appeal:
    _open_or_refuse(appeal)
    appeal.status = Appeal.Status.REFERRED
    appeal.referred_to = referred_to
    appeal.save()
    return appeal


@transaction.atomic
def appeal_to_incident(*, appeal: Appeal, officer: Officer, user, category: str) -> Incident:
    """The appeal tells of an incident: a draft incident of its village, reported when
    the appeal was received, with the appeal's words; the two are linked."""
    if appeal.incident_id is not None:
        raise Refused(_("This appeal is linked to an incident already."))
    received = timezone.make_aware(datetime.datetime.combine(appeal.received_on, datetime.time(9)))
    moment = min(received, timezone.now())
    incident = incidents.incident_create(
        officer=officer,
        user=user,
        village=appeal.village,
        category=category,
        occurred_at=moment,
        reported_at=moment,
        description=appeal.subject,
    )
    appeal.incident = incident
    appeal.save(update_fields=["incident"])
    return incident


def log_view(user, appeal: Appeal) -> None:
    """Kept beside the appeal and in the audit log, by number (never the resident)."""
    AppealView.objects.create(user=user, appeal=appeal)
    audit.record(
        audit.Action.RESTRICTED_VIEW, user=user, obj=appeal, summary=f"appeal {appeal.number}"
    )
