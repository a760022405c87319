"""Three years of one community's records, in realistic proportions, for ``seed_scale``.

A community has about 8 villages, 2 stations, 6 officers (3 per station, each with a
login and a car), a supervisor and a clerk, 40 numbered items and the acts that handed
them over. Each officer works about every other day; about one incident is logged per
shift, in the mix the programme sees (mostly domestic violence, theft and domestic
conflicts). Everything is drawn from a random generator seeded with the community's
number, so the same command gives the same data.
"""

import datetime
import random
from datetime import UTC
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import COUNCIL_STAFF, OFFICER, SUPERVISOR
from bench.bulk import Loader
from officers.models import (
    Incident,
    MonthClosure,
    Officer,
    Party,
    RestrainingOrder,
    Shift,
    Training,
)
from stations.models import (
    Community,
    Custody,
    EquipmentItem,
    FuelRecord,
    Handover,
    HandoverLine,
    NumberSequence,
    OdometerReading,
    Station,
    Vehicle,
    Village,
)
from stations.plates import PLATE_LETTERS

User = get_user_model()

YEARS = 3
VILLAGES_PER_COMMUNITY = 8
OFFICERS_PER_STATION = 3
ITEMS_PER_COMMUNITY = 40
INCIDENTS_PER_SHIFT = 1.0

OBLASTS = [
    "Вінницька", "Волинська", "Дніпропетровська", "Донецька", "Житомирська",
    "Закарпатська", "Запорізька", "Івано-Франківська", "Київська", "Кіровоградська",
    "Луганська", "Львівська", "Миколаївська", "Одеська", "Полтавська", "Рівненська",
    "Сумська", "Тернопільська", "Харківська", "Херсонська", "Хмельницька", "Черкаська",
    "Чернівецька", "Чернігівська",
]  # fmt: skip
ROOTS = [
    "Берез", "Вишн", "Дуб", "Зелен", "Калин", "Липов", "Озер", "Сосн", "Тополь", "Яблун",
    "Лугов", "Степ", "Криничн", "Соняшн", "Вільх", "Ясен", "Горіх", "Червон", "Кам'ян",
]  # fmt: skip
ENDINGS = ["івка", "ове", "е", "ине", "івці", "ани", "ичі", "уватка"]
SURNAMES = [
    "Мельник", "Шевченко", "Коваленко", "Бондаренко", "Бойко", "Ткаченко", "Кравченко",
    "Ковальчук", "Коваль", "Олійник", "Шевчук", "Поліщук", "Лисенко", "Марченко",
    "Савченко", "Руденко", "Мороз", "Петренко", "Клименко", "Павленко", "Іваненко",
]  # fmt: skip
MEN = ["Олександр", "Іван", "Сергій", "Андрій", "Дмитро", "Олег", "Микола", "Василь"]
WOMEN = ["Олена", "Наталія", "Ірина", "Марина", "Оксана", "Тетяна", "Світлана", "Юлія"]
PATRONYMICS = ["Іванович", "Петрович", "Сергійович", "Миколайович", "Васильович"]
CATEGORY_MIX = {
    "domestic_violence": 25,
    "theft": 25,
    "domestic_conflict": 20,
    "public_order": 10,
    "traffic": 6,
    "property_damage": 6,
    "fraud": 4,
    "missing_person": 2,
    "other": 2,
}
STORIES = {
    "domestic_violence": "Виклик від сусідів: чоловік погрожував дружині, проведено бесіду.",
    "theft": "Заява про крадіжку з двору: зникли інструменти та велосипед.",
    "domestic_conflict": "Сварка між сусідами через межу ділянки.",
    "public_order": "Порушення тиші вночі біля магазину.",
    "traffic": "Наїзд на огорожу, водій залишився на місці.",
    "property_damage": "Пошкоджено паркан та ворота.",
    "fraud": "Пенсіонерці зателефонували від імені банку.",
    "missing_person": "Не повернувся додому літній чоловік; знайдено наступного дня.",
    "other": "Звернення громадянина щодо безпритульних собак.",
}
PARTY_ROLES = {
    "domestic_violence": ["victim", "suspect"],
    "theft": ["complainant"],
    "domestic_conflict": ["complainant", "suspect"],
    "public_order": ["suspect"],
    "fraud": ["victim"],
}
# What each officer is handed: (kind, model); vehicle keys open the officer's own car.
KIT = [
    ("weapon", "Форт-17"),
    ("radio", "Motorola DP4400"),
    ("body_camera", "Axon Body 3"),
    ("vest", "Корсар М3"),
    ("vehicle_keys", "Ключі"),
]
SPARES = [("radio", "Motorola DP4400"), ("tablet", "Samsung Galaxy Tab A"), ("other", "Ліхтар")]
CARS = [("Renault", "Duster"), ("Mitsubishi", "L200"), ("Toyota", "Hilux")]


