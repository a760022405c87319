"""The demo community of the design page, loaded by one idempotent command."""

import datetime
import io
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import ADMINISTRATOR, COUNCIL_STAFF, OFFICER, SUPERVISOR, user_role
from officers.models import Officer, Training
from stations.models import Community, Custody, Handover, Station, Village

pytestmark = pytest.mark.django_db


def test_it_loads_the_mariupol_community():
    call_command("seed_demo", stdout=io.StringIO())

    assert Community.objects.get().name.startswith("Маріупольська")
    assert set(Village.objects.values_list("name_latin", flat=True)) == {
        "Staryi Krym",
        "Vynohradne",
        "Pokrovske",
        "Berdianske",
    }
    assert not Village.objects.filter(latitude__isnull=True).exists()
    station = Station.objects.get()
    assert station.village.name == "Старий Крим"
    assert station.has_office
    assert station.has_rest_room
    assert Officer.objects.filter(station=station).count() == 5


def test_artem_timofeev_is_the_officer_login_with_his_kharkiv_training():
    call_command("seed_demo", stdout=io.StringIO())

    artem = Officer.objects.get(surname="Тимофєєв", name="Артем")
    training = Training.objects.get(officer=artem)
    assert artem.user.username == "officer"
    assert training.place == "Харків"
    assert artem.service_start == datetime.date(2021, 10, 19)


def test_it_creates_one_user_per_role_with_the_given_password():
    call_command("seed_demo", "--password", "another-demo-pass", stdout=io.StringIO())

    users = {u.username: u for u in get_user_model().objects.all()}
    roles = {name: user_role(users[name]) for name in ("admin", "staff", "supervisor", "officer")}
    assert roles == {
        "admin": ADMINISTRATOR,
        "staff": COUNCIL_STAFF,
        "supervisor": SUPERVISOR,
        "officer": OFFICER,
    }
    assert Officer.objects.filter(user__isnull=True).count() == 0
    assert users["staff"].check_password("another-demo-pass")
    assert not users["staff"].must_change_password
    assert users["admin"].is_staff
    assert list(Station.objects.get().supervisors.all()) == [users["supervisor"]]


def test_it_stages_the_handover_of_19_january_2022():
    call_command("seed_demo", stdout=io.StringIO())

    scene = datetime.datetime(2022, 1, 19, tzinfo=timezone.get_current_timezone())
    acts = Handover.objects.filter(occurred_at__date=scene.date())
    assert acts.count() == 10
    assert not acts.filter(confirmed_at__isnull=True).exists()
    assert {timezone.localtime(a.occurred_at).date() for a in acts} == {datetime.date(2022, 1, 19)}
    assert {a.official_role for a in acts} == {
        "Маріупольський міський голова",
        "Начальник Головного управління Національної поліції в Донецькій області",
    }
    for officer in Officer.objects.all():
        held = Custody.objects.open().filter(officer=officer, since__date=scene.date())
        assert sorted(c.item.kind for c in held) == ["vehicle_keys", "weapon"]


def test_running_it_twice_changes_nothing():
    call_command("seed_demo", stdout=io.StringIO())
    counts = [m.objects.count() for m in (Community, Village, Station, Officer, Training)]

    call_command("seed_demo", stdout=io.StringIO())

    assert [m.objects.count() for m in (Community, Village, Station, Officer, Training)] == counts
    assert get_user_model().objects.count() == 8


def test_it_logs_three_months_of_shifts_before_the_handover_that_keep_the_rules():
    from officers.models import Shift

    call_command("seed_demo", stdout=io.StringIO())

    artem = Officer.objects.get(surname="Тимофєєв")
    shifts = list(Shift.objects.filter(officer=artem).order_by("started_at"))
    scene = [
        s
        for s in shifts
        if s.started_at < datetime.datetime(2022, 2, 1, tzinfo=timezone.get_current_timezone())
    ]
    assert len(scene) >= 40
    assert timezone.localtime(scene[0].started_at).date() == datetime.date(2021, 10, 19)
    assert all(s.status == Shift.Status.APPROVED for s in scene)
    assert all(a.ended_at <= b.started_at for a, b in itertools.pairwise(shifts))
    assert all(s.duration() <= datetime.timedelta(hours=24) for s in shifts)
    assert scene[0].villages.exists()


