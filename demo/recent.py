"""The demo programme carried on from the handover of January 2022 up to today.

A newcomer who runs ``make run`` should see a living programme, whatever the date:
three months of shifts (the last week awaiting approval, one returned, one left open),
twelve months of incidents in the reported mix (the latest awaiting review, a closure
requested), an act awaiting confirmation, an overdue return, an item in repair,
maintenance due, an urgent restraining order ending tomorrow, and photos.

Every part carries on from where an earlier run stopped and adds nothing twice, so the
command can be run again on any day. Dates are relative to the day it runs; the
generator is seeded per day, so one day's activity is the same on every machine.
"""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max
from django.utils import timezone
from PIL import Image, ImageDraw

from core.images import reencode_image
from demo import appeals as demo_appeals
from demo import dates as demo_dates
from demo import driving
from demo import offenders as demo_offenders
from demo import prevention as demo_prevention
from officers import services as shifts_service
from officers.incidents import services as incidents
from officers.models import Incident, Officer, Party, RestrainingOrder, Shift
from stations import services
from stations.models import (
    Custody,
    EquipmentItem,
    Handover,
    Station,
    Vehicle,
)

SHIFT_DAYS = 91
INCIDENT_DAYS = 396  # thirteen months, so that the monthly report has a year to compare
UAH_PER_LITRE = Decimal("56.50")
AWAITING_APPROVAL_DAYS = 7
# Officers by badge: Тимофєєв (the ``officer`` login) keeps a clean slate to start a shift
# with one tap; Ткаченко forgot to end hers; Шевчук's last shift came back for correction.
FORGETFUL = "0001005"
FORGOTTEN = datetime.timedelta(hours=20)
RETURNED = "0001003"
ON_DUTY_NOW = ["0001002", "0001004"]  # Коваленко and Бондар, since this morning

