"""Load the demo community: Mariupol in January 2022, one login per role, and the
programme carried on up to today (demo.recent)."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.roles import ADMINISTRATOR, SUPERVISOR, assign_role
from demo import dates as demo_dates
from demo import driving
from demo import recent as demo_recent
from demo.community import (
    BY_CAR_WEEKS,
    DEFAULT_PASSWORD,
    HANDOVER_DAY,
    ITEMS_ARRIVED,
    MAYOR,
    OFFICERS,
    POLICE_HEAD,
    STATION_RECEPTION_HOURS,
    UAH_PER_LITRE_2022,
    USERS,
    VILLAGES,
    WITNESSES,
)
from officers.incidents import services as incidents
from officers.models import Incident, Officer, RestrainingOrder, Shift, Training
from stations import selectors, services
from stations.models import Community, EquipmentItem, Handover, Station, Vehicle, Village


class Command(BaseCommand):
    help = "Create the demo community (Mariupol, January 2022) and one user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default=DEFAULT_PASSWORD, help="Password of the demo users."
        )

    @transaction.atomic
    def handle(self, *args, password: str, **options):
        started = timezone.now()
        community, _ = Community.objects.get_or_create(
            name="Маріупольська міська територіальна громада",
            oblast="Донецька",
            # the public page is off unless switched on; the demo shows it
            defaults={"memorandum_date": datetime.date(2021, 9, 1), "public_page": True},
        )
        villages = {}
        for name, latin, kind, population, lat, lon in VILLAGES:
            villages[name], _ = Village.objects.get_or_create(
                community=community,
                name=name,
                defaults={
                    "name_latin": latin,
                    "kind": kind,
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
                "reception_hours": STATION_RECEPTION_HOURS,
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
                    # each agreed to be named on the public page; the officer login, with
                    # the phone too
                    "public_consent": True,
                    "public_phone": badge == "0001001",
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
        users = {}
        # (officer_badge: the officers' loop above has badge, always a text)
        for username, first, last, role, officer_badge in USERS:
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
            if officer_badge is not None:
                officer = Officer.objects.get(badge_number=officer_badge)
                if officer.user_id is None:
                    officer.user = user
                    officer.save()
            users[username] = user

        self.handover_scene(station, users["staff"])
        self.registries_at_their_time(community, since=started)
        self.first_months_of_shifts(users["supervisor"], users["staff"])
        self.three_months_of_incidents(users["supervisor"])
        demo_recent.carry_on(staff=users["staff"], supervisor=users["supervisor"])

        self.stdout.write(self.style.SUCCESS("Demo community ready: " + community.name))
        self.stdout.write("Logins (username / password):")
        for username, _first, _last, role, _badge in USERS:
            self.stdout.write(f"  {username:<11} {password}   ({role})")

    def registries_at_their_time(self, community: Community, since) -> None:
        """What this run wrote of the 2021 registries, dated when it was set up."""
        assert community.memorandum_date is not None  # seed_demo creates the community with one
        memorandum = demo_dates.noon(community.memorandum_date)
        demo_dates.history_at(community, memorandum, since)
        for village in Village.objects.filter(community=community):
            demo_dates.history_at(village, memorandum, since)
        for station in Station.objects.filter(village__community=community):
            demo_dates.history_at(station, demo_dates.noon(station.opened_on), since)
        for officer in Officer.objects.all():
            demo_dates.history_at(officer, demo_dates.noon(officer.service_start), since)
        for training in Training.objects.all():
            demo_dates.history_at(training, demo_dates.noon(training.started_on), since)
        for vehicle in Vehicle.objects.all():
            demo_dates.history_at(vehicle, demo_dates.noon(vehicle.acquired_on), since)
            for record in vehicle.fuel_records.all():
                demo_dates.history_at(record, record.filled_at, since)
        for item in EquipmentItem.objects.all():
            demo_dates.history_at(item, demo_dates.noon(ITEMS_ARRIVED), since)

    def three_months_of_incidents(self, supervisor) -> None:
        """About a hundred incidents, mostly domestic violence, theft and conflicts."""
        if Incident.objects.exists():
            return
        rng = random.Random(2022)
        officers = list(Officer.objects.select_related("user").prefetch_related("villages"))
        first = datetime.datetime(2021, 10, 19, 9, tzinfo=timezone.get_current_timezone())
        for n in range(100):
            officer = officers[n % len(officers)]
            occurred = first + datetime.timedelta(hours=rng.randrange(0, 91 * 24))
            incident = demo_recent.record_incident(rng, officer, occurred)
            if incident.category == "domestic_violence" and n % 2 == 0:
                order = RestrainingOrder.objects.create(
                    incident=incident,
                    number=f"ТЗП-{n:03d}",
                    issued_at=incident.reported_at,
                    valid_until=incident.reported_at.astimezone(datetime.UTC)
                    + datetime.timedelta(days=10),
                    must_leave_home=True,
                    no_contact=True,
                    child_involved=n % 4 == 0,
                )
                demo_dates.history_at(order, order.issued_at)
            incidents.incident_review(incident=incident, user=supervisor, approve=True)
            incidents.case_close(  # years on, every case of the first months is closed
                incident=incident, user=supervisor, outcome="Вжито заходів, конфлікт вичерпано."
            )
            demo_dates.incident_at_its_time(incident)

    def first_months_of_shifts(self, supervisor, staff) -> None:
        """Every other day on duty from 19 October 2021, some nights; from the day after
        the handover of 19 January 2022 until 23 February, in the car whose keys the
        officer was given, each shift's readings in its logbook (demo.driving)."""
        if Shift.objects.exists():
            return
        first = datetime.date(2021, 10, 19)
        handover = HANDOVER_DAY.date()
        last = handover + datetime.timedelta(weeks=BY_CAR_WEEKS)
        shifts, villages = [], []
        officers = Officer.objects.order_by("badge_number").select_related("user")
        for index, officer in enumerate(officers):
            served = list(officer.villages.all())
            car = selectors.held_car(officer)
            logbook = (
                driving.Logbook(car, clerk=staff, uah_per_litre=UAH_PER_LITRE_2022)
                if car is not None
                else None
            )
            rng = random.Random(2022 * 10 + index)
            for offset in range((last - first).days):
                day = first + datetime.timedelta(days=offset)
                if (offset + index) % 2 or day == handover:  # all at the handover that day
                    continue
                # a night that would end in the next month is worked by day, so that a
                # month's timesheet and the car's logbook both hold all of its driving
                night = (offset + index) % 6 == 0 and (day + datetime.timedelta(days=1)).day != 1
                start = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(20 if night else 8))
                )
                end = start + datetime.timedelta(hours=12 if night else 9)
                shift = Shift(
                    officer=officer,
                    started_at=start,
                    ended_at=end,
                    summary="Патрулювання, прийом громадян, профілактичні бесіди.",
                    status=Shift.Status.APPROVED,
                    reviewed_by=supervisor,
                    reviewed_at=end + datetime.timedelta(days=1),
                )
                if logbook is not None and day > handover:
                    logbook.drive(shift, rng.randrange(35, 95))
                shifts.append(shift)
                villages.append(served)
            if logbook is not None:
                logbook.save()
        demo_recent.save_shifts(shifts, villages)

    def handover_scene(self, station: Station, staff) -> None:
        """Five cars with keys and five pistols, issued and confirmed on 19 January 2022;
        each car's odometer read as it was handed over."""
        if Handover.objects.exists():
            return
        moment = HANDOVER_DAY
        for n, officer in enumerate(Officer.objects.order_by("badge_number"), start=1):
            car = Vehicle.objects.create(
                plate=f"АН{1000 + n}ВО",
                vin=f"VF1HSRCK6M{n:07d}",
                make="Renault",
                model="Duster",
                year=2021,
                colour="білий",
                station=station,
                acquired_on=ITEMS_ARRIVED,
                funded_by="Бюджет Маріупольської міської територіальної громади",
            )
            services.odometer_reading_add(vehicle=car, read_at=moment, km=12 + n, user=staff)
            keys = EquipmentItem.objects.create(
                kind=EquipmentItem.Kind.VEHICLE_KEYS,
                model_name="Renault Duster",
                inventory_number=f"КЛ-{n:04d}",
                station=station,
                vehicle=car,
            )
            pistol = EquipmentItem.objects.create(
                kind=EquipmentItem.Kind.WEAPON,
                model_name="Форт-17",
                serial_number=f"ФТ{170000 + n}",
                inventory_number=f"ЗБ-{n:04d}",
                station=station,
            )
            for (name, role), item, minutes in ((MAYOR, keys, 0), (POLICE_HEAD, pistol, 30)):
                act = services.handover_issue(
                    officer=officer,
                    occurred_at=moment + datetime.timedelta(minutes=minutes + n),
                    place="смт Старий Крим, поліцейська станція",
                    official_name=name,
                    official_role=role,
                    witnesses=WITNESSES,
                    lines=[services.IssueLine(item=item)],
                    created_by=staff,
                )
                services.handover_confirm(
                    handover=act,
                    user=officer.user,
                    address="127.0.0.1",
                    how=Handover.ConfirmedHow.IN_PERSON,
                )
                demo_dates.act_at_its_time(act, confirmed_after=datetime.timedelta(minutes=5))
