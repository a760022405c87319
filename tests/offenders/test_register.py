"""The preventive register of domestic-violence offenders (Order No. 124): taken on from an
incident or an order, worked with, taken off; read by the station's police only, each
view logged, and counted without names."""

import datetime
import uuid
from html import unescape

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from offenders.figures import register_measures
from offenders.models import Offender, OffenderView, OffenderWork
from officers.models import Party, RestrainingOrder
from tests import factories
from tests.factories import OFFENDER_NAME

NEW = reverse("offenders:offender_create")
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def take_on(client, **overrides):
    data = {
        "full_name": OFFENDER_NAME,
        "date_of_birth": "1979-05-04",
        "address": "вул. Польова, 7",
        "grounds": "incident",
        "incident_number": "",
        "court_order_number": "",
        "court_order_until": "",
        "taken_on": TODAY.isoformat(),
        "form_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return client.post(NEW, data)


def step(client, offender, name, **data):
    return client.post(reverse("offenders:offender_step", args=[offender.pk, name]), data)


def page_of(response) -> str:
    return unescape(response.content.decode())


@pytest.fixture
def signed_in(client, officer_user):
    client.force_login(officer_user)
    return client


@pytest.fixture
def dv(officer):
    return factories.make_incident(officer, "domestic_violence")


@pytest.fixture
def offender(officer, officer_user):
    return factories.make_offender(officer)


def test_the_form_started_from_an_incident_brings_its_suspect(signed_in, dv):
    Party.objects.create(
        incident=dv, role="suspect", full_name="Бойко Іван", address="вул. Лісова, 1"
    )
    RestrainingOrder.objects.create(
        incident=dv,
        number="17",
        issued_at=timezone.now(),
        valid_until=timezone.now() + 5 * DAY,
        no_contact=True,
    )

    form = signed_in.get(NEW, {"incident": dv.number}).context["form"]

    assert form.initial["full_name"] == "Бойко Іван"
    assert form.initial["address"] == "вул. Лісова, 1"
    assert form.initial["incident_number"] == dv.number
    assert form.initial["grounds"] == "urgent_order"


def test_the_incident_page_offers_the_register_to_its_police_only(
    signed_in, client, dv, staff_user
):
    link = f"{NEW}?incident={dv.number}"

    own = signed_in.get(dv.get_absolute_url()).content.decode()
    client.force_login(staff_user)
    staff = client.get(dv.get_absolute_url()).content.decode()

    assert link in own
    assert link not in staff


def test_an_officer_takes_a_person_onto_the_register(signed_in, officer, dv):
    response = take_on(signed_in, incident_number=dv.number)

    offender = Offender.objects.get()
    assert response["Location"] == offender.get_absolute_url()
    assert offender.number == f"{TODAY.year}-0001"
    assert offender.incident == dv
    assert offender.station == officer.station
    assert offender.officer == officer
    page = page_of(signed_in.get(offender.get_absolute_url()))
    assert OFFENDER_NAME in page
    assert "Історія змін" in page
    assert "Створено" in page
    assert OffenderView.objects.filter(offender=offender).count() == 1
    logged = AuditEntry.objects.get(action="restricted_view", object_id=str(offender.pk))
    assert logged.object_type == "offenders.offender"
    assert OFFENDER_NAME not in logged.summary


def test_the_same_form_sent_twice_takes_one_entry(signed_in, dv):
    key = str(uuid.uuid4())

    take_on(signed_in, incident_number=dv.number, form_key=key)
    take_on(signed_in, incident_number=dv.number, form_key=key)

    assert Offender.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"grounds": "incident"}, "incident_number", "Вкажіть подію"),
        ({"grounds": "incident", "incident_number": "1999-9999"}, "incident_number", "немає"),
        ({"grounds": "court_order"}, "court_order_number", "Вкажіть номер"),
        ({"full_name": ""}, "full_name", "Це поле обов'язкове."),
        ({"taken_on": (TODAY + DAY).isoformat()}, "taken_on", "майбутньому"),
        ({"grounds": "anything"}, "grounds", "немає серед варіантів вибору"),
    ],
)
def test_bad_input_gets_an_error_on_its_field(signed_in, overrides, field, message):
    response = take_on(signed_in, **overrides)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Offender.objects.exists()


