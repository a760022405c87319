"""The demo's preventive work, in the proportions a council's report gives.

One report for six months of 2024 counts 25 preventive events and 25 talks to residents
on domestic violence, and further work on road safety and explosive objects: about two
events a week for the community, half of them on domestic violence.
"""

import datetime
import random

from django.db.models import Max
from django.utils import timezone

from demo import dates as demo_dates
from officers.models import Officer, Shift
from prevention.models import PreventiveEvent
from prevention.services import event_record

DAYS = 396  # as long as the incidents, so that the report compares two half-years
SHARE_OF_DAYS = 0.28  # about two events a week

KIND_MIX = [
    # kind, weight, fewest and most people
    (PreventiveEvent.Kind.MEETING, 25, 10, 40),
    (PreventiveEvent.Kind.HOME_VISIT, 25, 2, 5),
    (PreventiveEvent.Kind.SCHOOL_TALK, 15, 15, 60),
    (PreventiveEvent.Kind.LECTURE, 10, 20, 80),
    (PreventiveEvent.Kind.JOINT_PATROL, 10, 2, 6),
    (PreventiveEvent.Kind.RECEPTION, 10, 1, 8),
    (PreventiveEvent.Kind.OTHER, 5, 3, 20),
]
TOPIC_MIX = [
    (PreventiveEvent.Topic.DOMESTIC_VIOLENCE, 50),
    (PreventiveEvent.Topic.ROAD_SAFETY, 15),
    (PreventiveEvent.Topic.EXPLOSIVES, 15),
    (PreventiveEvent.Topic.FRAUD, 10),
    (PreventiveEvent.Topic.JUVENILES, 7),
    (PreventiveEvent.Topic.OTHER, 3),
]
NOTES = {
    PreventiveEvent.Topic.DOMESTIC_VIOLENCE: (
        "Роз'яснено, куди звертатися: 102, 15-47, центр соціальних служб."
    ),
    PreventiveEvent.Topic.ROAD_SAFETY: "Правила переходу дороги, світловідбивні елементи.",
    PreventiveEvent.Topic.EXPLOSIVES: (
        "Як розпізнати вибухонебезпечний предмет і що робити: не торкатися, дзвонити 101."
    ),
    PreventiveEvent.Topic.FRAUD: "Дзвінки «з банку», фішингові посилання, виплати «від держави».",
    PreventiveEvent.Topic.JUVENILES: "Відповідальність неповнолітніх, комендантська година.",
    PreventiveEvent.Topic.OTHER: "",
}


def events_up_to(today: datetime.date, officers: list[Officer]) -> None:
    """Carry the preventive work on from the last day recorded (or thirteen months ago),
    one day's events the same on every machine."""
    latest = PreventiveEvent.objects.aggregate(last=Max("held_on"))["last"]
    first = today - datetime.timedelta(days=DAYS)
    if latest is not None:
        first = max(first, latest + datetime.timedelta(days=1))
    kinds = [entry for entry in KIND_MIX for _ in range(entry[1])]
    topics = [topic for topic, weight in TOPIC_MIX for _ in range(weight)]
    for offset in range((today - first).days):
        day = first + datetime.timedelta(days=offset)
        rng = random.Random(day.toordinal() * 7)
        if rng.random() > SHARE_OF_DAYS:
            continue
        # the work is done on duty where the demo has shifts: by one of that day's officers
        on_duty = set(Shift.objects.filter(started_at__date=day).values_list("officer", flat=True))
        candidates = [o for o in officers if o.pk in on_duty] or officers
        officer = candidates[day.toordinal() % len(candidates)]
        villages = list(officer.villages.all()) or [officer.station.village]
        kind, _weight, fewest, most = rng.choice(kinds)
        topic = rng.choice(topics)
        event = event_record(
            officer=officer,
            user=officer.user,
            village=rng.choice(villages),
            kind=kind,
            topic=topic,
            held_on=day,
            audience=rng.randint(fewest, most),
            note=NOTES[topic],
        )
        moment = demo_dates.noon(day) + datetime.timedelta(hours=rng.randint(1, 6))
        PreventiveEvent.objects.filter(pk=event.pk).update(created_at=min(moment, timezone.now()))
        demo_dates.history_at(event, min(moment, timezone.now()))
