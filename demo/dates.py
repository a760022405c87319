"""The demo's records dated when they would have happened, not when ``seed_demo`` ran.

The services stamp each step with the present moment, as they must for real work; the
demo replays years of it in a second. Without this, an act of 19 January 2022 would say
it was confirmed today, and a station opened in 2021 would show "created today" in its
history.
"""

import contextlib
import datetime

import pgtrigger
from django.db import connection
from django.utils import timezone

from officers.models import Incident, IncidentEvent
from stations.models import Handover

# After an incident is reported: submitted within the hour, reviewed the next day, the
# case taken up, asked to be closed and closed over the following weeks.
INCIDENT_STEPS = [
    datetime.timedelta(0),
    datetime.timedelta(hours=1),
    datetime.timedelta(days=1),
    datetime.timedelta(days=3),
    datetime.timedelta(days=12),
    datetime.timedelta(days=14),
    datetime.timedelta(days=20),
]
NOON = datetime.time(12)


def noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, NOON))


def history_at(record, moment: datetime.datetime, since: datetime.datetime | None = None) -> None:
    """The versions of ``record`` written since ``since`` (all so far without it), as of
    ``moment``."""
    versions = record.history.all()
    if since is not None:
        versions = versions.filter(history_date__gte=since)
    versions.update(history_date=moment)


def incident_at_its_time(incident: Incident) -> None:
    now = timezone.now()
    start = incident.reported_at
    moments = [min(start + step, now) for step in INCIDENT_STEPS]
    events = IncidentEvent.objects.filter(incident=incident).order_by("at", "id")
    for event, moment in zip(events, moments, strict=False):
        IncidentEvent.objects.filter(pk=event.pk).update(at=moment)
    versions = incident.history.order_by("history_date", "history_id")
    for version, moment in zip(versions, moments, strict=False):
        type(version).objects.filter(pk=version.pk).update(history_date=moment)
    Incident.objects.filter(pk=incident.pk).update(created_at=start)
    for party in incident.parties.all():
        history_at(party, start)


def act_at_its_time(act: Handover, confirmed_after: datetime.timedelta | None) -> None:
    """Drawn up when it happened, and signed ``confirmed_after`` that."""
    moment = act.occurred_at
    signed = moment + confirmed_after if confirmed_after is not None else None
    with _confirmed_acts_may_change():
        Handover.objects.filter(pk=act.pk).update(created_at=moment, confirmed_at=signed)
    # the versions kept by the history: drawn up, then signed, each with those times
    for version in act.history.all():
        confirmed = version.confirmed_at is not None
        type(version).objects.filter(pk=version.pk).update(
            history_date=signed if confirmed else moment,
            created_at=moment,
            confirmed_at=signed if confirmed else None,
        )


@contextlib.contextmanager
def _confirmed_acts_may_change():
    """On PostgreSQL a trigger refuses any change to a confirmed act; the demo alone,
    dating its own acts, steps past it by name."""
    if connection.vendor != "postgresql":
        yield
        return
    with pgtrigger.ignore("stations.Handover:confirmed_acts_never_change"):
        yield