def test_urgent_order_grounds_need_the_order_in_the_incident(signed_in, dv):
    response = take_on(signed_in, grounds="urgent_order", incident_number=dv.number)

    assert "припис" in " ".join(response.context["form"].errors["incident_number"])
    assert not Offender.objects.exists()


def test_a_crafted_post_cannot_name_another_stations_incident(signed_in, other_officer):
    elsewhere = factories.make_incident(other_officer, "domestic_violence")

    response = take_on(signed_in, incident_number=elsewhere.number)

    assert "incident_number" in response.context["form"].errors
    assert not Offender.objects.exists()


def test_a_court_order_is_grounds_of_its_own(signed_in):
    take_on(
        signed_in,
        grounds="court_order",
        court_order_number="2-123/22",
        court_order_until="2027-06-01",
    )

    offender = Offender.objects.get()
    assert offender.incident is None
    assert offender.court_order_until == datetime.date(2027, 6, 1)


def test_the_database_refuses_grounds_without_what_they_name(officer, officer_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        Offender.objects.create(
            community=officer.station.village.community,
            station=officer.station,
            officer=officer,
            year=TODAY.year,
            number="X",
            full_name="Х",
            grounds="incident",
            taken_on=TODAY,
            created_by=officer_user,
        )


def test_work_is_recorded_with_the_next_check(signed_in, offender):
    key = str(uuid.uuid4())
    data = {"done_on": TODAY.isoformat(), "kind": "check", "note": "Припис дотримано.",
            "next_check_on": (TODAY + 14 * DAY).isoformat(), "form_key": key}  # fmt: skip

    step(signed_in, offender, "work", **data)
    step(signed_in, offender, "work", **data)  # a second tap

    offender.refresh_from_db()
    assert OffenderWork.objects.count() == 1
    assert offender.next_check_on == TODAY + 14 * DAY
    assert "Припис дотримано." in page_of(signed_in.get(offender.get_absolute_url()))


def test_a_next_check_before_the_work_is_refused_on_its_field(signed_in, offender):
    response = step(
        signed_in, offender, "work", done_on=TODAY.isoformat(), kind="visit",
        next_check_on=(TODAY - DAY).isoformat(), form_key=str(uuid.uuid4()),
    )  # fmt: skip

    assert response.status_code == 400
    assert "next_check_on" in response.context["forms"]["work"].errors
    assert not OffenderWork.objects.exists()


def test_an_overdue_check_is_flagged_and_filtered(signed_in, offender, officer):
    offender.next_check_on = TODAY - DAY
    offender.save()
    checked = factories.make_offender(officer, full_name="Інший Кривдник")
    checked.next_check_on = TODAY + DAY
    checked.save()

    due = page_of(signed_in.get(reverse("offenders:offender_list"), {"state": "check_due"}))
    detail = page_of(signed_in.get(offender.get_absolute_url()))

    assert OFFENDER_NAME in due
    assert "Інший Кривдник" not in due
    assert "Перевірку мали провести" in detail
    home = page_of(signed_in.get(reverse("home")))
    assert "1 перевірку особи на профілактичному обліку прострочено." in home
    assert OFFENDER_NAME not in home  # a count, not a name


def test_taking_off_needs_a_reason_and_a_date_after_taking_on(signed_in, offender):
    offender.taken_on = TODAY - 10 * DAY
    offender.save()
    before = step(signed_in, offender, "off", taken_off_on=(TODAY - 11 * DAY).isoformat(),
                  off_reason="moved")  # fmt: skip
    no_reason = step(signed_in, offender, "off", taken_off_on=TODAY.isoformat())

    assert "taken_off_on" in before.context["forms"]["off"].errors
    assert "off_reason" in no_reason.context["forms"]["off"].errors
    offender.refresh_from_db()
    assert offender.on_register


def test_a_person_taken_off_is_worked_no_more(signed_in, offender):
    step(signed_in, offender, "off", taken_off_on=TODAY.isoformat(), off_reason="term_ended")
    after = step(signed_in, offender, "work", done_on=TODAY.isoformat(), kind="visit",
                 form_key=str(uuid.uuid4()))  # fmt: skip

    offender.refresh_from_db()
    assert offender.taken_off_on == TODAY
    assert offender.off_reason == "term_ended"
    assert after.status_code == 302
    assert not OffenderWork.objects.exists()
    assert (
        signed_in.get(reverse("offenders:offender_update", args=[offender.pk])).status_code == 403
    )


def test_a_colleague_of_the_station_reads_the_entry_and_is_logged(
    client, offender, officer, supervisor_user
):
    client.force_login(supervisor_user)

    page = page_of(client.get(offender.get_absolute_url()))

    assert OFFENDER_NAME in page
    assert OffenderView.objects.filter(user=supervisor_user).count() == 1
    assert "Хто відкривав цю справу" in page  # the station's supervisor sees who read it


def test_an_officer_does_not_see_who_opened_the_entry(signed_in, offender):
    page = page_of(signed_in.get(offender.get_absolute_url()))

    assert "Хто відкривав цю справу" not in page


@pytest.mark.parametrize("who", ["staff_user", "admin_user", "other_officer_user"])
def test_nobody_else_reads_the_register(client, request, offender, who):
    client.force_login(request.getfixturevalue(who))

    listed = client.get(reverse("offenders:offender_list"))
    detail = client.get(offender.get_absolute_url())
    posted = step(client, offender, "off", taken_off_on=TODAY.isoformat(), off_reason="other")

    assert listed.status_code in (403, 200)
    assert OFFENDER_NAME not in page_of(listed)
    assert detail.status_code in (403, 404)
    assert posted.status_code in (403, 404)
    offender.refresh_from_db()
    assert offender.on_register
    assert not OffenderView.objects.exists()


def test_the_menu_shows_the_register_to_police_only(client, officer_user, admin_user):
    url = reverse("offenders:offender_list")
    client.force_login(officer_user)
    police = client.get(reverse("home")).content.decode()
    client.force_login(admin_user)
    admin = client.get(reverse("home")).content.decode()

    assert url in police
    assert url not in admin


def register_counts(start, end, **where) -> dict:
    """The register's measures of a period, as the reports aggregate them."""
    measures = register_measures(start, end)
    row = Offender.objects.filter(**where).aggregate(**{f"{k}_n": v for k, v in measures.items()})
    return {name: row[f"{name}_n"] for name in measures}


def test_the_counts_take_the_period_and_the_stations(officer, other_officer):
    year_ago = TODAY - 365 * DAY
    old = factories.make_offender(officer, taken_on=year_ago)
    factories.make_offender(officer, taken_on=TODAY - 10 * DAY)
    gone = factories.make_offender(officer, taken_on=year_ago)
    gone.taken_off_on, gone.off_reason = TODAY - 5 * DAY, "term_ended"
    gone.save()
    factories.make_offender(other_officer, taken_on=TODAY - 10 * DAY)
    stations = [officer.station_id]

    this_month = register_counts(TODAY - 30 * DAY, TODAY, station__in=stations)
    last_year = register_counts(year_ago - 30 * DAY, year_ago, station__in=stations)

    assert this_month == {"taken_on": 1, "taken_off": 1, "on_register": 2}
    assert last_year == {"taken_on": 2, "taken_off": 0, "on_register": 2}
    assert old.on_register


def test_the_list_does_not_grow_in_queries(signed_in, officer):
    url = reverse("offenders:offender_list")
    factories.make_offender(officer)
    with CaptureQueriesContext(connection) as few:
        signed_in.get(url)
    for n in range(5):
        factories.make_offender(officer, full_name=f"Особа {n}")

    with CaptureQueriesContext(connection) as more:
        signed_in.get(url)

    assert len(more) == len(few)
