"""People's data on request, and its end: the subject access report and the
anonymisation of parties of incidents closed longer than the retention period.

Anonymising removes who a party was (name, birth date, phone, address, notes), in the
record and in its history, and keeps what the statistics count: the incident, its
category, village and dates, and the party's role.
"""

import datetime
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from officers.models import Incident, IncidentEvent, Party

PERSONAL_FIELDS = {"full_name": "", "date_of_birth": None, "phone": "", "address": "", "notes": ""}


# Apostrophes a Ukrainian name is typed with (a phone types ’ where a keyboard types ').
APOSTROPHES = "'’ʼ`"


def name_key(name: str) -> str:
    """A name as compared: one space between words, one apostrophe, no letter case."""
    for mark in APOSTROPHES[1:]:
        name = name.replace(mark, APOSTROPHES[0])
    return " ".join(name.split()).lower()


def parties_of(full_name: str, date_of_birth: datetime.date | None = None) -> QuerySet[Party]:
    """Every party record that may be the person, and no one else's: each typed word is
    a whole word of the recorded name, in any order and case ("Коваленко Оксана" finds
    "Оксана Петрівна Коваленко", never "Коваленко Іван"). Two words at least; one word
    (the surname, say) only with the birth date, and then only records of that date, so
    that a surname never lists everyone undated. With the birth date and a fuller name,
    records without one are kept (they may be theirs)."""
    typed = set(name_key(full_name).split(" ")) - {""}
    by_one_word = date_of_birth is not None and len(typed) == 1
    # The database narrows by each piece of the name (its LIKE ignores Cyrillic case on
    # SQLite too: policing/sqlite.py); the whole-word comparison is made here.
    candidates = Party.objects.filter(anonymised_at=None)
    for piece in filter(None, re.split(f"[ {APOSTROPHES}]+", " ".join(typed))):
        candidates = candidates.filter(full_name__icontains=piece)
    if by_one_word:
        candidates = candidates.filter(date_of_birth=date_of_birth)
    elif date_of_birth is not None:
        candidates = candidates.filter(Q(date_of_birth=date_of_birth) | Q(date_of_birth=None))
    ids = [
        pk
        for pk, name in candidates.values_list("pk", "full_name")
        if typed and typed <= set(name_key(name).split(" "))
    ]
    return (
        Party.objects.filter(pk__in=ids)
        .select_related("incident__village")
        .order_by("-incident__occurred_at", "id")
    )


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
