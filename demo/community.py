"""The demo community of the design page: Mariupol in January 2022, its villages,
officers, logins and the day the council handed over the keys."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from accounts.roles import ADMINISTRATOR, COUNCIL_STAFF, OFFICER, SUPERVISOR
from officers.models import Officer
from stations.models import Village

DEFAULT_PASSWORD = "demo-password-2022"

VILLAGES = [
    # name, Latin name, kind, population, latitude, longitude
    ("Старий Крим", "Staryi Krym", Village.Kind.SETTLEMENT, 8900, "47.16530", "37.48740"),
    ("Виноградне", "Vynohradne", Village.Kind.VILLAGE, 3200, "47.06500", "37.67500"),
    ("Покровське", "Pokrovske", Village.Kind.VILLAGE, 700, "47.22400", "37.56600"),
    ("Бердянське", "Berdianske", Village.Kind.VILLAGE, 1400, "47.02900", "37.39000"),
]
STATION_RECEPTION_HOURS = "Пн, Ср, Пт 9:00–12:00\nВт, Чт 15:00–18:00\nСб 10:00–12:00"

OFFICERS = [
    # surname, name, patronymic, badge, rank, villages, lives in the community
    ("Тимофєєв", "Артем", "", "0001001", Officer.Rank.SERGEANT, ["Старий Крим"], True),
    (
        "Коваленко",
        "Олег",
        "Іванович",
        "0001002",
        Officer.Rank.SENIOR_SERGEANT,
        ["Виноградне"],
        True,
    ),
    ("Шевчук", "Марина", "Петрівна", "0001003", Officer.Rank.SERGEANT, ["Покровське"], False),
    ("Бондар", "Дмитро", "Сергійович", "0001004", Officer.Rank.LIEUTENANT, ["Бердянське"], True),
    (
        "Ткаченко",
        "Ірина",
        "Олександрівна",
        "0001005",
        Officer.Rank.SERGEANT,
        ["Старий Крим", "Виноградне"],
        False,
    ),
]

USERS = [
    # username, first name, last name, role, badge of the officer record it belongs to
    ("admin", "Адміністратор", "Системи", ADMINISTRATOR, None),
    ("staff", "Олена", "Коваль", COUNCIL_STAFF, None),
    ("supervisor", "Ігор", "Мельник", SUPERVISOR, None),
    ("officer", "Артем", "Тимофєєв", OFFICER, "0001001"),
    ("kovalenko", "Олег", "Коваленко", OFFICER, "0001002"),
    ("shevchuk", "Марина", "Шевчук", OFFICER, "0001003"),
    ("bondar", "Дмитро", "Бондар", OFFICER, "0001004"),
    ("tkachenko", "Ірина", "Ткаченко", OFFICER, "0001005"),
]

# The scene of 19 January 2022: the mayor hands each officer the keys of a car, the head
# of the police directorate a service pistol, in front of witnesses.
HANDOVER_DAY = datetime.datetime(2022, 1, 19, 11, 0, tzinfo=ZoneInfo("Europe/Kyiv"))
ITEMS_ARRIVED = datetime.date(2022, 1, 10)
BY_CAR_WEEKS = 5  # the shifts of 2022 in the cars handed over, until 23 February
UAH_PER_LITRE_2022 = Decimal("32.00")  # petrol, A-95, at the time
MAYOR = ("Вадим Бойченко", "Маріупольський міський голова")
POLICE_HEAD = (
    "Олександр Петренко",
    "Начальник Головного управління Національної поліції в Донецькій області",
)
WITNESSES = "Олена Коваль, працівник міської ради\nІгор Мельник, керівник станції"
