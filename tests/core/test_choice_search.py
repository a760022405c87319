"""The filters' search-as-you-type offers only records the person may read."""

import re

import pytest
from django.urls import reverse

from tests import factories


def offered(client, kind: str, **params) -> list[str]:
    response = client.get(reverse("choice_search", args=[kind]), params)
    assert response.status_code == 200
    return re.findall(r'<div data-value="\d+">([^<]*)</div>', response.content.decode())


def test_staff_find_villages_of_every_community_by_every_word(
    client, staff_user, village, other_station
):
    far = factories.make_village(other_station.village.community, name="Старий Оскол")
    client.force_login(staff_user)

    assert offered(client, "villages", q="старий") == [
        f"Старий Крим · {village.community.name}",
        f"Старий Оскол · {far.community.name}",
    ]
    assert offered(client, "villages", q="старий крим") == [
        f"Старий Крим · {village.community.name}"
    ]
    assert offered(client, "villages", q="Staryi") == [f"Старий Крим · {village.community.name}"]


def test_a_supervisor_finds_only_their_stations_people(
    client, supervisor_user, officer, other_officer
):
    client.force_login(supervisor_user)

    assert offered(client, "officers") == [f"{officer.full_name} · {officer.station.name}"]
    assert offered(client, "officers", q=other_officer.surname) == []


def test_an_officer_finds_no_other_station(client, officer_user, station, other_station):
    client.force_login(officer_user)

    assert offered(client, "stations") == [f"{station.name} · {station.village.community.name}"]


def test_ten_at_a_time_with_a_link_to_more(client, staff_user, community):
    for n in range(12):
        factories.make_village(community, name=f"Лука {n:02}")
    client.force_login(staff_user)

    first = client.get(reverse("choice_search", args=["villages"]), {"q": "Лука"})
    second = offered(client, "villages", q="Лука", page=2)

    assert first.content.decode().count("data-value=") == 10
    assert 'data-next-page="2"' in first.content.decode()
    assert second == [f"Лука 10 · {community.name}", f"Лука 11 · {community.name}"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_it_only_answers_reading(client, staff_user, method):
    client.force_login(staff_user)

    response = getattr(client, method)(reverse("choice_search", args=["villages"]))

    assert response.status_code == 405


def test_words_that_look_like_markup_are_shown_as_text(client, staff_user, community):
    factories.make_village(community, name="<b>Село</b>")
    client.force_login(staff_user)

    body = client.get(reverse("choice_search", args=["villages"]), {"q": "<b>"}).content

    assert b"&lt;b&gt;" in body
    assert b"<b>" not in body
