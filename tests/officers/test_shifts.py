"""Officers log their shifts; supervisors approve or return them; closed months lock."""

import datetime
from html import unescape

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from officers.models import MonthClosure, Shift
from stations.models import OdometerReading
from tests import factories

H = datetime.timedelta(hours=1)


def local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def on_phone(client, officer_user):
    client.force_login(officer_user)
    return client


@pytest.fixture
def supervisor(client, supervisor_user):
    client.force_login(supervisor_user)
    return client


def test_an_officer_starts_a_shift_with_one_tap(on_phone, officer):
    response = on_phone.post(reverse("officers:shift_create"), follow=True)

    shift = Shift.objects.get()
    assert shift.officer == officer
    assert shift.is_open
    assert abs(shift.started_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert "На чергуванні з" in response.content.decode()


def test_a_second_open_shift_is_refused_with_the_reason(on_phone, officer):
    factories.make_shift(officer, timezone.now() - 2 * H, hours=None)

    response = on_phone.post(reverse("officers:shift_create"))

    assert response.status_code == 200
    assert "перетинається зі зміною, що триває з" in unescape(response.content.decode())
    assert Shift.objects.count() == 1


def test_the_start_form_while_on_duty_leads_to_the_shift_under_way(on_phone, officer):
    shift = factories.make_shift(officer, timezone.now() - 2 * H, hours=None)

    response = on_phone.get(reverse("officers:shift_create"), follow=True)

    assert response.redirect_chain == [(shift.get_absolute_url(), 302)]
    assert "Ви вже на чергуванні" in response.content.decode()


@pytest.mark.parametrize("offset", [2 * H, -13 * H])
def test_a_start_in_the_future_or_too_far_back_is_refused(on_phone, offset):
    response = on_phone.post(
        reverse("officers:shift_create"), {"started_at": local(timezone.now() + offset)}
    )

    assert "started_at" in response.context["form"].errors
    assert not Shift.objects.exists()


def test_a_start_overlapping_an_ended_shift_is_explained(on_phone, officer):
    factories.make_shift(officer, timezone.now() - 6 * H, hours=4)

    response = on_phone.post(
        reverse("officers:shift_create"), {"started_at": local(timezone.now() - 5 * H)}
    )

    assert "перетинається зі зміною" in unescape(response.content.decode())
    assert Shift.objects.count() == 1


@pytest.fixture
def open_shift(officer, station, staff_user):
    car = factories.make_vehicle(station)
    car.readings.create(read_at=timezone.now() - 10 * H, km=5000)
    return factories.make_shift(
        officer, timezone.now() - 3 * H, hours=None, vehicle=car, odometer_start=5000
    )


def end_data(shift, **overrides):
    data = {
        "ended_at": local(timezone.now()),
        "villages": [shift.officer.station.village.pk],
        "summary": "Патрулювання, профілактична бесіда в школі.",
        "odometer_end": "5042",
    }
    data.update(overrides)
    return data


def test_ending_a_shift_submits_it_and_logs_the_kilometres(on_phone, open_shift):
    on_phone.post(reverse("officers:shift_end", args=[open_shift.pk]), end_data(open_shift))

    open_shift.refresh_from_db()
    assert open_shift.status == Shift.Status.SUBMITTED
    assert open_shift.kilometres == 42
    assert list(open_shift.villages.all()) == [open_shift.officer.station.village]
    assert OdometerReading.objects.filter(vehicle=open_shift.vehicle, km=5042).exists()


def test_the_end_sent_again_says_the_shift_has_ended_not_forbidden(on_phone, open_shift):
    """Back to the end form, or the outbox sending it again after an answer was lost."""
    url = reverse("officers:shift_end", args=[open_shift.pk])
    on_phone.post(url, end_data(open_shift))

    again = on_phone.post(url, end_data(open_shift), follow=True)
    back = on_phone.get(url, follow=True)

    for response in (again, back):
        assert response.redirect_chain == [(open_shift.get_absolute_url(), 302)]
        assert "Цю зміну вже завершено" in response.content.decode()
    assert OdometerReading.objects.filter(vehicle=open_shift.vehicle, km=5042).count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"odometer_end": "4999"}, "odometer_end"),
        ({"ended_at": "2020-01-01T10:00"}, "ended_at"),
        ({"summary": ""}, "summary"),
        ({"villages": []}, "villages"),
    ],
)
def test_a_bad_end_is_refused_on_the_field(on_phone, open_shift, overrides, field):
    response = on_phone.post(
        reverse("officers:shift_end", args=[open_shift.pk]), end_data(open_shift, **overrides)
    )

    open_shift.refresh_from_db()
    assert field in response.context["form"].errors
    assert open_shift.is_open


def test_a_shift_longer_than_24_hours_is_refused(on_phone, officer):
    shift = factories.make_shift(officer, timezone.now() - 25 * H, hours=None)

    response = on_phone.post(reverse("officers:shift_end", args=[shift.pk]), end_data(shift))

    assert "24 години" in response.content.decode()
    shift.refresh_from_db()
    assert shift.is_open


def test_another_officer_cannot_end_my_shift(client, open_shift, officer):
    colleague = factories.make_officer(officer.station)
    colleague.user = factories.make_user("officer")
    colleague.save()
    client.force_login(colleague.user)

    response = client.post(
        reverse("officers:shift_end", args=[open_shift.pk]), end_data(open_shift)
    )

    open_shift.refresh_from_db()
    assert response.status_code == 404
    assert open_shift.is_open


