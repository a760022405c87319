"""Ukrainian by default, English on request; Kyiv time; formats follow the language."""

import datetime
from html import unescape

from django.conf import settings
from django.urls import reverse
from django.utils import timezone


def test_the_interface_is_ukrainian_by_default(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("stations:village_list"), HTTP_ACCEPT_LANGUAGE="en-US,en")

    content = response.content.decode()
    assert '<html lang="uk">' in content
    assert "<h1>Села</h1>" in content


def test_the_switch_turns_the_interface_english(client, staff_user):
    client.force_login(staff_user)

    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": reverse("stations:village_list")},
        follow=True,
    )

    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "<h1>Villages</h1>" in content


def test_the_switch_back_to_ukrainian_sticks(client, staff_user):
    client.force_login(staff_user)
    client.post(reverse("set_language"), {"language": "en"})

    client.post(reverse("set_language"), {"language": "uk"})

    assert "<h1>Села</h1>" in client.get(reverse("stations:village_list")).content.decode()


def test_an_unknown_language_cookie_falls_back_to_ukrainian(client, staff_user):
    client.force_login(staff_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"

    assert "<h1>Села</h1>" in client.get(reverse("stations:village_list")).content.decode()


def test_form_errors_are_translated(client, staff_user):
    client.force_login(staff_user)

    uk = unescape(client.post(reverse("stations:community_create"), {}).content.decode())
    client.post(reverse("set_language"), {"language": "en"})
    en = unescape(client.post(reverse("stations:community_create"), {}).content.decode())

    assert "Це поле обов'язкове." in uk
    assert "This field is required." in en


def test_dates_follow_the_language(client, staff_user, officer):
    client.force_login(staff_user)
    url = officer.get_absolute_url()

    uk = client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en"})
    en = client.get(url).content.decode()

    assert "19 жовтня 2021" in uk
    assert "Oct. 19, 2021" in en


def test_time_zone_is_kyiv():
    moment = datetime.datetime(2022, 1, 19, 10, 0, tzinfo=datetime.UTC)

    assert settings.TIME_ZONE == "Europe/Kyiv"
    assert timezone.localtime(moment).hour == 12


def test_numbers_follow_the_language(client, staff_user, village):
    village.population = 8900
    village.save()
    client.force_login(staff_user)

    uk = client.get(village.get_absolute_url()).content.decode()
    client.post(reverse("set_language"), {"language": "en"})
    en = client.get(village.get_absolute_url()).content.decode()

    assert "8\xa0900" in uk
    assert "8,900" in en


def test_sort_choices_follow_the_language_of_the_page(client, staff_user, village):
    client.force_login(staff_user)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("stations:village_list")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"
    ukrainian = client.get(reverse("stations:village_list")).content.decode()

    assert '<option value="-name">Name (descending)</option>' in english
    assert '<option value="-name">Назва (по спадаючій)</option>' in ukrainian
