"""Who may do what with a shift: the object-level rules of the officers app, in one place.

Nobody reviews their own work, whatever their roles: a supervisor whose login is also an
officer's has their shifts approved by another supervisor of the station.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stations.models import Station

from .models import MonthClosure, Shift
from .worktime import month_bounds

OWN_SHIFT = _("Nobody reviews their own shift: another supervisor of the station does.")
OWN_MONTH = _(
    "Your own shifts of this month are not yet approved by another supervisor of the"
    " station; the month can be closed once they are."
)


def month_of(shift: Shift):
    return timezone.localtime(shift.started_at).date().replace(day=1)


def month_is_closed(shift: Shift) -> bool:
    return MonthClosure.objects.filter(
        station_id=shift.officer.station_id, month=month_of(shift)
    ).exists()


def may_edit_shift(user, shift: Shift) -> bool:
    """The officer, while the shift is open or returned and its month is not closed."""
    return (
        shift.officer.user_id == user.pk
        and shift.status in (Shift.Status.OPEN, Shift.Status.RETURNED)
        and not month_is_closed(shift)
    )


def is_own_shift(user, shift: Shift) -> bool:
    return user.pk is not None and shift.officer.user_id == user.pk


def supervises(user, station_id: int) -> bool:
    if user.is_superuser:
        return True
    return Station.objects.filter(pk=station_id, supervisors=user).exists()


def may_review_shift(user, shift: Shift) -> bool:
    """A supervisor of the officer's station, for a submitted shift of an open month;
    never the officer themselves."""
    return (
        shift.status == Shift.Status.SUBMITTED
        and not is_own_shift(user, shift)
        and user.has_perm("officers.approve_shift")
        and supervises(user, shift.officer.station_id)
        and not month_is_closed(shift)
    )


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


def may_override_closed_month(user) -> bool:
    """Only an administrator changes a shift of a closed month (with a reason)."""
    return user.is_superuser
