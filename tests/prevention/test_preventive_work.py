"""Preventive work: an officer records a meeting, a talk or a visit from the phone;
supervisors read their stations', council staff every station's."""

import csv
import datetime
import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from prevention.models import PreventiveEvent
from tests import factories

NEW = reverse("prevention:preventiveevent_create")


def record(client, village, **overrides):
    data = factories.event_post(village, **overrides)
    data.setdefault("form_key", str(uuid.uuid4()))
    return client.post(NEW, data)


@pytest.fixture
def signed_in(client, officer_user):
    client.force_login(officer_user)
    return client


def test_the_form_starts_with_today_and_the_officers_only_village(signed_in, officer, village):
    officer.villages.set([village])

    form = signed_in.get(NEW).context["form"]

    assert form.initial["held_on"] == timezone.localdate()
    assert form.initial["village"] == village.pk


def test_an_officer_records_an_event_in_the_shift_under_way(signed_in, officer, village):
    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=2), hours=None)

    response = record(signed_in, village, kind="school_talk", topic="road_safety", audience="31")

    event = PreventiveEvent.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert (event.kind, event.topic, event.audience) == ("school_talk", "road_safety", 31)
    assert event.shift == shift
    assert event.station == officer.station
    page = signed_in.get(event.get_absolute_url()).content.decode()
    assert "Бесіда в школі" in page
    assert "Безпека дорожнього руху" in page
    assert "Створено" in page  # the history, on the record's page


def test_an_event_of_an_earlier_day_joins_that_days_shift(signed_in, officer, village):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(9)))
    shift = factories.make_shift(officer, start)
    factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=1), hours=None)

    record(signed_in, village, held_on=yesterday.isoformat())

    assert PreventiveEvent.objects.get().shift == shift


def test_an_event_outside_any_shift_says_so(signed_in, village):
    record(signed_in, village)

    event = PreventiveEvent.objects.get()
    assert event.shift is None
    assert (
        "не під час зареєстрованої зміни"
        in signed_in.get(event.get_absolute_url()).content.decode()
    )


def test_the_same_form_sent_twice_records_one_event(signed_in, village):
    key = str(uuid.uuid4())

    record(signed_in, village, form_key=key)
    again = record(signed_in, village, form_key=key)

    assert PreventiveEvent.objects.count() == 1
    assert again["Location"] == PreventiveEvent.objects.get().get_absolute_url()


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("held_on", "2099-01-01", "Ця дата в майбутньому."),
        ("audience", "0", "більше чи дорівнює 1"),
        ("audience", "10001", "менше чи дорівнює 10000"),
        ("kind", "parade", "немає серед варіантів"),
    ],
)
def test_bad_input_is_told_on_its_field_and_nothing_is_saved(
    signed_in, village, field, value, error
):
    response = record(signed_in, village, **{field: value})

    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors[field])
    assert not PreventiveEvent.objects.exists()


def test_a_crafted_post_cannot_record_in_another_stations_village(signed_in, other_station):
    response = record(signed_in, other_station.village)

    assert "village" in response.context["form"].errors
    assert not PreventiveEvent.objects.exists()


def test_the_officer_edits_their_own_event_and_the_change_is_kept(signed_in, officer):
    event = factories.make_event(officer, audience=10)

    signed_in.post(
        reverse("prevention:preventiveevent_update", args=[event.pk]),
        factories.event_post(event.village, audience="12"),
    )

    event.refresh_from_db()
    assert event.audience == 12
    assert event.history.count() == 2
    assert event.history.first().history_user.username == "officer"


def test_an_edit_that_keeps_the_date_keeps_the_event_out_of_a_later_shift(signed_in, officer):
    event = factories.make_event(officer, audience=27)  # before any shift
    factories.make_shift(officer, timezone.now() - datetime.timedelta(minutes=5), hours=None)

    signed_in.post(
        reverse("prevention:preventiveevent_update", args=[event.pk]),
        factories.event_post(event.village, audience="28"),
    )

    event.refresh_from_db()
    assert event.audience == 28
    assert event.shift is None


def test_a_colleague_neither_reads_nor_edits_anothers_event(client, officer, station):
    event = factories.make_event(officer)
    colleague = factories.make_officer(station)
    colleague.user = factories.make_user("officer", "colleague")
    colleague.save()
    client.force_login(colleague.user)

    assert client.get(event.get_absolute_url()).status_code == 404
    edit = client.post(
        reverse("prevention:preventiveevent_update", args=[event.pk]),
        factories.event_post(event.village, audience="99"),
    )
    assert edit.status_code == 404
    event.refresh_from_db()
    assert event.audience == 25


def test_a_supervisor_reads_their_stations_events_only(
    client, supervisor_user, officer, other_officer
):
    factories.make_event(officer, note="Своя станція")
    factories.make_event(other_officer, note="Чужа станція")
    client.force_login(supervisor_user)

    page = client.get(reverse("prevention:preventiveevent_list"))

    assert [e.note for e in page.context["object_list"]] == ["Своя станція"]


def test_staff_read_every_station_but_record_nothing(staff, officer, other_officer, village):
    factories.make_event(officer)
    factories.make_event(other_officer)

    listed = staff.get(reverse("prevention:preventiveevent_list")).context["object_list"]

    assert len(listed) == 2
    assert staff.post(NEW, factories.event_post(village)).status_code == 403


def test_the_list_filters_by_topic_and_exports_the_same_rows(staff, officer):
    factories.make_event(officer, topic="explosives", audience=40)
    factories.make_event(officer, topic="road_safety", audience=15)

    page = staff.get(reverse("prevention:preventiveevent_list"), {"topic": "explosives"})
    download = staff.get(
        reverse("prevention:preventiveevent_list"), {"topic": "explosives", "export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))

    assert [e.audience for e in page.context["object_list"]] == [40]
    assert rows[0][:5] == ["Дата", "Вид", "Тема", "Село", "Аудиторія"]
    assert [row[4] for row in rows[1:]] == ["40"]


def test_a_photo_is_served_to_who_reads_the_event_and_never_from_the_media_folder(
    signed_in, village, staff_user, other_officer_user
):
    record(signed_in, village, photo=factories.image_upload())
    event = PreventiveEvent.objects.get()
    url = reverse("prevention:preventiveevent_photo", args=[event.pk, "full"])

    assert signed_in.get(url)["Content-Type"] == "image/jpeg"
    assert signed_in.get(f"/media/{event.photo.name}").status_code == 404
    signed_in.force_login(other_officer_user)
    assert signed_in.get(url).status_code == 404
    signed_in.force_login(staff_user)
    assert signed_in.get(url).status_code == 200
