"""The incident log: numbers, restricted details, workflows, orders and photos."""

import csv
import datetime
import io
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from officers.models import Attachment, Incident, Party, RestrainingOrder, RestrictedView
from tests import factories

VICTIM = "Ганна Потерпіла"
SECRET = "Чоловік погрожував ножем"


@pytest.fixture
def dv(officer, officer_user):
    incident = factories.make_incident(officer, "domestic_violence", description=SECRET)
    Party.objects.create(incident=incident, role="victim", full_name=VICTIM, phone="+380501112233")
    return incident


@pytest.fixture
def theft(officer, officer_user):
    return factories.make_incident(officer, "theft", description="Вкрали велосипед")


def test_numbers_run_per_community_and_year(officer, officer_user, other_officer):
    first = factories.make_incident(officer)
    second = factories.make_incident(officer)
    elsewhere = factories.make_incident(other_officer)
    year = timezone.localtime(first.occurred_at).year

    assert [first.number, second.number] == [f"{year}-000001", f"{year}-000002"]
    assert elsewhere.number == f"{year}-000001"


def test_the_database_refuses_a_number_used_twice_in_a_community(theft):
    clone = Incident.objects.get(pk=theft.pk)
    clone.pk = None

    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("officer_user", True),
        ("supervisor_user", True),
        ("staff_user", False),
        ("admin_user", False),
    ],
)
def test_restricted_details_show_only_to_the_police_of_the_station(
    client, request, dv, persona, sees
):
    client.force_login(request.getfixturevalue(persona))

    content = unescape(client.get(dv.get_absolute_url()).content.decode())

    assert dv.number in content
    assert "Домашнє насильство" in content
    assert (VICTIM in content) is sees
    assert (SECRET in content) is sees


def test_an_officer_of_another_station_does_not_find_the_incident(client, other_officer_user, dv):
    client.force_login(other_officer_user)

    assert client.get(dv.get_absolute_url()).status_code == 404


def test_every_view_of_restricted_details_is_logged(client, officer_user, staff_user, dv):
    client.force_login(officer_user)
    client.get(dv.get_absolute_url())
    client.get(dv.get_absolute_url())
    client.force_login(staff_user)
    client.get(dv.get_absolute_url())  # sees no details: nothing to log

    views = RestrictedView.objects.filter(incident=dv)
    assert [v.user for v in views] == [officer_user, officer_user]
    assert {v.what for v in views} == {"detail"}


def test_a_view_of_an_unrestricted_incident_is_not_logged(client, officer_user, theft):
    client.force_login(officer_user)
    client.get(theft.get_absolute_url())

    assert not RestrictedView.objects.exists()


def test_the_log_is_for_supervisors_and_admins(
    client, supervisor_user, officer_user, staff_user, dv
):
    RestrictedView.objects.create(incident=dv, user=officer_user, what="detail")
    client.force_login(supervisor_user)
    assert dv.number in client.get(reverse("officers:restricted_log")).content.decode()
    for persona in (officer_user, staff_user):
        client.force_login(persona)
        assert client.get(reverse("officers:restricted_log")).status_code == 403


def test_search_does_not_reach_restricted_text_for_staff(
    client, staff_user, officer_user, dv, theft
):
    client.force_login(staff_user)
    staff_hits = client.get(reverse("officers:incident_list"), {"q": "ножем"}).context[
        "object_list"
    ]
    client.force_login(officer_user)
    police_hits = client.get(reverse("officers:incident_list"), {"q": "ножем"}).context[
        "object_list"
    ]

    assert list(staff_hits) == []
    assert list(police_hits) == [dv]


def test_the_export_leaves_out_restricted_text_for_staff(client, staff_user, dv, theft):
    client.force_login(staff_user)

    response = client.get(reverse("officers:incident_list"), {"export": "csv"})

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(text))}
    assert rows[dv.number][9] == ""
    assert rows[theft.number][9] == "Вкрали велосипед"
    assert SECRET not in text


def test_the_export_for_the_police_holds_the_text_and_is_logged(client, officer_user, dv):
    client.force_login(officer_user)

    response = client.get(reverse("officers:incident_list"), {"export": "xlsx"})

    assert response.status_code == 200
    assert RestrictedView.objects.filter(incident=dv, what="export").count() == 1


def test_the_admin_never_shows_restricted_details(client, admin_user, dv):
    client.force_login(admin_user)

    content = client.get(reverse("admin:officers_incident_change", args=[dv.pk])).content.decode()

    assert dv.number in content
    assert SECRET not in content
    assert VICTIM not in content


