"""Recording preventive work; the forms validate, this writes."""

import datetime

from django.db import transaction
from django.utils import timezone

from officers.models import Officer, Shift

from .models import PreventiveEvent


def shift_of(officer: Officer, day: datetime.date) -> Shift | None:
    """The shift an event of ``day`` happened in: the one under way for today's, else
    the officer's last shift that started that day (Kyiv time)."""
    shifts = Shift.objects.filter(officer=officer)
    if day == timezone.localdate() and (open_shift := shifts.open().first()):
        return open_shift
    return shifts.filter(started_at__date=day).order_by("-started_at").first()


@transaction.atomic
def event_record(*, officer: Officer, user, **fields) -> PreventiveEvent:
    return PreventiveEvent.objects.create(
        officer=officer,
        station=officer.station,
        shift=shift_of(officer, fields["held_on"]),
        created_by=user,
        **fields,
    )


@transaction.atomic
def event_update(*, event: PreventiveEvent, **fields) -> PreventiveEvent:
    """Change what was recorded; a new date finds its shift again (an unchanged one
    keeps the shift it was recorded in)."""
    # as stored: the edit form has set the new values on ``event`` already
    stored = PreventiveEvent.objects.values_list("held_on", flat=True).get(pk=event.pk)
    moved = "held_on" in fields and fields["held_on"] != stored
    for name, value in fields.items():
        setattr(event, name, value)
    if moved:
        event.shift = shift_of(event.officer, event.held_on)
    event.save()
    return event
