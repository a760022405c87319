"""Who may do what with a shift, a month and a timesheet: the object rules of the officers
app, declared once (django-rules) and asked everywhere as ``user.has_perm(name, obj)``.
The incidents' rules are in ``officers.incidents.rules``.

Nobody reviews their own work, whatever their roles: a supervisor whose login is also an
officer's has their shifts approved by another supervisor of the station.
"""

import datetime

import rules
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stations.rules import reads_every_station, supervised_ids, supervises_station

from .models import MonthClosure, Officer, Shift
from .worktime import month_bounds

OWN_SHIFT = _("Nobody reviews their own shift: another supervisor of the station does.")
OWN_MONTH = _(
    "Your own shifts of this month are not yet approved by another supervisor of the"
    " station; the month can be closed once they are."
)


def police_station_ids(user) -> frozenset[int]:
    """Stations the user is police of: supervised, or served at. Theirs are the
    restricted details of incidents there. Read once per request (kept on the user)."""
    if not hasattr(user, "_police_station_ids"):
        served = Officer.objects.filter(user=user).values_list("station_id", flat=True)
        user._police_station_ids = supervised_ids(user) | frozenset(served if user.pk else ())
    return user._police_station_ids


def supervises(user, station_id: int) -> bool:
    return user.is_superuser or station_id in supervised_ids(user)


# Shifts and months


def month_of(shift: Shift) -> datetime.date:
    return timezone.localtime(shift.started_at).date().replace(day=1)


def month_is_closed(shift: Shift) -> bool:
    # kept on the shift for the other rules asked of it; the model declares no such field
    if not hasattr(shift, "_month_is_closed"):
        shift._month_is_closed = MonthClosure.objects.filter(  # type: ignore[attr-defined]
            station_id=shift.officer.station_id, month=month_of(shift)
        ).exists()
    return shift._month_is_closed  # type: ignore[attr-defined]


@rules.predicate
def is_own_shift(user, shift: Shift) -> bool:
    return user.pk is not None and shift.officer.user_id == user.pk


@rules.predicate
def is_shift_open(user, shift: Shift) -> bool:
    return shift.is_open


@rules.predicate
def is_shift_correctable(user, shift: Shift) -> bool:
    return shift.status in (Shift.Status.OPEN, Shift.Status.RETURNED)


@rules.predicate
def is_shift_submitted(user, shift: Shift) -> bool:
    return shift.status == Shift.Status.SUBMITTED


@rules.predicate
def in_closed_month(user, shift: Shift) -> bool:
    return month_is_closed(shift)


@rules.predicate
def approves_shifts(user) -> bool:
    return user.has_perm("officers.approve_shift")


@rules.predicate
def supervises_officer_station(user, record) -> bool:
    """Of a shift, or of an officer: a supervisor of the officer's station."""
    officer = record if isinstance(record, Officer) else record.officer
    return supervises(user, officer.station_id)


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_superuser


@rules.predicate
def closes_months(user) -> bool:
    return user.has_perm("officers.add_monthclosure")


@rules.predicate
def is_the_officer(user, officer: Officer) -> bool:
    return user.pk is not None and officer.user_id == user.pk


def has_own_unapproved_shifts(user, station_id: int, month: datetime.date) -> bool:
    """Shifts of the user's own that start in the month and that nobody else approved:
    closing the month would lock them unreviewed."""
    start, end = month_bounds(month)
    return (
        Shift.objects.filter(
            officer__user=user,
            officer__station_id=station_id,
            started_at__gte=start,
            started_at__lt=end,
        )
        .exclude(Q(status=Shift.Status.APPROVED) & ~Q(reviewed_by=user))
        .exists()
    )


# The officer, while the shift is open or returned and its month is not closed.
rules.add_perm("officers.edit_shift", is_own_shift & is_shift_correctable & ~in_closed_month)
rules.add_perm(
    "officers.end_shift", is_shift_open & is_own_shift & is_shift_correctable & ~in_closed_month
)
rules.add_perm(
    "officers.correct_shift",
    ~is_shift_open & is_own_shift & is_shift_correctable & ~in_closed_month,
)
# A supervisor of the officer's station, for a submitted shift of an open month; never
# the officer themselves.
rules.add_perm(
    "officers.review_shift",
    is_shift_submitted
    & ~is_own_shift
    & approves_shifts
    & supervises_officer_station
    & ~in_closed_month,
)
# Only an administrator changes a shift of a closed month (with a reason).
rules.add_perm("officers.override_closed_month", in_closed_month & is_administrator)
# Timesheets: every line for who reads every station or supervises it, else one's own.
rules.add_perm("officers.read_station_timesheet", reads_every_station | supervises_station)
rules.add_perm(
    "officers.read_officer_timesheet",
    is_the_officer | reads_every_station | supervises_officer_station,
)
rules.add_perm("officers.close_station_month", closes_months & supervises_station)
