"""The demo's preventive register and reports to the council, in a council's proportions.

One report counts 10 offenders taken onto the register in six months and 47 on it in
all: here most domestic-violence incidents put their offender on the register the next
day, with a check about every month; those of more than half a year ago are mostly off
it again. One officer presented a report five months ago; the others owe theirs.
"""

import datetime
import random

from django.utils import timezone

from offenders.models import Offender, OffenderWork
from offenders.services import offender_register, take_off, work_record
from officers.models import Incident, Officer
from reports.models import PresentedReport

SURNAMES = ["Гнатюк", "Савчук", "Ткачук", "Поліщук", "Марченко", "Руденко", "Кузьменко"]
NAMES = ["Петро", "Андрій", "Олег", "Віктор", "Сергій", "Микола"]
SHARE_REGISTERED = 0.7
CHECK_EVERY = datetime.timedelta(days=30)
OFF_AFTER = datetime.timedelta(days=180)
STAYS_AT_MOST = datetime.timedelta(days=365)


def register_up_to(today: datetime.date, officers: list[Officer]) -> None:
    incidents = (
        Incident.objects.counted()
        .filter(category=Incident.Category.DOMESTIC_VIOLENCE, offenders=None)
        .select_related("reporting_officer__station__village", "station__village")
        .order_by("occurred_at")
    )
    for incident in incidents:
        rng = random.Random(incident.pk * 17)
        day = timezone.localtime(incident.occurred_at).date() + datetime.timedelta(days=1)
        if rng.random() > SHARE_REGISTERED or day > today:
            continue
        officer = incident.reporting_officer
        offender = offender_register(
            officer=officer,
            user=officer.user,
            full_name=f"{rng.choice(SURNAMES)} {rng.choice(NAMES)}",
            address=f"вул. Садова, {rng.randint(1, 60)}",
            grounds=Offender.Grounds.URGENT_ORDER
            if hasattr(incident, "restraining_order")
            else Offender.Grounds.INCIDENT,
            incident=incident,
            taken_on=day,
        )
        _work_until(offender, officer, today, rng)


def _work_until(offender: Offender, officer: Officer, today: datetime.date, rng) -> None:
    """A check about every month; off the register after half a year, but for some of
    the last year's, who stay on it (and are checked still)."""
    stays = offender.taken_on > today - STAYS_AT_MOST and rng.random() < 0.2
    day = offender.taken_on
    end = today if stays else min(today, offender.taken_on + OFF_AFTER)
    while day <= end:
        kind = rng.choice(list(OffenderWork.Kind))
        work_record(
            offender=offender,
            officer=officer,
            user=officer.user,
            done_on=day,
            kind=kind,
            note="Порушень обмежень не виявлено." if kind == OffenderWork.Kind.CHECK else "",
            next_check_on=day + CHECK_EVERY,
        )
        day += CHECK_EVERY
    if not stays and offender.taken_on + OFF_AFTER <= today:
        take_off(
            offender=offender,
            taken_off_on=offender.taken_on + OFF_AFTER,
            off_reason=Offender.OffReason.TERM_ENDED,
        )


def reports_presented(today: datetime.date, officers: list[Officer]) -> None:
    """The first officer presented the last half-year five months ago."""
    officer = next((o for o in officers if o.user is not None), None)
    if officer is None or officer.user is None or PresentedReport.objects.exists():
        return
    presented_on = today - datetime.timedelta(days=150)
    PresentedReport.objects.create(
        officer=officer,
        since=presented_on - datetime.timedelta(days=182),
        until=presented_on - datetime.timedelta(days=1),
        presented_on=presented_on,
        presented_to="Засідання виконавчого комітету",
        created_by=officer.user,
    )
