"""Small builders for test data; each returns a saved record."""

import datetime
import io
import itertools
import os

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from accounts.roles import ADMINISTRATOR, SUPERVISOR, assign_role
from officers.models import Officer, Training
from stations.models import Community, Station, Village

PASSWORD = "correct-horse-battery-staple"
_seq = itertools.count(1)


def make_community(**kwargs) -> Community:
    n = next(_seq)
    kwargs.setdefault("name", f"Громада {n}")
    kwargs.setdefault("oblast", "Донецька")
    return Community.objects.create(**kwargs)


def make_village(community: Community | None = None, **kwargs) -> Village:
    n = next(_seq)
    kwargs.setdefault("name", f"Село {n}")
    kwargs.setdefault("name_latin", f"Selo {n}")
    kwargs.setdefault("population", 1000 + n)
    return Village.objects.create(community=community or make_community(), **kwargs)


def make_station(village: Village | None = None, **kwargs) -> Station:
    n = next(_seq)
    kwargs.setdefault("name", f"Станція {n}")
    village = village or make_village()
    station = Station.objects.create(village=village, **kwargs)
    if village.station_id is None:
        village.station = station
        village.save()
    return station


def make_officer(station: Station | None = None, **kwargs) -> Officer:
    n = next(_seq)
    kwargs.setdefault("surname", f"Прізвище{n}")
    kwargs.setdefault("name", "Іван")
    kwargs.setdefault("badge_number", f"B{n:06d}")
    kwargs.setdefault("service_start", datetime.date(2021, 10, 19))
    return Officer.objects.create(station=station or make_station(), **kwargs)


def make_training(officer: Officer, **kwargs) -> Training:
    kwargs.setdefault("course", "Поліцейський офіцер громади")
    kwargs.setdefault("started_on", datetime.date(2021, 8, 2))
    return Training.objects.create(officer=officer, **kwargs)


def make_user(role: str | None, username: str | None = None, **kwargs):
    user = get_user_model().objects.create_user(
        username=username or f"user{next(_seq)}", password=PASSWORD, **kwargs
    )
    if role:
        assign_role(user, role)
        if role == ADMINISTRATOR:
            user.is_superuser = True
            user.save()
    return user


def make_supervisor(station, username: str | None = None):
    """A supervisor's login, supervising ``station``."""
    user = make_user(SUPERVISOR, username)
    station.supervisors.add(user)
    return user


def enrolled_phone(user) -> TOTPDevice:
    """The person's confirmed authenticator app (created once)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def end_every_session() -> None:
    """As after half an hour untouched: the server forgets the session, while the browser
    keeps its cookies (clearing them instead races a response still on its way, which
    sets them again)."""
    Session.objects.all().delete()


def current_code(device: TOTPDevice) -> str:
    """The six digits the person's app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def image_bytes(fmt: str = "JPEG", size=(64, 48), color="navy", **save_kwargs) -> bytes:
    out = io.BytesIO()
    mode = "RGBA" if fmt == "PNG" else "RGB"
    Image.new(mode, size, color).save(out, format=fmt, **save_kwargs)
    return out.getvalue()


def image_upload(name: str = "photo.jpg", fmt: str = "JPEG", **kwargs) -> SimpleUploadedFile:
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)


def camera_photo(size=(4000, 3000), noise: float = 0.4, quality: int = 95, **save_kwargs) -> bytes:
    """A JPEG as a phone camera takes it: a 12 MP picture by default, with enough noise
    over its gradients to weigh several megabytes (about 9 MB at the defaults)."""
    width, height = size
    gradients = [
        Image.linear_gradient("L").resize(size),
        Image.radial_gradient("L").resize(size),
        Image.linear_gradient("L").rotate(90).resize(size),
    ]
    grain = Image.frombytes("RGB", size, os.urandom(width * height * 3))
    out = io.BytesIO()
    Image.blend(Image.merge("RGB", gradients), grain, noise).save(
        out, format="JPEG", quality=quality, **save_kwargs
    )
    return out.getvalue()


def make_vehicle(station: Station, **kwargs):
    from stations.models import Vehicle

    n = next(_seq)
    kwargs.setdefault("plate", f"АН{n % 10000:04d}ВО")
    kwargs.setdefault("make", "Renault")
    kwargs.setdefault("model", "Duster")
    kwargs.setdefault("year", 2021)
    return Vehicle.objects.create(station=station, **kwargs)


def make_item(station: Station, kind: str = "radio", **kwargs):
    from stations.models import EquipmentItem

    n = next(_seq)
    kwargs.setdefault("model_name", "Motorola DP4400")
    kwargs.setdefault("inventory_number", f"ІНВ-{n:05d}")
    if kind == "weapon":
        kwargs.setdefault("serial_number", f"ФТ{n:06d}")
    if kind == "vehicle_keys" and "vehicle" not in kwargs:
        kwargs["vehicle"] = make_vehicle(station)
    return EquipmentItem.objects.create(station=station, kind=kind, **kwargs)


def issue(officer: Officer, *items, by=None, confirmed: bool = False, **kwargs):
    """Issue ``items`` to ``officer`` through the service, as staff would."""
    import datetime as dt

    from django.utils import timezone

    from stations import services

    by = by or make_user(None)
    kwargs.setdefault("occurred_at", timezone.now() - dt.timedelta(hours=1))
    act = services.handover_issue(
        officer=officer,
        place="Старий Крим",
        official_name="Вадим Бойченко",
        official_role="Міський голова",
        lines=[services.IssueLine(item=item) for item in items],
        created_by=by,
        **kwargs,
    )
    if confirmed:
        services.handover_confirm(
            handover=act, user=officer.user, address="127.0.0.1", how="in_person"
        )
        act.refresh_from_db()
    return act


