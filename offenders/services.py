"""Taking a person onto the preventive register, the work with them, taking them off;
forms validate, this writes (one transaction each)."""

from django.db import transaction
from django.utils.translation import gettext as _

from audit import record as audit
from core.refusals import Refused
from officers.models import Officer
from stations.models.numbering import NumberSequence

from .models import Offender, OffenderView, OffenderWork


@transaction.atomic
def offender_register(*, officer: Officer, user, **fields) -> Offender:
    """Numbered per community and year at once; the entry belongs to the officer's station
    (or the incident's, when it is taken from one)."""
    incident = fields.get("incident")
    station = incident.station if incident is not None else officer.station
    community_id = station.village.community_id
    year = fields["taken_on"].year
    sequence = NumberSequence.next_number(f"offender-{community_id}", year)
    return Offender.objects.create(
        community_id=community_id,
        station=station,
        year=year,
        number=f"{year}-{sequence:04d}",
        officer=officer,
        created_by=user,
        **fields,
    )


def _on_register_or_refuse(offender: Offender) -> None:
    if not offender.on_register:
        raise Refused(_("This person has been taken off the register already."))


@transaction.atomic
def offender_update(*, offender: Offender, **fields) -> Offender:
    _on_register_or_refuse(offender)
    for name, value in fields.items():
        setattr(offender, name, value)
    offender.save()
    return offender


@transaction.atomic
def work_record(*, offender: Offender, officer: Officer, user, **fields) -> OffenderWork:
    """The work done, and the entry's next check set to the one this work names."""
    _on_register_or_refuse(offender)
    work = OffenderWork.objects.create(
        offender=offender, officer=officer, created_by=user, **fields
    )
    offender.next_check_on = work.next_check_on
    offender.save(update_fields=["next_check_on"])
    return work


@transaction.atomic
def take_off(*, offender: Offender, taken_off_on, off_reason: str, off_note: str = "") -> Offender:
    _on_register_or_refuse(offender)
    if taken_off_on < offender.taken_on:
        raise Refused(_("A person cannot be taken off before being taken on."))
    offender.taken_off_on, offender.off_reason, offender.off_note = (
        taken_off_on,
        off_reason,
        off_note,
    )
    offender.next_check_on = None
    offender.save()
    return offender


def log_view(user, offender: Offender) -> None:
    """Kept beside the entry (for its supervisors) and in the audit log (for the
    administrators), who read the entry's number, never the person."""
    OffenderView.objects.create(user=user, offender=offender)
    audit.record(
        audit.Action.RESTRICTED_VIEW,
        user=user,
        obj=offender,
        summary=f"preventive register entry {offender.number}",
    )
