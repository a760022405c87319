"""Starting, ending, correcting and approving shifts; closing a month.

The database has the last word on one open shift per officer (everywhere) and on
overlaps (PostgreSQL); the checks here explain a clash to the person first.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from officers import rules
from officers.models import MonthClosure, Officer, Shift
from officers.models.shifts import MAX_SHIFT
from officers.worktime import elapsed
from stations.models import Vehicle, Village
from stations.services import odometer_reading_add


class ShiftError(Exception):
    """A shift that must not be saved; the message says why, for the person."""


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def check_times(
    officer: Officer,
    start: datetime.datetime,
    end: datetime.datetime | None,
    *,
    exclude: Shift | None = None,
    now: datetime.datetime | None = None,
) -> None:
    """Refuse a future start, an end before the start, over 24 hours, or a clash."""
    now = now or timezone.now()
    if start > now + datetime.timedelta(minutes=5):
        raise ShiftError(_("A shift cannot start in the future."))
    if end is not None:
        if end <= start:
            raise ShiftError(_("A shift must end after it starts."))
        if elapsed(start, end) > MAX_SHIFT:
            raise ShiftError(_("A shift cannot last more than 24 hours."))
        if end > now + datetime.timedelta(minutes=5):
            raise ShiftError(_("A shift cannot end in the future."))
    clashes = Shift.objects.overlapping(officer, start, end)
    if exclude is not None:
        clashes = clashes.exclude(pk=exclude.pk)
    clash = clashes.order_by("started_at").first()
    if clash is not None:
        if clash.is_open:
            raise ShiftError(
                _("It overlaps the shift on duty since %(start)s.")
                % {"start": _when(clash.started_at)}
            )
        raise ShiftError(
            _("It overlaps the shift of %(start)s – %(end)s.")
            % {"start": _when(clash.started_at), "end": _when(clash.ended_at)}
        )


def _save(shift: Shift) -> None:
    try:
        with transaction.atomic():
            shift.save()
    except IntegrityError as exc:  # a clash saved meanwhile, refused by the database
        raise ShiftError(_("It overlaps another shift of this officer.")) from exc


@transaction.atomic
def shift_start(
    *,
    officer: Officer,
    started_at: datetime.datetime,
    vehicle: Vehicle | None = None,
    odometer_start: int | None = None,
) -> Shift:
    if not officer.is_active:
        raise ShiftError(_("%(officer)s has left the service.") % {"officer": officer})
    Officer.objects.select_for_update().filter(pk=officer.pk).first()  # one start at a time
    check_times(officer, started_at, None)
    if vehicle is not None and odometer_start is not None:
        _check_odometer(vehicle, odometer_start, started_at)
    shift = Shift(
        officer=officer, started_at=started_at, vehicle=vehicle, odometer_start=odometer_start
    )
    _save(shift)
    if vehicle is not None and odometer_start is not None:
        # the car's logbook holds both ends of the shift: its kilometres are the shift's
        odometer_reading_add(
            vehicle=vehicle,
            read_at=started_at,
            km=odometer_start,
            user=officer.user,
            source="shift",
        )
    return shift


def _check_odometer(vehicle: Vehicle, km: int, moment: datetime.datetime) -> None:
    from django.core.exceptions import ValidationError

    try:
        vehicle.check_odometer(km, moment)
    except ValidationError as error:
        raise ShiftError(" ".join(error.messages)) from error


@transaction.atomic
def shift_end(
    *,
    shift: Shift,
    ended_at: datetime.datetime,
    villages: list[Village],
    summary: str,
    odometer_end: int | None = None,
    vehicle: Vehicle | None = None,
    user=None,
) -> Shift:
    """End the shift and submit it; the kilometres go into the vehicle's logbook.
    ``vehicle``: the car driven after a start that named none."""
    if shift.vehicle is None and vehicle is not None:
        # the car's last reading before the shift is where its driving started
        shift.vehicle = vehicle
        shift.odometer_start = vehicle.last_odometer(at=shift.started_at)
    check_times(shift.officer, shift.started_at, ended_at, exclude=shift)
    if (
        odometer_end is not None
        and shift.odometer_start is not None
        and odometer_end < shift.odometer_start
    ):
        raise ShiftError(_("The odometer at return cannot be below the start."))
    shift.ended_at = ended_at
    shift.odometer_end = odometer_end
    shift.summary = summary
    shift.status = Shift.Status.SUBMITTED
    _save(shift)
    shift.villages.set(villages)
    if shift.vehicle is not None and odometer_end is not None:
        _check_odometer(shift.vehicle, odometer_end, ended_at)
        odometer_reading_add(
            vehicle=shift.vehicle, read_at=ended_at, km=odometer_end, user=user, source="shift"
        )
    return shift


@transaction.atomic
def shift_update(
    *,
    shift: Shift,
    started_at: datetime.datetime,
    ended_at: datetime.datetime | None,
    villages: list[Village],
    summary: str,
    reason: str = "",
) -> Shift:
    """Correct a shift (an officer's returned shift, or an admin's fix with a reason).

    A corrected shift that has ended goes back to the supervisor.
    """
    check_times(shift.officer, started_at, ended_at, exclude=shift)
    shift.started_at, shift.ended_at, shift.summary = started_at, ended_at, summary
    if ended_at is not None and shift.status in (Shift.Status.OPEN, Shift.Status.RETURNED):
        shift.status = Shift.Status.SUBMITTED
    if reason:
        # django-simple-history reads it into the historical row; the model declares none
        shift._change_reason = reason  # type: ignore[attr-defined]
    _save(shift)
    shift.villages.set(villages)
    return shift


def _check_not_own(shift: Shift, user) -> None:
    if rules.is_own_shift(user, shift):
        raise ShiftError(str(rules.OWN_SHIFT))


@transaction.atomic
def shift_approve(*, shift: Shift, user) -> Shift:
    _check_not_own(shift, user)
    shift.status = Shift.Status.APPROVED
    shift.reviewed_by, shift.reviewed_at = user, timezone.now()
    shift.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return shift


@transaction.atomic
def shift_return(*, shift: Shift, user, comment: str) -> Shift:
    _check_not_own(shift, user)
    if not comment.strip():
        raise ShiftError(_("Say what needs correcting."))
    shift.status = Shift.Status.RETURNED
    shift.review_comment = comment.strip()
    shift.reviewed_by, shift.reviewed_at = user, timezone.now()
    shift.save(update_fields=["status", "review_comment", "reviewed_by", "reviewed_at"])
    return shift


@transaction.atomic
def month_close(*, station, month: datetime.date, user) -> MonthClosure:
    month = month.replace(day=1)
    if month >= timezone.localdate().replace(day=1):
        raise ShiftError(_("Only a month that is over can be closed."))
    if rules.has_own_unapproved_shifts(user, station.pk, month):
        raise ShiftError(str(rules.OWN_MONTH))
    closure, created = MonthClosure.objects.get_or_create(
        station=station, month=month, defaults={"closed_by": user}
    )
    if not created:
        raise ShiftError(_("This month is already closed."))
    return closure