def all_tables() -> Loader:
    """The tables seed_scale writes, in the order rows may refer to each other."""
    return Loader(
        User,
        User.groups.through,
        Community,
        Village,
        Station,
        Station.supervisors.through,
        Vehicle,
        EquipmentItem,
        Officer,
        Officer.villages.through,
        Training,
        Handover,
        HandoverLine,
        Custody,
        Shift,
        Shift.villages.through,
        Incident,
        Party,
        RestrainingOrder,
        OdometerReading,
        FuelRecord,
        MonthClosure,
    )


class Numbers:
    """The last number given out per series and year, as ``NumberSequence`` keeps it.

    Numbers continue from what the database holds, and ``save`` writes them back, so
    the site's next act or incident takes the number after the seeded ones.
    """

    def __init__(self) -> None:
        self._last: dict[tuple[str, int], int] = {}

    def next(self, series: str, year: int) -> int:
        key = (series, year)
        if key not in self._last:
            stored = NumberSequence.objects.filter(series=series, year=year)
            self._last[key] = stored.values_list("last", flat=True).first() or 0
        self._last[key] += 1
        return self._last[key]

    def save(self) -> None:
        for (series, year), last in self._last.items():
            NumberSequence.objects.update_or_create(
                series=series, year=year, defaults={"last": last}
            )
        self._last.clear()


