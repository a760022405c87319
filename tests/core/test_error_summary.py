"""A form sent back with mistakes says so first: the title, then a summary at the top with
a link to each field that needs mending (GOV.UK's error summary)."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return found.group(1).strip()


def summary(html: str) -> str:
    match = re.search(r'<div class="alert alert-danger error-summary".*?</div>', html, re.S)
    assert match, "no error summary"
    return match.group(0)


def test_a_form_with_mistakes_says_so_first(client, staff_user, community):
    client.force_login(staff_user)

    html = client.post("/villages/new/", {"community": community.pk}).content.decode()

    assert title(html).startswith("Помилка: ")
    assert 'href="#id_name"' in summary(html)
    assert "Назва: " in summary(html)
    assert html.index("error-summary") < html.index("<h1")


def test_the_title_is_translated(client, staff_user, community):
    client.force_login(staff_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.post("/villages/new/", {"community": community.pk}).content.decode()

    assert title(html).startswith("Error: ")
    assert "There is a problem" in summary(html)


def test_an_act_without_items_says_what_is_missing(client, staff_user, officer):
    client.force_login(staff_user)

    html = client.post(
        "/acts/issue/",
        {
            "officer": officer.pk,
            "occurred_at": "2022-01-19T11:00",
            "place": "Старий Крим",
            "official_name": "Вадим Бойченко",
            "official_role": "Міський голова",
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-condition": "good",
        },
    ).content.decode()

    assert title(html).startswith("Помилка: ")
    assert "<li>" in summary(html)


def test_a_page_without_mistakes_has_no_summary(client, staff_user, community):
    client.force_login(staff_user)

    html = client.get("/villages/new/").content.decode()

    assert "error-summary" not in html
    assert not title(html).startswith("Помилка")


def test_a_wrong_password_is_summarised_on_the_sign_in_page(client, staff_user):
    html = client.post(
        "/accounts/login/", {"username": "staff", "password": "not it"}
    ).content.decode()

    assert title(html).startswith("Помилка: ")
    assert "error-summary" in html


def test_a_shift_returned_without_a_reason_comes_back_with_the_field(
    client, supervisor_user, officer
):
    import datetime

    from django.utils import timezone

    from officers.models import Shift
    from tests import factories

    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=10), hours=8)
    shift.status = Shift.Status.SUBMITTED
    shift.save()
    client.force_login(supervisor_user)

    response = client.post(f"/shifts/{shift.pk}/return/", {"comment": "  "})

    shift.refresh_from_db()
    assert response.status_code == 200
    assert 'href="#id_comment"' in summary(response.content.decode())
    assert shift.status == Shift.Status.SUBMITTED


def test_a_group_of_checkboxes_is_linked_by_its_first_box(client, officer_user, officer):
    import datetime

    from django.utils import timezone

    from tests import factories

    shift = factories.make_shift(officer, timezone.now() - datetime.timedelta(hours=3), hours=None)
    client.force_login(officer_user)

    html = client.post(f"/shifts/{shift.pk}/end/", {"summary": "Патрулювання."}).content.decode()

    assert 'href="#id_villages_0"' in summary(html)
    assert 'id="id_villages_0"' in html