def test_the_database_refuses_a_second_open_shift(officer):
    factories.make_shift(officer, timezone.now() - 2 * H, hours=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Shift.objects.create(officer=officer, started_at=timezone.now() - H)


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the exclusion constraint over time ranges exists only on PostgreSQL",
)
def test_postgresql_refuses_overlapping_shifts_by_a_direct_insert(officer):
    start = timezone.now() - 10 * H
    factories.make_shift(officer, start, hours=8)

    with pytest.raises(IntegrityError), transaction.atomic():
        Shift.objects.create(
            officer=officer,
            started_at=start + 2 * H,
            ended_at=start + 4 * H,
            status=Shift.Status.SUBMITTED,
        )


@pytest.fixture
def submitted(officer):
    return factories.make_shift(officer, timezone.now() - 10 * H, hours=8)


def test_a_supervisor_approves_and_the_shift_locks(supervisor, submitted, client, officer_user):
    supervisor.post(reverse("officers:shift_review", args=[submitted.pk, "approve"]))
    submitted.refresh_from_db()
    client.force_login(officer_user)

    editing = client.post(
        reverse("officers:shift_edit", args=[submitted.pk]),
        {"started_at": local(submitted.started_at), "summary": "змінено"},
    )

    submitted.refresh_from_db()
    assert submitted.status == Shift.Status.APPROVED
    assert editing.status_code == 403
    assert submitted.summary != "змінено"


def test_a_returned_shift_is_corrected_and_resubmitted(supervisor, submitted, client, officer_user):
    supervisor.post(
        reverse("officers:shift_review", args=[submitted.pk, "return"]),
        {"comment": "Вкажіть села."},
    )
    client.force_login(officer_user)

    client.post(
        reverse("officers:shift_edit", args=[submitted.pk]),
        {
            "started_at": local(submitted.started_at),
            "ended_at": local(submitted.ended_at),
            "villages": [submitted.officer.station.village.pk],
            "summary": "Патрулювання Старого Криму.",
        },
    )

    submitted.refresh_from_db()
    assert submitted.status == Shift.Status.SUBMITTED
    assert submitted.review_comment == "Вкажіть села."
    assert submitted.villages.count() == 1


def test_an_officer_cannot_approve_their_own_shift(on_phone, submitted):
    response = on_phone.post(reverse("officers:shift_review", args=[submitted.pk, "approve"]))

    submitted.refresh_from_db()
    assert response.status_code == 403
    assert submitted.status == Shift.Status.SUBMITTED


def test_a_supervisor_of_another_station_cannot_see_the_shift(client, submitted, other_station):
    stranger = factories.make_supervisor(other_station)
    client.force_login(stranger)

    response = client.post(reverse("officers:shift_review", args=[submitted.pk, "approve"]))

    assert response.status_code == 404


@pytest.fixture
def last_month_shift(officer):
    first = timezone.localdate().replace(day=1)
    day = first - datetime.timedelta(days=10)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    return factories.make_shift(officer, start, hours=9, status=Shift.Status.RETURNED)


def test_closing_a_month_locks_its_shifts_for_the_officer(
    supervisor, last_month_shift, client, officer_user, station
):
    month = timezone.localtime(last_month_shift.started_at).date().replace(day=1)
    supervisor.post(reverse("officers:month_close", args=[station.pk]), {"month": str(month)})
    client.force_login(officer_user)

    response = client.get(reverse("officers:shift_edit", args=[last_month_shift.pk]))

    assert MonthClosure.objects.filter(station=station, month=month).exists()
    assert response.status_code == 403


def test_only_an_admin_changes_a_closed_month_and_gives_a_reason(
    client, admin_user, last_month_shift, station, supervisor_user
):
    month = timezone.localtime(last_month_shift.started_at).date().replace(day=1)
    MonthClosure.objects.create(station=station, month=month, closed_by=supervisor_user)
    client.force_login(admin_user)
    data = {
        "started_at": local(last_month_shift.started_at),
        "ended_at": local(last_month_shift.ended_at - H),
        "summary": "Виправлено час завершення.",
    }

    without_reason = client.post(reverse("officers:shift_edit", args=[last_month_shift.pk]), data)
    client.post(
        reverse("officers:shift_edit", args=[last_month_shift.pk]),
        {**data, "reason": "Помилка в табелі, службова записка № 12"},
    )

    last_month_shift.refresh_from_db()
    assert "reason" in without_reason.context["form"].errors
    assert last_month_shift.duration() == 8 * H
    reason = last_month_shift.history.first().history_change_reason
    assert reason == "Помилка в табелі, службова записка № 12"


def test_the_current_month_cannot_be_closed(supervisor, station):
    supervisor.post(
        reverse("officers:month_close", args=[station.pk]),
        {"month": str(timezone.localdate().replace(day=1))},
    )

    assert not MonthClosure.objects.exists()


def test_a_forgotten_shift_is_flagged_for_the_officer_and_the_supervisor(
    client, officer_user, supervisor_user, officer
):
    factories.make_shift(officer, timezone.now() - 15 * H, hours=None)

    client.force_login(officer_user)
    officer_home = client.get(reverse("home")).content.decode()
    client.force_login(supervisor_user)
    supervisor_home = client.get(reverse("home")).content.decode()

    assert "чи не забули ви її завершити" in officer_home
    assert "відкрита понад 14 годин" in supervisor_home


def test_staff_see_who_is_on_duty_now(client, staff_user, officer):
    factories.make_shift(officer, timezone.now() - 2 * H, hours=None)
    client.force_login(staff_user)

    response = client.get(reverse("home"))

    assert [s.officer for s in response.context["on_duty"]] == [officer]
