"""Who is on duty now, where, and shifts that look forgotten: the panels of the home
page, and the village a form of the officer starts with."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from .models import Officer, Shift
from .models.shifts import FORGOTTEN_AFTER


def officer_panel(officer) -> dict:
    """The officer's open shift (flagged after 14 hours) and shifts returned to them."""
    open_shift = Shift.objects.open().filter(officer=officer).select_related("vehicle").first()
    return {
        "open_shift": open_shift,
        "open_shift_forgotten": open_shift is not None
        and open_shift.started_at < timezone.now() - FORGOTTEN_AFTER,
        "returned_shifts": list(
            Shift.objects.filter(officer=officer, status=Shift.Status.RETURNED).order_by(
                "started_at"
            )
        ),
    }


def on_duty_panel(user) -> dict:
    """Open shifts the person may see, and how many wait for their review (not their own)."""
    visible = Shift.objects.visible_to(user)
    to_review = 0
    if user.has_perm("officers.approve_shift"):
        to_review = (
            visible.filter(status=Shift.Status.SUBMITTED).exclude(officer__user=user).count()
        )
    return {
        "show_on_duty": True,
        "on_duty": list(
            visible.open().select_related("officer__station").order_by("started_at")[:50]
        ),
        "forgotten_before": timezone.now() - FORGOTTEN_AFTER,
        "to_review": to_review,
    }


def own_officer(user) -> Officer:
    """The officer record of the signed-in person, for the forms only an officer fills
    (an incident, a preventive event, an appeal); 403 for anyone without one."""
    officer = Officer.objects.filter(user=user).select_related("station").first()
    if officer is None:
        raise PermissionDenied
    return officer


def usual_village(officer: Officer) -> int | None:
    """The village an officer most likely works in (an incident, a preventive event):
    the one of the open shift, or the only one the officer answers for."""
    shift = Shift.objects.open().filter(officer=officer).first()
    for villages in (shift.villages if shift else None, officer.villages):
        if villages is not None:
            ids = list(villages.values_list("pk", flat=True)[:2])
            if len(ids) == 1:
                return ids[0]
    return None
