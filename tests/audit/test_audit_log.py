"""The audit log records who did what, when, from where and with what outcome, and
nothing can change or remove an entry (on PostgreSQL not even raw SQL)."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import SUPERVISOR, assign_role
from audit.models import AppendOnlyError, AuditEntry
from stations.models import Handover, Village
from tests.factories import PASSWORD, current_code, enrolled_phone, make_incident

A = AuditEntry.Action
ADDRESS = "198.51.100.7"


@pytest.fixture(autouse=True)
def fresh_cache(db):  # the cache lives in the database unless REDIS_URL is set
    from django.core.cache import cache

    cache.clear()


def entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("at", "id"))


def sign_in(client, username, password=PASSWORD):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ADDRESS
    )


def test_a_sign_in_is_recorded_with_who_and_from_where(db, staff_user):
    sign_in(Client(), "staff")

    [entry] = entries(A.SIGN_IN)
    assert (entry.user, entry.username, entry.address, entry.outcome) == (
        staff_user,
        "staff",
        ADDRESS,
        "ok",
    )


def test_a_failed_sign_in_keeps_the_name_typed_but_never_the_password(db, staff_user):
    sign_in(Client(), "staff", password="Secret-guess-123")

    [entry] = entries(A.SIGN_IN_FAILED)
    assert (entry.username, entry.outcome, entry.address) == ("staff", "failed", ADDRESS)
    for row in AuditEntry.objects.values_list("username", "summary", "object_id"):
        assert "Secret-guess-123" not in " ".join(row)


def test_sign_out_and_lock_out_are_recorded(db, staff_user):
    browser = Client()
    sign_in(browser, "staff")
    browser.post(reverse("logout"))
    for _ in range(5):
        sign_in(browser, "staff", password="wrong-password")

    assert [e.user for e in entries(A.SIGN_OUT)] == [staff_user]
    assert [e.username for e in entries(A.LOCKED_OUT)] == ["staff"]


def test_a_wrong_second_factor_code_is_recorded(db, officer_user):
    browser = Client()
    device = enrolled_phone(officer_user)
    sign_in(browser, "officer")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    browser.post(reverse("two_factor_verify"), {"code": wrong}, REMOTE_ADDR=ADDRESS)

    [entry] = entries(A.CODE_FAILED)
    assert (entry.user, entry.outcome) == (officer_user, "failed")
    assert wrong not in entry.summary


def test_a_role_change_is_recorded(db, staff_user):
    assign_role(staff_user, SUPERVISOR)

    summaries = [e.summary for e in entries(A.ROLE_CHANGED)]
    assert any("supervisor" in s and "+" in s for s in summaries)
    assert any("council_staff" in s and "−" in s for s in summaries)


def test_creating_and_changing_a_record_through_a_page_is_recorded(
    client, staff_user, community, station
):
    client.force_login(staff_user)
    form = {
        "name": "Миколаївка",
        "name_latin": "Mykolaivka",
        "kind": "village",
        "community": community.pk,
    }
    client.post(reverse("stations:village_create"), form, REMOTE_ADDR=ADDRESS)
    village = Village.objects.get(name="Миколаївка")
    client.post(reverse("stations:village_update", args=[village.pk]), form | {"population": 5})

    about_it = AuditEntry.objects.filter(object_type="stations.village", object_id=village.pk)
    assert [(e.action, e.user, e.address) for e in about_it.order_by("id")] == [
        (A.CREATED, staff_user, ADDRESS),
        (A.UPDATED, staff_user, "127.0.0.1"),
    ]


def test_an_entry_commits_or_rolls_back_with_its_change(db, community):
    def save_then_fail():
        with transaction.atomic():
            Village.objects.create(community=community, name="Примара")
            assert AuditEntry.objects.filter(object_type="stations.village").exists()
            raise RuntimeError("the form failed later")

    with pytest.raises(RuntimeError):
        save_then_fail()

    assert not Village.objects.filter(name="Примара").exists()
    assert not AuditEntry.objects.filter(object_type="stations.village").exists()


def test_a_change_is_not_saved_when_its_audit_entry_cannot_be(
    client, staff_user, community, monkeypatch
):
    def broken(*args, **kwargs):
        raise DatabaseError("audit table unavailable")

    client.force_login(staff_user)
    monkeypatch.setattr(AuditEntry.objects, "create", broken)
    client.raise_request_exception = False
    client.post(
        reverse("stations:village_create"),
        {
            "name": "Без сліду",
            "name_latin": "Bez slidu",
            "kind": "village",
            "community": community.pk,
        },
    )

    assert not Village.objects.filter(name="Без сліду").exists()


def test_a_view_of_restricted_details_is_recorded(client, officer_user, officer):
    incident = make_incident(officer, "domestic_violence")
    client.force_login(officer_user)

    client.get(reverse("officers:incident_detail", args=[incident.pk]))

    [entry] = entries(A.RESTRICTED_VIEW)
    assert (entry.user, entry.object_type, entry.object_id) == (
        officer_user,
        "officers.incident",
        str(incident.pk),
    )


def test_a_download_is_recorded_with_its_filters(client, staff_user, radio):
    client.force_login(staff_user)

    client.get(reverse("stations:equipmentitem_list"), {"q": "radio", "export": "csv"})

    [entry] = entries(A.EXPORTED)
    assert entry.user == staff_user
    assert "export=csv" in entry.summary
    assert "q=" in entry.summary


def test_use_of_django_admin_is_recorded(client, admin_user):
    client.force_login(admin_user)

    client.get(reverse("admin:policing_user_changelist"))

    assert [e.summary for e in entries(A.ADMIN)] == ["GET /admin/policing/user/"]


def test_a_refused_request_for_another_stations_record_is_recorded(
    client, officer_user, other_officer
):
    client.force_login(officer_user)
    url = reverse("officers:officer_detail", args=[other_officer.pk])

    assert client.get(url, REMOTE_ADDR=ADDRESS).status_code == 404

    [entry] = entries(A.DENIED)
    assert (entry.user, entry.outcome, entry.summary) == (officer_user, "denied", f"GET {url}")


def test_no_method_changes_or_deletes_an_entry(db, staff_user):
    entry = AuditEntry.objects.create(action=A.SIGN_IN, user=staff_user, username="staff")

    entry.summary = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(summary="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).summary == ""


def test_django_admin_offers_no_way_to_edit_the_log(client, admin_user):
    client.force_login(admin_user)

    assert client.get("/admin/audit/auditentry/").status_code == 404


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers are PostgreSQL's (django-pgtrigger)"
)


@postgres_only
@pytest.mark.parametrize(
    "sql",
    ["UPDATE audit_auditentry SET summary = 'rewritten'", "DELETE FROM audit_auditentry"],
)
def test_the_database_refuses_to_change_or_delete_a_recent_entry(db, sql):
    AuditEntry.objects.create(action=A.SIGN_IN, username="staff")

    with (
        pytest.raises(DatabaseError, match="Cannot"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)

    assert AuditEntry.objects.filter(summary="").count() == 1


@postgres_only
def test_the_database_lets_entries_past_a_year_go(db):
    AuditEntry.objects.create(action=A.SIGN_IN, at=timezone.now() - datetime.timedelta(days=400))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")

    assert not AuditEntry.objects.exists()


@postgres_only
@pytest.mark.parametrize(
    "sql",
    ["UPDATE stations_handover SET notes = 'rewritten'", "DELETE FROM stations_handover"],
)
def test_the_database_refuses_to_change_a_confirmed_act(confirmed_act, act, sql):
    with (
        pytest.raises(DatabaseError, match="Cannot"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql + " WHERE confirmed_at IS NOT NULL")

    with connection.cursor() as cursor:
        cursor.execute("UPDATE stations_handover SET notes = 'draft note' WHERE id = %s", [act.pk])
    assert Handover.objects.get(pk=confirmed_act.pk).notes == ""
    assert Handover.objects.get(pk=act.pk).notes == "draft note"


def test_pruning_removes_only_entries_past_the_retention_period(db, settings):
    settings.AUDIT_RETENTION_DAYS = 400
    now = timezone.now()
    for days in (401, 399, 10):
        AuditEntry.objects.create(action=A.SIGN_IN, at=now - datetime.timedelta(days=days))

    call_command("prune_audit")

    kept = sorted((now - e.at).days for e in AuditEntry.objects.all())
    assert kept == [10, 399]


def test_pruning_never_removes_entries_younger_than_a_year(db):
    AuditEntry.objects.create(action=A.SIGN_IN, at=timezone.now() - datetime.timedelta(days=200))

    with pytest.raises(CommandError, match="365"):
        call_command("prune_audit", days=100)
    assert AuditEntry.objects.count() == 1


def test_the_settings_refuse_a_retention_under_a_year():
    from tests.policing.test_settings import load_settings

    result = load_settings(DJANGO_DEBUG="true", DJANGO_AUDIT_RETENTION_DAYS="90")

    assert result.returncode != 0
    assert "DJANGO_AUDIT_RETENTION_DAYS" in result.stderr


def test_administrators_search_the_log_and_download_what_they_found(client, admin_user, staff_user):
    AuditEntry.objects.create(action=A.SIGN_IN, username="staff", address=ADDRESS)
    AuditEntry.objects.create(
        action=A.SIGN_IN_FAILED, username="intruder", outcome="failed", address=ADDRESS
    )
    client.force_login(admin_user)

    page = client.get(reverse("audit:auditentry_list"), {"action": "sign_in_failed"})
    download = client.get(
        reverse("audit:auditentry_list"), {"action": "sign_in_failed", "export": "csv"}
    )

    assert [e.username for e in page.context["object_list"]] == ["intruder"]
    lines = b"".join(download.streaming_content).decode().strip().splitlines()
    assert len(lines) == 2
    assert "intruder" in lines[1]


def test_an_address_that_is_not_one_is_an_error_on_the_filter(client, admin_user):
    AuditEntry.objects.create(action=A.SIGN_IN, username="staff", address=ADDRESS)
    client.force_login(admin_user)

    page = client.get(reverse("audit:auditentry_list"), {"address": "B5"})

    assert page.status_code == 200
    assert "address" in page.context["filter"].errors