def test_the_map_data_holds_points_not_details(client, staff_user, dv, theft):
    theft.latitude, theft.longitude = 47.16530, 37.48740
    theft.save()  # the DV incident has no point and its village none either: left out
    client.force_login(staff_user)

    data = client.get(reverse("officers:incident_map_data")).json()

    assert [f["properties"]["number"] for f in data["features"]] == [theft.number]
    assert SECRET not in str(data)
    assert VICTIM not in str(data)
    point = data["features"][0]
    assert point["geometry"]["coordinates"] == [37.4874, 47.1653]
    assert point["properties"]["category"] == "Крадіжка"
    assert point["properties"]["date"] == timezone.localdate(theft.occurred_at).isoformat()
    assert point["properties"]["url"] == theft.get_absolute_url()


def step(client, incident, name, **data):
    return client.post(reverse("officers:incident_step", args=[incident.pk, name]), data)


def test_a_report_needs_its_narrative_to_be_submitted(client, officer_user, officer):
    incident = factories.make_incident(officer, description="")
    client.force_login(officer_user)

    step(client, incident, "submit")

    incident.refresh_from_db()
    assert incident.report_status == Incident.Report.DRAFT


def test_the_report_workflow(client, officer_user, supervisor_user, theft):
    client.force_login(officer_user)
    step(client, theft, "submit")
    client.force_login(supervisor_user)
    step(client, theft, "return", comment="Додайте свідків.")
    client.force_login(officer_user)
    step(client, theft, "submit")
    client.force_login(supervisor_user)
    step(client, theft, "approve")

    theft.refresh_from_db()
    assert theft.report_status == Incident.Report.APPROVED
    kinds = list(theft.events.values_list("kind", flat=True))
    assert kinds == ["created", "submitted", "returned", "submitted", "approved"]
    assert theft.events.get(kind="returned").comment == "Додайте свідків."


def test_an_officer_cannot_approve_their_own_report(client, officer_user, theft):
    client.force_login(officer_user)
    step(client, theft, "submit")

    response = step(client, theft, "approve")

    theft.refresh_from_db()
    assert response.status_code == 403
    assert theft.report_status == Incident.Report.SUBMITTED


@pytest.fixture
def approved(theft, supervisor_user):
    from officers.incidents import services as service

    service.incident_submit(incident=theft, user=theft.created_by)
    service.incident_review(incident=theft, user=supervisor_user, approve=True)
    theft.refresh_from_db()
    return theft


def test_an_approved_report_refuses_edits_even_crafted_ones(client, officer_user, approved):
    client.force_login(officer_user)
    url = reverse("officers:incident_update", args=[approved.pk])

    page = client.get(url)
    post = client.post(url, {"category": "fraud", "description": "переписано"})
    party = client.post(
        reverse("officers:party_add", args=[approved.pk]), {"role": "suspect", "full_name": "X"}
    )

    approved.refresh_from_db()
    assert (page.status_code, post.status_code, party.status_code) == (403, 403, 403)
    assert approved.description == "Вкрали велосипед"
    assert not approved.parties.exists()


def test_later_facts_are_numbered_supplements(client, officer_user, approved):
    client.force_login(officer_user)

    step(client, approved, "supplement", text="Велосипед знайдено.")
    step(client, approved, "supplement", text="Власник забрав велосипед.")

    assert list(approved.supplements.values_list("number", "text")) == [
        (1, "Велосипед знайдено."),
        (2, "Власник забрав велосипед."),
    ]


def test_the_case_workflow(client, officer_user, supervisor_user, theft):
    client.force_login(officer_user)
    step(client, theft, "start")
    step(client, theft, "request_closure", comment="Майно повернуто.")
    officer_close = step(client, theft, "close", comment="Закрито офіцером")
    client.force_login(supervisor_user)
    step(client, theft, "close", comment="Майно повернуто власнику.")
    client.force_login(officer_user)
    officer_reopen = step(client, theft, "reopen", comment="Нові обставини")

    theft.refresh_from_db()
    assert officer_close.status_code == 403
    assert officer_reopen.status_code == 403
    assert theft.case_status == Incident.Case.CLOSED
    assert theft.outcome == "Майно повернуто власнику."