class CommunityMaker:
    """Writes one community after another into a ``Loader``."""

    def __init__(
        self, tables: Loader, numbers: Numbers, *, password_hash: str, now: datetime.datetime
    ):
        self.t = tables
        self.password_hash = password_hash
        self.now = now
        self.start = now - datetime.timedelta(days=365 * YEARS)
        self.groups = dict(Group.objects.values_list("name", "pk"))
        self.numbers = numbers
        self.categories = list(CATEGORY_MIX)
        self.weights = list(CATEGORY_MIX.values())

    def make(self) -> None:
        community_id = self.t[Community].new_id()
        self.rng = random.Random(community_id)
        self.community_id = community_id
        self.village_place: dict[int, tuple[Decimal, Decimal]] = {}
        self.t[Community].add(
            name=f"Громада № {community_id}",
            oblast=self.rng.choice(OBLASTS),
            memorandum_date=self.start.date(),
        )
        clerk = self._user(f"c{community_id}-staff", "Олена", "Коваль", COUNCIL_STAFF)
        supervisor = self._user(f"c{community_id}-supervisor", "Ігор", "Мельник", SUPERVISOR)
        stations = [self.t[Station].reserve() for _ in range(2)]
        villages = self._villages(stations)
        half = VILLAGES_PER_COMMUNITY // 2
        for number, station_id in enumerate(stations):
            served = villages[number * half : (number + 1) * half]
            self._station(station_id, served)
            self._staff(station_id, served, clerk, supervisor)

    # People and places -------------------------------------------------------------

    def _user(self, username: str, first: str, last: str, role: str) -> int:
        user_id = self.t[User].add(
            username=username,
            first_name=first,
            last_name=last,
            email="",
            password=self.password_hash,
            is_active=True,
            date_joined=self.start,
        )
        self.t[User.groups.through].add(user_id=user_id, group_id=self.groups[role])
        return user_id

    def _villages(self, stations: list[int]) -> list[int]:
        """The villages, each served by one of ``stations`` (half each)."""
        rng = self.rng
        centre_lat, centre_lon = rng.uniform(45.5, 51.5), rng.uniform(23.5, 39.5)
        names = rng.sample([r + e for r in ROOTS for e in ENDINGS], VILLAGES_PER_COMMUNITY)
        villages = []
        for index, name in enumerate(names):
            lat = Decimal(f"{centre_lat + rng.uniform(-0.2, 0.2):.5f}")
            lon = Decimal(f"{centre_lon + rng.uniform(-0.3, 0.3):.5f}")
            village_id = self.t[Village].add(
                community_id=self.community_id,
                name=name,
                population=rng.randint(300, 9000),
                latitude=lat,
                longitude=lon,
                station_id=stations[index * len(stations) // len(names)],
            )
            self.village_place[village_id] = (lat, lon)
            villages.append(village_id)
        return villages

    def _station(self, station_id: int, villages: list[int]) -> None:
        rng = self.rng
        self.t[Station].add(
            id=station_id,
            name=f"Поліцейська станція № {station_id}",
            village_id=villages[0],
            address=f"вул. Центральна, {rng.randint(1, 60)}",
            phone=f"+380 {rng.randint(50, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            opened_on=self.start.date(),
            has_office=True,
            has_rest_room=rng.random() < 0.7,
            has_garage=rng.random() < 0.5,
            has_holding_room=rng.random() < 0.3,
            has_internet=True,
        )

    def _staff(self, station_id: int, villages: list[int], clerk: int, supervisor: int) -> None:
        """The station's supervisor, cars, items and officers, and their three years."""
        t = self.t
        t[Station.supervisors.through].add(station_id=station_id, user_id=supervisor)
        vehicles = [self._vehicle(station_id) for _ in range(OFFICERS_PER_STATION)]
        spares = [self._item(station_id, kind, model) for kind, model in SPARES]
        for _ in range(ITEMS_PER_COMMUNITY // 2 - len(SPARES) - len(KIT) * OFFICERS_PER_STATION):
            spares.append(self._item(station_id, "other", "Аптечка"))
        for index, vehicle in enumerate(vehicles):
            beat = villages[index::OFFICERS_PER_STATION]
            self._officer(station_id, vehicle, beat, clerk, supervisor, spares)
        self._close_months(station_id, supervisor)

    def _vehicle(self, station_id: int) -> int:
        t, rng = self.t, self.rng
        serial = t[Vehicle].new_id()
        letters = PLATE_LETTERS
        plate = (
            letters[serial // 1440000 % 12]
            + letters[serial // 120000 % 12]
            + f"{serial % 10000:04d}"
            + letters[serial // 10000 % 12]
            + letters[rng.randrange(12)]
        )
        make, model = rng.choice(CARS)
        return t[Vehicle].add(
            plate=plate,
            vin="",
            make=make,
            model=model,
            year=rng.randint(2015, 2021),
            colour="білий",
            station_id=station_id,
            acquired_on=self.start.date(),
            funded_by="Бюджет громади",
        )

    def _item(self, station_id: int, kind: str, model: str, vehicle: int | None = None) -> int:
        table = self.t[EquipmentItem]
        serial = table.new_id()
        return table.add(
            kind=kind,
            model_name=model,
            serial_number=f"SN{serial:08d}",
            inventory_number=f"{self.community_id:05d}-{serial:08d}",
            station_id=station_id,
            vehicle_id=vehicle if kind == "vehicle_keys" else None,
        )

    def _officer(self, station_id, vehicle, villages, clerk, supervisor, spares) -> None:
        t, rng = self.t, self.rng
        woman = rng.random() < 0.3
        name = rng.choice(WOMEN if woman else MEN)
        surname = rng.choice(SURNAMES)
        patronymic = rng.choice(PATRONYMICS)
        if woman:
            patronymic = patronymic.replace("ович", "івна")
        officer_id = t[Officer].new_id()
        user = self._user(f"c{self.community_id}-officer{officer_id}", name, surname, OFFICER)
        t[Officer].add(
            user_id=user,
            surname=surname,
            name=name,
            patronymic=patronymic,
            badge_number=f"7{officer_id:06d}",
            rank=rng.choice(["sergeant", "senior_sergeant", "lieutenant"]),
            phone=f"+380 67 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            station_id=station_id,
            service_start=self.start.date(),
            lives_in_community=rng.random() < 0.6,
        )
        for village in villages:
            t[Officer.villages.through].add(officer_id=officer_id, village_id=village)
        t[Training].add(
            officer_id=officer_id,
            course="Поліцейський офіцер громади",
            provider="Національна поліція",
            place="Київ",
            started_on=self.start.date() - datetime.timedelta(days=40),
            ended_on=self.start.date() - datetime.timedelta(days=10),
        )
        kit = [self._item(station_id, kind, model, vehicle) for kind, model in KIT]
        self._handovers(officer_id, user, kit, spares, clerk)
        self._shifts(officer_id, user, station_id, vehicle, villages, supervisor)

    # Acts of transfer --------------------------------------------------------------

    def _act(self, kind: str, at: datetime.datetime, officer: int, user: int, clerk: int) -> int:
        year = timezone.localtime(at).year
        return self.t[Handover].add(
            number=f"{year}-{self.numbers.next('handover', year):04d}",
            kind=kind,
            occurred_at=at,
            place="Приміщення поліцейської станції",
            officer_id=officer,
            official_name="Голова громади",
            official_role="Голова громади",
            witnesses="Свідок Перший\nСвідок Другий",
            created_by_id=clerk,
            created_at=at,
            confirmed_at=at,
            confirmed_by_id=user,
            confirmed_how="in_person",
        )

    def _handovers(self, officer, user, kit, spares, clerk) -> None:
        """Issue the kit at the start; a year later swap the radio for a spare one."""
        t = self.t
        issued_at = self.start + datetime.timedelta(hours=10)
        act = self._act("issue", issued_at, officer, user, clerk)
        lines = {}
        for item in kit:
            lines[item] = t[HandoverLine].add(handover_id=act, item_id=item)
        swap_at = issued_at + datetime.timedelta(days=365 + self.rng.randint(0, 60))
        radio = kit[1]
        give_back = self._act("return", swap_at, officer, user, clerk)
        back_line = t[HandoverLine].add(handover_id=give_back, item_id=radio, condition="worn")
        for item, line in lines.items():
            returned = item == radio
            t[Custody].add(
                item_id=item,
                officer_id=officer,
                issue_line_id=line,
                return_line_id=back_line if returned else None,
                since=issued_at,
                until=swap_at if returned else None,
            )
        if spares:
            spare = spares.pop(0)
            reissue_at = swap_at + datetime.timedelta(hours=1)
            again = self._act("issue", reissue_at, officer, user, clerk)
            line = t[HandoverLine].add(handover_id=again, item_id=spare)
            t[Custody].add(item_id=spare, officer_id=officer, issue_line_id=line, since=reissue_at)

    # Shifts and incidents ----------------------------------------------------------

    def _shifts(self, officer, user, station_id, vehicle, villages, supervisor) -> None:
        t, rng = self.t, self.rng
        kyiv = timezone.get_current_timezone()
        odometer = rng.randint(5_000, 40_000)
        day = self.start.date()
        today = timezone.localdate(self.now)
        recent = self.now - datetime.timedelta(days=14)
        while day <= today:
            # In UTC from here on: adding hours to a Kyiv time is wrong across DST.
            morning = datetime.datetime.combine(day, datetime.time(7), kyiv).astimezone(UTC)
            begin = morning + datetime.timedelta(minutes=rng.randint(0, 120))
            end = begin + datetime.timedelta(hours=rng.randint(8, 12))
            on_duty = end > self.now
            if begin >= self.now:
                break
            km = rng.randint(20, 120)
            status = "open" if on_duty else "submitted" if begin > recent else "approved"
            shift = t[Shift].add(
                officer_id=officer,
                started_at=begin,
                ended_at=None if on_duty else end,
                vehicle_id=vehicle,
                odometer_start=odometer,
                odometer_end=None if on_duty else odometer + km,
                summary="Патрулювання, профілактичні бесіди з мешканцями.",
                status=status,
                reviewed_by_id=supervisor if status == "approved" else None,
                reviewed_at=end + datetime.timedelta(days=1) if status == "approved" else None,
            )
            for village in villages:
                t[Shift.villages.through].add(shift_id=shift, village_id=village)
            if not on_duty:
                odometer += km
                if rng.random() < 0.15:
                    self._refuel(vehicle, end, odometer, user)
            incidents = int(rng.expovariate(1 / INCIDENTS_PER_SHIFT) + 0.5)
            for _ in range(incidents):
                occurred = begin + datetime.timedelta(minutes=rng.randint(0, 8 * 60 - 90))
                if occurred < self.now:
                    self._incident(occurred, officer, user, station_id, shift, villages)
            day += datetime.timedelta(days=rng.choice((1, 2, 2, 3)))

    def _refuel(self, vehicle: int, at: datetime.datetime, odometer: int, user: int) -> None:
        litres = Decimal(self.rng.randint(25, 50))
        self.t[FuelRecord].add(
            vehicle_id=vehicle,
            filled_at=at,
            litres=litres,
            cost_uah=litres * 56,
            odometer_km=odometer,
            recorded_by_id=user,
        )
        self.t[OdometerReading].add(
            vehicle_id=vehicle, read_at=at, km=odometer, source="fuel", recorded_by_id=user
        )

    def _incident(self, occurred, officer, user, station_id, shift, villages) -> None:
        t, rng = self.t, self.rng
        category = rng.choices(self.categories, self.weights)[0]
        village = rng.choice(villages)
        lat, lon = self.village_place[village]
        year = timezone.localtime(occurred).year
        number = self.numbers.next(f"incident-{self.community_id}", year)
        reported = min(self.now, occurred + datetime.timedelta(minutes=rng.randint(5, 90)))
        age = self.now - occurred
        if age > datetime.timedelta(days=14):
            report = "approved"
        else:
            report = rng.choice(["draft", "submitted", "approved"])
        if age > datetime.timedelta(days=90):
            case = rng.choices(["closed", "referred", "in_progress"], [80, 15, 5])[0]
        else:
            case = rng.choice(["open", "in_progress"])
        incident = t[Incident].add(
            community_id=self.community_id,
            station_id=station_id,
            year=year,
            number=f"{year}-{number:06d}",
            occurred_at=occurred,
            reported_at=reported,
            village_id=village,
            place=f"вул. Шкільна, {rng.randint(1, 120)}",
            latitude=lat + Decimal(f"{rng.uniform(-0.01, 0.01):.5f}"),
            longitude=lon + Decimal(f"{rng.uniform(-0.01, 0.01):.5f}"),
            category=category,
            description=STORIES[category],
            actions_taken="Складено протокол, проведено профілактичну бесіду.",
            reporting_officer_id=officer,
            shift_id=shift,
            report_status=report,
            case_status=case,
            referred_to="Служба у справах дітей" if case == "referred" else "",
            created_by_id=user,
            created_at=reported,
        )
        for role in PARTY_ROLES.get(category, []):
            t[Party].add(
                incident_id=incident,
                role=role,
                full_name=f"{rng.choice(SURNAMES)} {rng.choice(MEN + WOMEN)}",
                date_of_birth=datetime.date(rng.randint(1950, 2005), rng.randint(1, 12), 1),
                phone=f"+380 50 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                address=f"вул. Садова, {rng.randint(1, 80)}",
            )
        if category == "domestic_violence" and rng.random() < 0.3:
            t[RestrainingOrder].add(
                incident_id=incident,
                number=f"ТЗП-{incident}",
                issued_at=reported,
                valid_until=reported + datetime.timedelta(days=10),
                must_leave_home=True,
                no_contact=True,
            )

    def _close_months(self, station_id: int, supervisor: int) -> None:
        """Timesheets of past months are closed by the station's supervisor."""
        month = self.start.date().replace(day=1)
        this_month = timezone.localdate(self.now).replace(day=1)
        while month < this_month:
            self.t[MonthClosure].add(
                station_id=station_id, month=month, closed_by_id=supervisor, closed_at=self.now
            )
            month = (month + datetime.timedelta(days=32)).replace(day=1)
