"""Finding 10: the subject access report was a bulk dump. Any three letters returned up
to 500 parties, domestic-violence victims included, with phone, address and notes.

It now needs the person's whole name (or a name with the birth date) and a stated
reason, which the audit entry of the search keeps.
"""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from officers.models import Party
from tests.factories import make_incident, make_victim

NAME = "Коваленко Оксана Петрівна"
REASON = "Запит особи від 12.03.2026, лист № 17"
URL = "officers:subject_access"


@pytest.fixture
def victim(officer):
    return make_victim(officer, NAME)


@pytest.fixture
def neighbours(officer):
    """Other people whose names share three letters with the victim's."""
    incident = make_incident(officer, "domestic_violence")
    names = ["Коваль Петро", "Ковальчук Марія", "Мельник Оксана Ковалівна", "Коваленко Іван"]
    return [
        Party.objects.create(incident=incident, role="witness", full_name=name, phone="+3805000")
        for name in names
    ]


def search(client, **params):
    return client.post(reverse(URL), params)


@pytest.mark.parametrize("typed", ["ков", "Коваленко"], ids=["three letters", "one word"])
def test_attack_a_name_that_would_dump_many_people_is_refused(
    client, admin_user, victim, neighbours, typed
):
    client.force_login(admin_user)

    page = search(client, full_name=typed, reason=REASON)

    assert page.context["parties"] is None
    assert "full_name" in page.context["form"].errors
    assert "+380501112233" not in page.content.decode()
    assert not AuditEntry.objects.filter(action="restricted_view").exists()


def test_attack_a_search_without_a_reason_is_refused_on_the_reason_field(
    client, admin_user, victim
):
    client.force_login(admin_user)

    page = search(client, full_name=NAME, reason="   ")

    assert page.context["parties"] is None
    assert list(page.context["form"].errors) == ["reason"]
    assert "+380501112233" not in page.content.decode()


def test_attack_a_crafted_post_without_the_reason_downloads_nothing(client, admin_user, victim):
    client.force_login(admin_user)

    response = search(client, full_name=NAME, export="xlsx")

    assert "attachment" not in response.get("Content-Disposition", "")
    assert "+380501112233" not in response.content.decode()
    assert "reason" in response.context["form"].errors
    assert not AuditEntry.objects.filter(action="restricted_view").exists()


def test_attack_the_search_in_the_address_finds_nothing(client, admin_user, victim):
    """Names in addresses end up in browser history and server logs: a GET only shows
    the empty form."""
    client.force_login(admin_user)

    page = client.get(reverse(URL), {"full_name": NAME, "reason": REASON, "export": "csv"})

    assert "attachment" not in page.get("Content-Disposition", "")
    assert page.context["parties"] is None
    assert not page.context["form"].is_bound
    assert "+380501112233" not in page.content.decode()


def test_the_downloads_send_the_search_again_by_post(client, admin_user, victim):
    client.force_login(admin_user)

    page = search(client, full_name=NAME, reason=REASON).content.decode()
    download = search(client, full_name=NAME, reason=REASON, export="csv")

    assert 'form="subject-access-form" name="export" value="xlsx"' in page
    assert '<form method="post" id="subject-access-form"' in page
    assert download["Content-Disposition"].startswith('attachment; filename="subject-access')
    assert "+380501112233" in b"".join(download.streaming_content).decode("utf-8-sig")


def test_a_refused_search_keeps_what_was_typed(client, admin_user):
    client.force_login(admin_user)

    page = search(client, full_name="Коваленко", reason=REASON).content.decode()

    assert 'value="Коваленко"' in page
    assert f'value="{REASON}"' in page


@pytest.mark.parametrize(
    "typed", [NAME, "коваленко оксана петрівна", "  КОВАЛЕНКО   Оксана\tПЕТРІВНА "]
)
def test_the_whole_name_finds_the_person_in_any_case(client, admin_user, victim, neighbours, typed):
    client.force_login(admin_user)

    page = search(client, full_name=typed, reason=REASON)

    assert page.context["parties"] == [victim]
    assert "+380501112233" in page.content.decode()


def test_a_name_recorded_with_other_spacing_or_apostrophe_is_found(client, admin_user, officer):
    recorded = Party.objects.create(
        incident=make_incident(officer), role="witness", full_name="Мар’яненко  Мар’яна"
    )
    client.force_login(admin_user)

    page = search(client, full_name="мар'яненко мар'яна", reason=REASON)

    assert page.context["parties"] == [recorded]


def test_the_reason_is_kept_in_the_audit_entry_of_the_search(client, admin_user, victim):
    client.force_login(admin_user)

    search(client, full_name=NAME.upper(), reason=REASON)

    entry = AuditEntry.objects.get(action="subject_access")
    assert entry.user == admin_user
    assert REASON in entry.summary
    assert NAME.upper() in entry.summary


@pytest.mark.parametrize("typed", ["Коваленко", NAME.lower()])
def test_a_name_with_the_birth_date_finds_the_person(client, admin_user, victim, typed):
    born_later = Party.objects.create(
        incident=victim.incident,
        role="witness",
        full_name=NAME,
        date_of_birth=datetime.date(1990, 1, 1),
    )
    client.force_login(admin_user)

    page = search(client, full_name=typed, date_of_birth="1984-03-02", reason=REASON)

    assert page.context["parties"] == [victim]
    assert born_later not in page.context["parties"]


def test_with_the_birth_date_an_undated_record_of_the_whole_name_is_kept(
    client, admin_user, victim, neighbours
):
    undated = Party.objects.create(incident=victim.incident, role="complainant", full_name=NAME)
    client.force_login(admin_user)

    page = search(client, full_name=NAME, date_of_birth="1984-03-02", reason=REASON)

    assert set(page.context["parties"]) == {victim, undated}


def test_attack_a_surname_with_any_birth_date_does_not_list_undated_records(
    client, admin_user, victim, neighbours
):
    client.force_login(admin_user)

    page = search(client, full_name="Коваленко", date_of_birth="2001-01-01", reason=REASON)

    assert page.context["parties"] == []


@pytest.mark.parametrize(
    "typed", ["Коваленко Оксана", "оксана коваленко", "Оксана Петрівна Коваленко"]
)
def test_surname_and_given_name_find_the_fuller_record_in_any_order(
    client, admin_user, victim, neighbours, typed
):
    client.force_login(admin_user)

    page = search(client, full_name=typed, reason=REASON)

    assert page.context["parties"] == [victim]


def test_two_words_that_are_only_parts_of_words_find_nobody(client, admin_user, victim, neighbours):
    client.force_login(admin_user)

    page = search(client, full_name="Ковал Окс", reason=REASON)

    assert page.context["parties"] == []
