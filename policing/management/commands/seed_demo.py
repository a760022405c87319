"""Load the demo community: Mariupol in January 2022, and one login per role."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from officers.models import Officer, Training
from policing.roles import ADMINISTRATOR, COUNCIL_STAFF, OFFICER, SUPERVISOR, assign_role
from stations.models import Community, Station, Village

DEFAULT_PASSWORD = "demo-password-2022"

VILLAGES = [
    # name, Latin name, population, latitude, longitude
    ("Старий Крим", "Staryi Krym", 8900, "47.16530", "37.48740"),
    ("Виноградне", "Vynohradne", 3000, "47.06500", "37.67500"),
    ("Покровське", "Pokrovske", 700, "47.22400", "37.56600"),
    ("Бердянське", "Berdianske", 1400, "47.02900", "37.39000"),
]

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
    # username, first name, last name, role
    ("admin", "Адміністратор", "Системи", ADMINISTRATOR),
    ("staff", "Олена", "Коваль", COUNCIL_STAFF),
    ("supervisor", "Ігор", "Мельник", SUPERVISOR),
    ("officer", "Артем", "Тимофєєв", OFFICER),
]


class Command(BaseCommand):
    help = "Create the demo community (Mariupol, January 2022) and one user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help="Password of the demo users."
        )

    @transaction.atomic
    def handle(self, *args, password: str, **options):
        community, _ = Community.objects.get_or_create(
            name="Маріупольська міська територіальна громада",
            oblast="Донецька",
            defaults={"memorandum_date": datetime.date(2021, 9, 1)},
        )
        villages = {}
        for name, latin, population, lat, lon in VILLAGES:
            villages[name], _ = Village.objects.get_or_create(
                community=community,
                name=name,
                defaults={
                    "name_latin": latin,
                    "population": population,
                    "latitude": Decimal(lat),
                    "longitude": Decimal(lon),
                },
            )
        station, _ = Station.objects.get_or_create(
            village=villages["Старий Крим"],
            name="Поліцейська станція «Старий Крим»",
            defaults={
                "address": "смт Старий Крим, вул. Центральна, 1",
                "phone": "+380 629 00 00 00",
                "opened_on": datetime.date(2021, 10, 1),
                "has_office": True,
                "has_rest_room": True,
            },
        )
        for village in villages.values():
            if village.station_id is None:
                village.station = station
                village.save()

        officers = {}
        for surname, name, patronymic, badge, rank, served, lives_here in OFFICERS:
            officer, created = Officer.objects.get_or_create(
                badge_number=badge,
                defaults={
                    "surname": surname,
                    "name": name,
                    "patronymic": patronymic,
                    "rank": rank,
                    "station": station,
                    "service_start": datetime.date(2021, 10, 19),
                    "lives_in_community": lives_here,
                    "phone": f"+380 67 000 {badge[-4:-2]} {badge[-2:]}",
                },
            )
            if created:
                officer.villages.set([villages[v] for v in served])
            officers[surname] = officer

        artem = officers["Тимофєєв"]
        Training.objects.get_or_create(
            officer=artem,
            course="Поліцейський офіцер громади",
            defaults={
                "provider": "Канадські фахівці з поліцейської діяльності",
                "place": "Харків",
                "started_on": datetime.date(2021, 8, 2),
                "ended_on": datetime.date(2021, 9, 24),
            },
        )

        User = get_user_model()
        for username, first, last, role in USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            if created:
                user.set_password(password)
                user.is_superuser = role == ADMINISTRATOR
                user.save()
                assign_role(user, role)
            if role == SUPERVISOR:
                station.supervisors.add(user)
            if role == OFFICER and artem.user_id is None:
                artem.user = user
                artem.save()

        self.stdout.write(self.style.SUCCESS("Demo community ready: " + community.name))
        self.stdout.write("Logins (username / password):")
        for username, _first, _last, role in USERS:
            self.stdout.write(f"  {username:<11} {password}   ({role})")