def test_it_logs_incidents_in_the_reported_mix():
    from collections import Counter

    from officers.models import Incident

    call_command("seed_demo", stdout=io.StringIO())

    counts = Counter(Incident.objects.values_list("category", flat=True))
    top_three = {category for category, _n in counts.most_common(3)}
    assert sum(counts.values()) > 200  # a hundred in 2021-22, about ten a month since
    assert top_three == {"domestic_violence", "theft", "domestic_conflict"}
    assert Incident.objects.values("village").distinct().count() == 4


def test_the_records_are_dated_when_they_happened_not_when_the_command_ran():
    from officers.models import Incident

    call_command("seed_demo", stdout=io.StringIO())

    scene = datetime.date(2022, 1, 19)
    for act in Handover.objects.filter(occurred_at__date=scene):
        assert timezone.localtime(act.created_at).date() == scene
        assert timezone.localtime(act.confirmed_at).date() == scene
        for version in act.history.all():
            assert timezone.localtime(version.history_date).date() == scene
            assert version.confirmed_at is None or version.confirmed_at == act.confirmed_at
    station = Station.objects.get()
    created = station.history.filter(history_type="+").get()
    assert timezone.localtime(created.history_date).date() == station.opened_on
    first = Incident.objects.order_by("occurred_at").first()
    assert all(event.at >= first.reported_at for event in first.events.all())
    assert all(event.at.year == first.reported_at.year for event in first.events.all())


def test_the_timesheets_kilometres_are_the_monthly_reports_for_the_same_shifts(client):
    """The cars handed over on 19 January 2022 are driven on shifts until the eve of the
    full-scale invasion: for each station, the kilometres of its timesheet's officers
    are those of its cars in the report, in January and February."""
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="staff"))

    for month in ("2022-01", "2022-02"):
        report = client.get(reverse("monthly_report"), {"month": month}).context["report"]
        for station in Station.objects.all():
            page = reverse("officers:station_timesheet", args=[station.pk])
            rows = client.get(page, {"month": month}).context["rows"]
            cars = [row for row in report["vehicles"] if row["vehicle"].station_id == station.pk]

            assert len(rows) == len(cars) == 5
            timesheet_km = sum(row.km for row in rows)
            assert timesheet_km == sum(row["km"] for row in cars) > 1000, month
            assert all(row.km > 0 for row in rows), month


def test_the_cars_are_refuelled_at_their_odometer_between_shifts():
    from stations.models import Vehicle

    call_command("seed_demo", stdout=io.StringIO())

    for car in Vehicle.objects.all():
        records = list(car.fuel_records.filter(filled_at__year=2022).order_by("filled_at"))
        odometers = [record.odometer_km for record in records]
        assert len(records) >= 3  # every fifth shift, 19 January to 23 February
        assert odometers == sorted(set(odometers))  # the odometer only goes up
        assert all(r.odometer_km == car.last_odometer(at=r.filled_at) for r in records)
        assert all(r.litres > 0 and r.cost_uah > 0 for r in records)


def test_it_keeps_a_preventive_register_and_a_report_presented():
    from offenders.models import Offender, OffenderWork
    from reports.models import PresentedReport

    call_command("seed_demo", stdout=io.StringIO())
    before = Offender.objects.count()
    call_command("seed_demo", stdout=io.StringIO())

    on_register = Offender.objects.on_register()
    assert Offender.objects.count() == before > 10
    assert 0 < on_register.count() < before  # some taken off after their half-year
    assert not on_register.filter(taken_on__lt=timezone.localdate() - datetime.timedelta(days=400))
    assert OffenderWork.objects.filter(offender__in=on_register).exists()
    assert PresentedReport.objects.count() == 1
