"""A form sent back with mistakes says so first: the title, then a summary at the top with
a link to each field that needs mending (GOV.UK's error summary)."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


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