def take_back(officer: Officer, *items, by=None, damaged=(), **kwargs):
    """Take ``items`` back from ``officer`` through the service, as staff would."""
    from django.utils import timezone

    from stations import services

    kwargs.setdefault("occurred_at", timezone.now())
    return services.handover_return(
        officer=officer,
        place="Старий Крим",
        official_name="Олена Коваль",
        official_role="Працівник ради",
        lines=[
            services.ReturnLine(item=item, condition="damaged" if item in damaged else "good")
            for item in items
        ],
        created_by=by or make_user(None),
        **kwargs,
    )


def make_shift(officer: Officer, start, hours: float = 8, **kwargs):
    """An ended, submitted shift of ``officer`` from ``start``."""
    import datetime as dt

    from officers.models import Shift

    kwargs.setdefault("status", Shift.Status.SUBMITTED)
    end = start + dt.timedelta(hours=hours) if hours is not None else None
    if end is None:
        kwargs["status"] = Shift.Status.OPEN
    return Shift.objects.create(officer=officer, started_at=start, ended_at=end, **kwargs)


def make_incident(officer: Officer, category: str = "theft", *, village=None, user=None, **fields):
    """Draft an incident through the service, as the officer would."""
    import datetime as dt

    from django.utils import timezone

    from officers.incidents.services import incident_create

    moment = timezone.now() - dt.timedelta(hours=2)
    fields.setdefault("occurred_at", moment)
    fields.setdefault("reported_at", moment + dt.timedelta(minutes=30))
    fields.setdefault("place", "вул. Центральна, 5")
    fields.setdefault("description", "Опис події.")
    return incident_create(
        officer=officer,
        user=user or officer.user or make_user(None),
        village=village or officer.station.village,
        category=category,
        **fields,
    )


def make_event(officer: Officer, *, village=None, user=None, **fields):
    """Record a preventive event through the service, as the officer would."""
    from prevention.services import event_record

    fields.setdefault("kind", "meeting")
    fields.setdefault("topic", "domestic_violence")
    fields.setdefault("held_on", timezone.localdate())
    fields.setdefault("audience", 25)
    return event_record(
        officer=officer,
        user=user or officer.user or make_user(None),
        village=village or officer.station.village,
        **fields,
    )


def event_post(village, /, **overrides) -> dict:
    """What the preventive event form posts: a meeting on domestic violence today."""
    data = {
        "kind": "meeting",
        "topic": "domestic_violence",
        "held_on": timezone.localdate().isoformat(),
        "village": village.pk,
        "audience": "25",
        "note": "",
    }
    data.update(overrides)
    return data


RESIDENT_NAME = "Олійник Ганна Степанівна"
APPEAL_SUBJECT = "Сусід погрожує через межу ділянки"


def make_appeal(officer: Officer, *, village=None, user=None, **fields):
    """Register a resident's appeal through the service, as the officer would."""
    from appeals.services import appeal_record

    fields.setdefault("received_on", timezone.localdate())
    fields.setdefault("channel", "reception")
    fields.setdefault("resident_name", RESIDENT_NAME)
    fields.setdefault("resident_phone", "+380671234567")
    fields.setdefault("subject", APPEAL_SUBJECT)
    return appeal_record(
        officer=officer,
        user=user or officer.user or make_user(None),
        village=village or officer.station.village,
        **fields,
    )


def appeal_post(village, /, **overrides) -> dict:
    """What the appeal form posts: an appeal received at today's reception."""
    data = {
        "received_on": timezone.localdate().isoformat(),
        "channel": "reception",
        "village": village.pk,
        "resident_name": RESIDENT_NAME,
        "resident_phone": "+380671234567",
        "resident_address": "вул. Садова, 3",
        "subject": APPEAL_SUBJECT,
        "needs_study": "on",
    }
    data.update(overrides)
    return data


def incident_post(village, /, **overrides) -> dict:
    """What the incident form posts for a theft an hour ago in ``village``."""
    moment = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    return {
        "category": "theft",
        "occurred_at": moment,
        "reported_at": moment,
        "village": village.pk,
        "latitude": "47.16530",
        "longitude": "37.48740",
        **overrides,
    }


VICTIM_NAME = "Коваленко Оксана Петрівна"


def make_victim(officer, full_name: str = VICTIM_NAME):
    """The victim of a domestic violence incident the officer reported, with every
    personal detail filled in (what anonymising and subject access are about)."""
    from officers.models import Party

    return Party.objects.create(
        incident=make_incident(officer, "domestic_violence"),
        role="victim",
        full_name=full_name,
        date_of_birth=datetime.date(1984, 3, 2),
        phone="+380501112233",
        address="вул. Миру, 3",
        notes="Боїться повернення кривдника.",
    )


OFFENDER_NAME = "Гнатюк Петро Іванович"


def make_offender(officer: Officer, *, incident=None, user=None, **fields):
    """Take a person onto the preventive register through the service: on the grounds of
    a domestic-violence incident of the officer's (drafted here unless given)."""
    from offenders.services import offender_register

    fields.setdefault("full_name", OFFENDER_NAME)
    fields.setdefault("address", "вул. Польова, 7")
    fields.setdefault("taken_on", timezone.localdate())
    fields.setdefault("grounds", "incident")
    if fields["grounds"] != "court_order" and incident is None:
        incident = make_incident(officer, "domestic_violence")
    return offender_register(
        officer=officer,
        user=user or officer.user or make_user(None),
        incident=incident,
        **fields,
    )
