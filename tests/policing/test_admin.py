"""Django admin: every model has a working change list and form; nothing is deleted there."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.admin_paging import EstimatedCountPaginator
from tests import factories

MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in ("policing", "stations", "officers")
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_each_model_has_a_working_change_list_and_add_form(client, admin_user, officer, model):
    factories.make_training(officer)
    client.force_login(admin_user)
    info = (model._meta.app_label, model._meta.model_name)

    listing = client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "а"})
    adding = client.get(reverse("admin:{}_{}_add".format(*info)))

    assert listing.status_code == 200
    # Acts and custody records come only from the acts' own pages.
    read_only = model._meta.model_name in (
        "handover",
        "custody",
        "shift",
        "incident",
        "restrictedview",
    )
    assert adding.status_code == (403 if read_only else 200)


@pytest.mark.parametrize("name", ["officer", "training"])
def test_officers_and_trainings_cannot_be_deleted_in_admin(client, admin_user, officer, name):
    obj = officer if name == "officer" else factories.make_training(officer)
    client.force_login(admin_user)

    response = client.post(reverse(f"admin:officers_{name}_delete", args=[obj.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_an_act_cannot_be_changed_or_deleted_in_admin(client, admin_user, confirmed_act):
    client.force_login(admin_user)
    url = reverse("admin:stations_handover_change", args=[confirmed_act.pk])

    client.post(url, {"place": "Elsewhere", "number": "X"})
    deleting = client.post(
        reverse("admin:stations_handover_delete", args=[confirmed_act.pk]), {"post": "yes"}
    )

    confirmed_act.refresh_from_db()
    assert confirmed_act.place != "Elsewhere"
    assert deleting.status_code == 403


def test_an_officer_change_page_shows_the_history(client, admin_user, officer):
    client.force_login(admin_user)

    response = client.get(reverse("admin:officers_officer_history", args=[officer.pk]))

    assert response.status_code == 200


def count_queries(captured, table: str) -> list[str]:
    return [q["sql"] for q in captured if "COUNT(" in q["sql"].upper() and f'"{table}"' in q["sql"]]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the row estimate is PostgreSQL's (pg_class)"
)
def test_a_big_unfiltered_change_list_takes_the_estimate_instead_of_counting(
    client, admin_user, station, monkeypatch
):
    for _ in range(12):
        factories.make_village(station.village.community)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE stations_village")
    monkeypatch.setattr(EstimatedCountPaginator, "ESTIMATE_ABOVE", 5)
    client.force_login(admin_user)

    with CaptureQueriesContext(connection) as unfiltered:
        page = client.get(reverse("admin:stations_village_changelist"))
    with CaptureQueriesContext(connection) as filtered:
        client.get(reverse("admin:stations_village_changelist"), {"q": "Село"})

    assert page.status_code == 200
    assert page.context["cl"].result_count >= 12
    assert count_queries(unfiltered, "stations_village") == []
    assert len(count_queries(filtered, "stations_village")) == 1  # no second, full count


def test_change_lists_never_count_the_whole_table_a_second_time():
    assert all(
        model_admin.show_full_result_count is False
        for model_admin in admin.site._registry.values()
        if model_admin.model._meta.app_label in {"policing", "stations", "officers"}
    )


@pytest.mark.parametrize(
    ("name", "field"), [("officers_incident", "occurred_at"), ("officers_shift", "started_at")]
)
def test_big_tables_filter_by_year_without_reading_every_row(
    client, admin_user, officer, name, field
):
    """No date hierarchy (it finds its years by reading every row): a year filter whose
    years come from the first and last dates."""
    kyiv = timezone.get_current_timezone()
    for year in (2021, 2022):
        start = datetime.datetime(year, 6, 1, 9, tzinfo=kyiv)
        factories.make_incident(officer, occurred_at=start, reported_at=start)
        factories.make_shift(officer, start)
    client.force_login(admin_user)
    url = reverse(f"admin:{name}_changelist")

    with CaptureQueriesContext(connection) as everything:
        page = client.get(url)
    only_2021 = client.get(url, {f"{field}_year": "2021"})
    nonsense = client.get(url, {f"{field}_year": "99999"})

    sql = " ".join(query["sql"] for query in everything.captured_queries).upper()
    assert "DISTINCT" not in sql
    assert 'href="?' + f'{field}_year=2022"' in page.content.decode()
    assert [getattr(row, field).year for row in only_2021.context["cl"].result_list] == [2021]
    assert nonsense.status_code == 200
    assert nonsense.context["cl"].result_count == 2