def test_a_supervisor_reopens_a_closed_case_with_a_reason(client, supervisor_user, theft):
    client.force_login(supervisor_user)
    step(client, theft, "close", comment="Вирішено.")

    without = step(client, theft, "reopen")
    theft.refresh_from_db()
    assert theft.case_status == Incident.Case.CLOSED
    step(client, theft, "reopen", comment="Заявник надав нові докази.")

    theft.refresh_from_db()
    # without a reason the page comes back, saying so at the top and at the field
    assert without.status_code == 200
    assert 'href="#id_reopen_comment"' in without.content.decode()
    assert "<details open>" in without.content.decode()
    assert theft.case_status == Incident.Case.IN_PROGRESS
    assert theft.events.get(kind="reopened").comment == "Заявник надав нові докази."


def test_a_referral_records_where_and_when(client, officer_user, theft):
    client.force_login(officer_user)

    step(
        client,
        theft,
        "refer",
        referred_to="Слідчий відділ Маріупольського РУП",
        referred_on="2022-01-20",
    )

    theft.refresh_from_db()
    assert theft.case_status == Incident.Case.REFERRED
    assert theft.referred_on == datetime.date(2022, 1, 20)


def test_council_staff_take_no_step(client, staff_user, theft):
    client.force_login(staff_user)

    responses = [step(client, theft, name, comment="x").status_code for name in ("start", "close")]

    assert responses == [403, 403]


def order_data(**overrides):
    issued = timezone.localtime().replace(second=0, microsecond=0) - datetime.timedelta(hours=1)
    data = {
        "number": "ТЗП-17",
        "issued_at": issued.strftime("%Y-%m-%dT%H:%M"),
        "valid_until": (issued + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
        "must_leave_home": "on",
        "no_contact": "on",
        "child_involved": "on",
    }
    data.update(overrides)
    return data


def test_an_order_of_ten_days_is_recorded(client, officer_user, dv):
    client.force_login(officer_user)

    client.post(reverse("officers:order_edit", args=[dv.pk]), order_data())

    order = RestrainingOrder.objects.get(incident=dv)
    assert order.valid_until - order.issued_at == datetime.timedelta(days=10)
    assert order.child_involved


def test_an_order_longer_than_ten_days_is_refused(client, officer_user, dv):
    client.force_login(officer_user)
    issued = timezone.localtime().replace(second=0, microsecond=0)
    too_long = (issued + datetime.timedelta(days=10, minutes=1)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(
        reverse("officers:order_edit", args=[dv.pk]),
        order_data(issued_at=issued.strftime("%Y-%m-%dT%H:%M"), valid_until=too_long),
    )

    assert "valid_until" in response.context["form"].errors
    assert not RestrainingOrder.objects.exists()


def order_for(incident, issued, days: int):
    """An urgent restraining order written straight to the database, past the form."""
    return RestrainingOrder.objects.create(
        incident=incident,
        number="X",
        issued_at=issued,
        valid_until=issued + datetime.timedelta(days=days),
        no_contact=True,
    )


def test_the_database_refuses_an_order_longer_than_ten_days(dv):
    issued = timezone.now()

    with pytest.raises(IntegrityError), transaction.atomic():
        order_for(dv, issued, days=11)


def test_orders_ending_within_a_day_show_on_the_police_home(client, officer_user, staff_user, dv):
    issued = timezone.now() - datetime.timedelta(days=9, hours=12)
    order_for(dv, issued, days=10)
    client.force_login(officer_user)
    police_home = client.get(reverse("home")).content.decode()
    client.force_login(staff_user)
    staff_home = client.get(reverse("home")).content.decode()

    assert "спливають протягом 24 годин" in police_home
    assert "спливають протягом 24 годин" not in staff_home


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (80, 60), "green")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (47.0, 9.0, 54.0), 3: "E", 4: (37.0, 29.0, 14.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_a_photo_is_stored_without_its_gps_position(client, officer_user, dv, settings):
    client.force_login(officer_user)
    upload = SimpleUploadedFile("scene.jpg", jpeg_with_gps(), content_type="image/jpeg")
    assert Image.open(io.BytesIO(jpeg_with_gps())).getexif().get_ifd(0x8825)

    step(client, dv, "photo", image=upload, caption="Пошкоджені двері")

    attachment = Attachment.objects.get()
    stored = Image.open(settings.MEDIA_ROOT / attachment.image.name)
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert not attachment.image.name.endswith("scene.jpg")


def test_a_file_that_is_not_a_photo_is_refused(client, officer_user, dv):
    client.force_login(officer_user)
    fake = SimpleUploadedFile("scene.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")

    step(client, dv, "photo", image=fake)

    assert not Attachment.objects.exists()


def test_photos_are_served_only_to_those_who_see_the_details(client, officer_user, staff_user, dv):
    client.force_login(officer_user)
    step(client, dv, "photo", image=SimpleUploadedFile("a.jpg", jpeg_with_gps(), "image/jpeg"))
    attachment = Attachment.objects.get()
    url = reverse("officers:attachment_file", args=[dv.pk, attachment.pk, "full"])

    police = client.get(url)
    client.force_login(staff_user)
    staff = client.get(url)

    assert police.status_code == 200
    assert police["Content-Type"] == "image/jpeg"
    assert police["Content-Disposition"].startswith("inline; filename=")
    assert staff.status_code == 403


def test_incident_photos_are_never_served_from_the_media_folder(client, officer_user, dv):
    client.force_login(officer_user)
    step(client, dv, "photo", image=SimpleUploadedFile("a.jpg", jpeg_with_gps(), "image/jpeg"))
    attachment = Attachment.objects.get()

    for stored in (attachment.image, attachment.thumbnail):
        assert client.get(f"/media/{stored.name}").status_code == 404


def test_an_officer_logs_an_incident_linked_to_the_open_shift(
    client, officer_user, officer, village
):
    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=2), hours=None)
    client.force_login(officer_user)
    moment = (timezone.localtime() - datetime.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")

    client.post(
        reverse("officers:incident_create"),
        {
            "category": "domestic_conflict",
            "occurred_at": moment,
            "reported_at": moment,
            "village": village.pk,
            "place": "вул. Садова, 3",
            "latitude": "47.16",
            "longitude": "37.48",
            "description": "Сварка сусідів через межу.",
        },
    )

    incident = Incident.objects.get()
    assert incident.shift == shift
    assert incident.reporting_officer == officer


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"occurred_at": "2999-01-01T10:00"}, "occurred_at"),
        ({"reported_at": "2000-01-01T10:00"}, "reported_at"),
        ({"latitude": "47.1", "longitude": ""}, "longitude"),
        ({"latitude": "95", "longitude": "37"}, "latitude"),
        ({"category": "murder"}, "category"),
    ],
)
def test_bad_incident_input_is_refused_on_the_field(
    client, officer_user, village, overrides, field
):
    client.force_login(officer_user)

    response = client.post(
        reverse("officers:incident_create"), factories.incident_post(village, **overrides)
    )

    assert field in response.context["form"].errors
    assert not Incident.objects.exists()


