"""Who may do what with a shift: the object-level rules of the officers app, in one place."""

from django.utils import timezone

from stations.models import Station

from .models import MonthClosure, Shift


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


def supervises(user, station_id: int) -> bool:
    if user.is_superuser:
        return True
    return Station.objects.filter(pk=station_id, supervisors=user).exists()


def may_review_shift(user, shift: Shift) -> bool:
    """A supervisor of the officer's station, for a submitted shift of an open month."""
    return (
        shift.status == Shift.Status.SUBMITTED
        and user.has_perm("officers.approve_shift")
        and supervises(user, shift.officer.station_id)
        and not month_is_closed(shift)
    )


def may_override_closed_month(user) -> bool:
    """Only an administrator changes a shift of a closed month (with a reason)."""
    return user.is_superuser