CATEGORY_MIX = [
    ("domestic_violence", 25),
    ("theft", 25),
    ("domestic_conflict", 20),
    ("public_order", 10),
    ("traffic", 6),
    ("property_damage", 6),
    ("fraud", 4),
    ("missing_person", 2),
    ("other", 2),
]
STORIES = {
    "domestic_violence": (
        "Виклик від сусідів: чоловік у стані сп'яніння погрожував дружині.",
        "Іван",
    ),
    "theft": ("Із двору викрадено велосипед і садовий інвентар.", "Петро"),
    "domestic_conflict": ("Сварка між сусідами через межу земельної ділянки.", "Микола"),
    "public_order": ("Група осіб порушувала громадський порядок біля магазину.", "Андрій"),
    "traffic": ("Наїзд автомобіля на огорожу, водій залишив місце пригоди.", "Сергій"),
    "property_damage": ("Пошкоджено вікно автобусної зупинки.", "Олег"),
    "fraud": ("Літній жительці телефонували нібито з банку й виманили гроші.", "Невідомий"),
    "missing_person": ("Не повернувся додому неповнолітній; знайдено того ж вечора.", "—"),
    "other": ("Звернення щодо безпритульних собак біля школи.", "—"),
}
STREETS = ["Центральна", "Шкільна", "Садова", "Миру", "Морська", "Степова"]
SURNAMES = ["Коваль", "Мельник", "Шевченко", "Бойко", "Кравченко", "Олійник", "Лисенко"]
NAMES = ["Ганна", "Марія", "Олена", "Тетяна", "Оксана", "Людмила"]
SUMMARIES = [
    "Патрулювання, прийом громадян, профілактичні бесіди.",
    "Патрулювання біля школи, перевірка скарг мешканців.",
    "Профілактична робота з сім'ями, обхід вулиць.",
]


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def carry_on(*, staff, supervisor, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    officers = list(
        Officer.objects.order_by("badge_number").select_related("user").prefetch_related("villages")
    )
    incidents_up_to(today, officers, supervisor)
    shifts_up_to(today, officers, supervisor, staff)
    demo_prevention.events_up_to(today, officers)
    demo_appeals.appeals_up_to(today, officers)
    custody_scenes(today, officers, staff)
    urgent_order()
    demo_offenders.register_up_to(today, officers)
    demo_offenders.reports_presented(today, officers)
    photos(officers)


def incidents_up_to(today: datetime.date, officers: list[Officer], supervisor) -> None:
    """About ten incidents a month for a year; the last ones still wait for review."""
    latest = Incident.objects.aggregate(last=Max("occurred_at"))["last"]
    first = today - datetime.timedelta(days=INCIDENT_DAYS)
    if latest is not None:
        first = max(first, timezone.localtime(latest).date() + datetime.timedelta(days=1))
    days = [first + datetime.timedelta(days=n) for n in range((today - first).days)]
    created = []
    for day in days:
        rng = random.Random(day.toordinal())
        if rng.random() > 0.33:  # about one day in three
            continue
        officer = officers[day.toordinal() % len(officers)]
        occurred = at(day, rng.randrange(7, 22)) + datetime.timedelta(minutes=rng.randrange(60))
        incident = record_incident(rng, officer, occurred)
        created.append(incident)
    waiting = 4 if len(created) > 12 else 0
    for n, incident in enumerate(created[: len(created) - waiting]):
        incidents.incident_review(incident=incident, user=supervisor, approve=True)
        age = (today - timezone.localtime(incident.occurred_at).date()).days
        if age > 14 and n % 4:  # three in four closed after a fortnight
            incidents.case_close(
                incident=incident, user=supervisor, outcome="Вжито заходів, конфлікт вичерпано."
            )
        elif n % 8 == 0 or (age <= 14 and n % 2):  # some in work, the rest still open
            incidents.case_start(incident=incident, user=incident.reporting_officer.user)
    in_work = [i for i in created if i.case_status == Incident.Case.IN_PROGRESS]
    if in_work:
        incident = in_work[-1]
        incidents.case_request_closure(
            incident=incident,
            user=incident.reporting_officer.user,
            comment="Сторони примирилися, повторних звернень не було.",
        )
    for incident in created:
        demo_dates.incident_at_its_time(incident)


CATEGORIES = [category for category, weight in CATEGORY_MIX for _ in range(weight)]


def record_incident(rng: random.Random, officer: Officer, occurred: datetime.datetime) -> Incident:
    """An incident in the reported mix, with its victim and suspect where it has them,
    submitted by the officer."""
    village = rng.choice(list(officer.villages.all()))
    category = rng.choice(CATEGORIES)
    text, suspect = STORIES[category]
    incident = incidents.incident_create(
        officer=officer,
        user=officer.user,
        village=village,
        category=category,
        occurred_at=occurred,
        reported_at=occurred + datetime.timedelta(minutes=rng.randrange(10, 180)),
        place=f"{village.name}, вул. {rng.choice(STREETS)}, {rng.randrange(1, 60)}",
        latitude=village.latitude + Decimal(rng.randrange(-300, 300)) / 100000,
        longitude=village.longitude + Decimal(rng.randrange(-300, 300)) / 100000,
        description=text,
    )
    if category in ("domestic_violence", "domestic_conflict", "theft"):
        Party.objects.create(
            incident=incident,
            role=Party.Role.VICTIM,
            full_name=f"{rng.choice(SURNAMES)} {rng.choice(NAMES)}",
        )
        Party.objects.create(
            incident=incident,
            role=Party.Role.SUSPECT,
            full_name=f"{rng.choice(SURNAMES)} {suspect}",
        )
    incidents.incident_submit(incident=incident, user=officer.user)
    return incident


def shifts_up_to(today: datetime.date, officers: list[Officer], supervisor, staff) -> None:
    """Every other day on duty, by car, for three months; the last week not yet approved.
    Each shift's readings and the refuellings go into the car's logbook (demo.driving)."""
    latest = Shift.objects.aggregate(last=Max("started_at"))["last"]
    first = today - datetime.timedelta(days=SHIFT_DAYS)
    if latest is not None:
        first = max(first, timezone.localtime(latest).date() + datetime.timedelta(days=1))
    if first >= today:
        return
    cars = {
        custody.officer_id: custody.item.vehicle
        for custody in Custody.objects.filter(
            until__isnull=True, item__kind=EquipmentItem.Kind.VEHICLE_KEYS
        ).select_related("item__vehicle")
    }
    has_open = set(Shift.objects.open().values_list("officer_id", flat=True))
    shifts, villages = [], []
    for index, officer in enumerate(officers):
        if officer.pk in has_open:
            continue  # nothing can follow a shift still open
        car = cars.get(officer.pk)
        logbook = (
            driving.Logbook(car, clerk=staff, uah_per_litre=UAH_PER_LITRE)
            if car is not None and car.last_odometer() is not None
            else None
        )
        served = list(officer.villages.all())
        for offset in range((today - first).days):
            day = first + datetime.timedelta(days=offset)
            if (day.toordinal() + index) % 2:
                continue
            if officer.badge_number == FORGETFUL and (today - day).days <= 2:
                continue  # her last shift, still open, started yesterday
            start = at(day, 8)
            end = start + datetime.timedelta(hours=9)
            driven = random.Random(day.toordinal() * 10 + index).randrange(35, 95)
            recent = (today - day).days <= AWAITING_APPROVAL_DAYS
            shift = Shift(
                officer=officer,
                started_at=start,
                ended_at=end,
                summary=SUMMARIES[offset % len(SUMMARIES)],
                status=Shift.Status.SUBMITTED if recent else Shift.Status.APPROVED,
                reviewed_by=None if recent else supervisor,
                reviewed_at=None if recent else end + datetime.timedelta(days=1),
            )
            if logbook is not None:
                logbook.drive(shift, driven)
            shifts.append(shift)
            villages.append(served)
        if logbook is not None:
            logbook.save()
    save_shifts(shifts, villages)
    by_badge = {officer.badge_number: officer for officer in officers}
    returned = (
        Shift.objects.filter(officer=by_badge[RETURNED], status=Shift.Status.SUBMITTED)
        .order_by("started_at")
        .first()
    )
    if returned is not None:
        returned.status = Shift.Status.RETURNED
        returned.review_comment = "Вкажіть, які села патрулювали після обіду."
        returned.reviewed_by = supervisor
        returned.reviewed_at = min(returned.ended_at + datetime.timedelta(hours=18), timezone.now())
        returned.save()
        demo_dates.history_at(returned, returned.reviewed_at)
    now = timezone.now()
    if by_badge[FORGETFUL].pk not in has_open:
        shift = Shift.objects.create(officer=by_badge[FORGETFUL], started_at=now - FORGOTTEN)
        demo_dates.history_at(shift, shift.started_at)
    for badge in ON_DUTY_NOW:
        officer = by_badge[badge]
        car = cars.get(officer.pk)
        if officer.pk not in has_open:  # started as the form starts it: the car read
            shift = shifts_service.shift_start(
                officer=officer,
                started_at=min(at(today, 8), now - datetime.timedelta(hours=1)),
                vehicle=car,
                odometer_start=car.last_odometer() if car else None,
            )
            demo_dates.history_at(shift, shift.started_at)


def save_shifts(shifts: list[Shift], villages: list[list]) -> None:
    """Write many shifts at once, each with the villages patrolled."""
    Shift.objects.bulk_create(shifts)
    Through = Shift.villages.through
    Through.objects.bulk_create(
        Through(shift_id=shift.pk, village_id=village.pk)
        for shift, served in zip(shifts, villages, strict=True)
        for village in served
    )


PLACE = "смт Старий Крим, поліцейська станція"
REGISTERED_AGO = datetime.timedelta(days=60)
# In the station's store, held by nobody: what a clerk trying the demo can issue.
SPARE = [
    ("РС-0003", EquipmentItem.Kind.RADIO, "Motorola DP4400", "MT440003"),
    ("НК-0002", EquipmentItem.Kind.BODY_CAMERA, "Axon Body 3", "AXB3000002"),
    ("БЖ-0001", EquipmentItem.Kind.VEST, "Темп-3", "ТМ3-0001"),
    ("ПЛ-0001", EquipmentItem.Kind.TABLET, "Samsung Galaxy Tab Active3", "R52N0001"),
]


def _item(station: Station, inventory_number: str, kind: str, model_name: str, serial: str):
    """The item by its inventory number, and whether this run brought it: registered
    two months ago, before any of the recent acts."""
    item, created = EquipmentItem.objects.get_or_create(
        inventory_number=inventory_number,
        defaults={
            "kind": kind,
            "model_name": model_name,
            "serial_number": serial,
            "station": station,
        },
    )
    if created:
        demo_dates.history_at(item, timezone.now() - REGISTERED_AGO)
    return item, created


def custody_scenes(today: datetime.date, officers: list[Officer], staff) -> None:
    """A radio waiting for its receiver's confirmation, a body camera past its return
    date, a radio in repair, and a car whose maintenance is due."""
    station = Station.objects.order_by("pk").first()
    assert station is not None  # seed_demo makes the community's station first
    by_badge = {officer.badge_number: officer for officer in officers}
    now = timezone.now()
    camera, created = _item(
        station, "НК-0001", EquipmentItem.Kind.BODY_CAMERA, "Axon Body 3", "AXB3000001"
    )
    if created:  # Коваленко was to bring it back ten days ago
        officer = by_badge["0001002"]
        back_on = today - datetime.timedelta(days=10)
        act = services.handover_issue(
            officer=officer,
            occurred_at=now - datetime.timedelta(days=40),
            place=PLACE,
            official_name="Ігор Мельник",
            official_role="Керівник станції",
            lines=[services.IssueLine(item=camera, expected_return_on=back_on)],
            created_by=staff,
        )
        services.handover_confirm(
            handover=act, user=officer.user, address=None, how=Handover.ConfirmedHow.IN_PERSON
        )
        demo_dates.act_at_its_time(act, confirmed_after=datetime.timedelta(minutes=10))
    radio, created = _item(
        station, "РС-0001", EquipmentItem.Kind.RADIO, "Motorola DP4400", "MT440001"
    )
    if created:  # drawn up two days ago; Тимофєєв has not confirmed it yet
        act = services.handover_issue(
            officer=by_badge["0001001"],
            occurred_at=now - datetime.timedelta(days=2),
            place=PLACE,
            official_name="Олена Коваль",
            official_role="Працівник міської ради",
            lines=[services.IssueLine(item=radio)],
            created_by=staff,
        )
        demo_dates.act_at_its_time(act, confirmed_after=None)
    repaired, created = _item(
        station, "РС-0002", EquipmentItem.Kind.RADIO, "Motorola DP4400", "MT440002"
    )
    if created:  # sent for repair a week ago
        repaired.status = EquipmentItem.Status.IN_REPAIR
        repaired.save()
        demo_dates.history_at(repaired, timezone.now() - datetime.timedelta(days=7), since=now)
    for inventory_number, kind, model_name, serial in SPARE:  # for the clerk's next act
        _item(station, inventory_number, kind, model_name, serial)
    vehicle = Vehicle.objects.order_by("pk").first()
    if vehicle is not None and not vehicle.maintenance_records.exists():
        done_on = today - datetime.timedelta(days=170)
        km = vehicle.last_odometer(at=at(done_on, 12)) or 0
        record = services.maintenance_record_add(
            vehicle=vehicle,
            done_on=done_on,
            work="Заміна мастила й фільтрів",
            cost_uah=Decimal("3450.00"),
            odometer_km=km,
            next_due_on=today + datetime.timedelta(days=10),
            next_due_km=km + 10000,
            user=staff,
        )
        demo_dates.history_at(record, at(done_on, 16))


def urgent_order() -> None:
    """An urgent restraining order on the latest domestic violence case, ending tomorrow."""
    now = timezone.now()
    if RestrainingOrder.objects.filter(valid_until__gt=now).exists():
        return
    incident = (
        Incident.objects.filter(category="domestic_violence", restraining_order__isnull=True)
        .order_by("-occurred_at")
        .first()
    )
    if incident is None:
        return
    issued = max(incident.reported_at, now - datetime.timedelta(days=9))
    order = RestrainingOrder.objects.create(
        incident=incident,
        number=f"ТЗП-{incident.number}",
        issued_at=issued,
        valid_until=now + datetime.timedelta(hours=20),
        must_leave_home=True,
        no_contact=True,
    )
    demo_dates.history_at(order, issued)


def photos(officers: list[Officer]) -> None:
    """Generated portraits for three officers and a picture of the station."""
    for n, officer in enumerate(officers[:3]):
        if not officer.photo:
            officer.photo, officer.photo_thumbnail = reencode_image(portrait(n))
            officer.save(update_fields=["photo", "photo_thumbnail"])
    station = Station.objects.order_by("pk").first()
    if station is not None and not station.photo:
        station.photo, station.photo_thumbnail = reencode_image(building())
        station.save(update_fields=["photo", "photo_thumbnail"])


PALETTE = ["#c9d6ea", "#d9e7d4", "#eadccb"]


def _jpeg(image: Image.Image, name: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def portrait(n: int) -> SimpleUploadedFile:
    """A head and shoulders in uniform blue on a soft background."""
    image = Image.new("RGB", (600, 800), PALETTE[n % len(PALETTE)])
    draw = ImageDraw.Draw(image)
    draw.ellipse((90, 470, 510, 980), fill="#0b3d91")
    draw.rectangle((270, 420, 330, 520), fill="#e0b89a")
    draw.ellipse((190, 180, 410, 440), fill="#e8c3a6")
    draw.chord((180, 150, 420, 330), 180, 360, fill="#1f2a44")
    draw.rectangle((180, 235, 420, 250), fill="#1f2a44")
    draw.polygon([(300, 520), (270, 560), (300, 640), (330, 560)], fill="#ffd500")
    return _jpeg(image, f"officer-{n}.jpg")


def building() -> SimpleUploadedFile:
    """A one-storey station with its sign, under a summer sky."""
    image = Image.new("RGB", (1200, 800), "#cfe3f5")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 600, 1200, 800), fill="#9cc28a")
    draw.rectangle((200, 330, 1000, 620), fill="#f2efe8", outline="#8a8f99", width=4)
    draw.polygon([(170, 340), (600, 180), (1030, 340)], fill="#7a3b2e")
    draw.rectangle((420, 360, 780, 420), fill="#0b3d91")
    draw.rectangle((430, 410, 770, 418), fill="#ffd500")
    for x in (250, 820):
        draw.rectangle((x, 450, x + 130, 560), fill="#8fb5d9", outline="#555", width=3)
    draw.rectangle((540, 460, 660, 620), fill="#6b4a32")
    return _jpeg(image, "station.jpg")
