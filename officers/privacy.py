"""People's data on request, and its end: the subject access report and the
anonymisation of parties of incidents closed longer than the retention period.

Anonymising removes who a party was (name, birth date, phone, address, notes), in the
record and in its history, and keeps what the statistics count: the incident, its
category, village and dates, and the party's role.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from officers.models import Incident, IncidentEvent, Party

PERSONAL_FIELDS = {"full_name": "", "date_of_birth": None, "phone": "", "address": "", "notes": ""}


def parties_of(full_name: str, date_of_birth: datetime.date | None = None) -> QuerySet[Party]:
    """Every party record that may be the person: the name in any case, and the birth
    date when it is given (records without a birth date are kept: they may be theirs)."""
    parties = Party.objects.filter(full_name__icontains=full_name.strip(), anonymised_at=None)
    if date_of_birth is not None:
        parties = parties.filter(Q(date_of_birth=date_of_birth) | Q(date_of_birth=None))
    return parties.select_related("incident__village").order_by("-incident__occurred_at", "id")


def closed_before(cutoff: datetime.datetime) -> QuerySet[Incident]:
    """Incidents whose case was closed before ``cutoff`` and stays closed (the last
    case-status step of a closed incident is its closing)."""
    return (
        Incident.objects.filter(case_status=Incident.Case.CLOSED)
        .alias(closed_at=Max("events__at", filter=Q(events__kind=IncidentEvent.Kind.CASE)))
        .filter(closed_at__lt=cutoff)
    )


def due_for_anonymising(now: datetime.datetime | None = None) -> QuerySet[Party]:
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.INCIDENT_RETENTION_DAYS)
    return Party.objects.filter(anonymised_at=None, incident__in=closed_before(cutoff).values("pk"))


@transaction.atomic
def anonymise_due(now: datetime.datetime | None = None) -> int:
    """Anonymise the parties due; returns how many. Safe to run again."""
    now = now or timezone.now()
    ids = list(due_for_anonymising(now).values_list("pk", flat=True))
    Party.objects.filter(pk__in=ids).update(anonymised_at=now, **PERSONAL_FIELDS)
    Party.history.filter(id__in=ids).update(anonymised_at=now, **PERSONAL_FIELDS)
    return len(ids)