def test_an_order_over_the_autumn_clock_change_is_measured_in_real_time(client, officer_user, dv):
    # 25 Oct 12:00 to 4 Nov 12:00 2021 on the wall clock is ten days and one hour.
    client.force_login(officer_user)

    response = client.post(
        reverse("officers:order_edit", args=[dv.pk]),
        order_data(issued_at="2021-10-25T12:00", valid_until="2021-11-04T12:00"),
    )

    assert "valid_until" in response.context["form"].errors
    assert not RestrainingOrder.objects.exists()


@pytest.mark.parametrize("name", ["submit", "start", "close", "supplement", "photo"])
def test_a_crafted_post_to_another_stations_incident_is_refused(
    client, other_officer_user, dv, name
):
    client.force_login(other_officer_user)

    response = step(client, dv, name, comment="x", text="x")

    dv.refresh_from_db()
    assert response.status_code == 404
    assert dv.report_status == Incident.Report.DRAFT
    assert dv.case_status == Incident.Case.OPEN


def test_the_supervisor_finds_the_reports_waiting(client, supervisor_user, officer_user, dv, theft):
    client.force_login(officer_user)
    step(client, theft, "submit")
    client.force_login(supervisor_user)

    response = client.get(reverse("officers:incident_list"), {"report_status": "submitted"})

    assert list(response.context["object_list"]) == [theft]


def test_staff_see_the_metadata_of_a_restricted_incident_in_the_list(client, staff_user, dv):
    client.force_login(staff_user)

    content = client.get(reverse("officers:incident_list")).content.decode()

    assert dv.number in content
    assert "Домашнє насильство" in content
    assert SECRET not in content
    assert VICTIM not in content


def test_the_admin_history_of_a_restricted_incident_hides_the_details(client, admin_user, dv):
    dv.description = SECRET + " (оновлено)"
    dv.save()
    record = dv.history.first()
    client.force_login(admin_user)

    listing = client.get(reverse("admin:officers_incident_history", args=[dv.pk]))
    version = client.get(f"/admin/officers/incident/{dv.pk}/history/{record.history_id}/")

    assert listing.status_code == 200
    assert SECRET not in listing.content.decode()
    assert SECRET not in version.content.decode()
