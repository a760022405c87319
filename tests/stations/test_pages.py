"""What the territory pages show, and that nothing referenced can be removed."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from tests import factories


def test_a_village_page_shows_its_station_officers_and_population(
    client, staff_user, village, station, officer
):
    village.population = 8900
    village.save()
    client.force_login(staff_user)

    content = client.get(village.get_absolute_url()).content.decode()

    assert station.name in content
    assert officer.full_name in content
    assert "8\xa0900" in content


def test_a_station_page_shows_villages_officers_and_facilities(
    client, staff_user, station, second_village, officer
):
    station.has_rest_room = True
    station.save()
    client.force_login(staff_user)

    content = client.get(station.get_absolute_url()).content.decode()

    assert second_village.name in content
    assert officer.full_name in content
    assert "Кімната відпочинку" in content


def test_an_edit_is_kept_in_the_history_shown_on_the_page(client, staff_user, village, station):
    client.force_login(staff_user)

    client.post(
        reverse("stations:village_update", args=[village.pk]),
        {
            "community": village.community_id,
            "name": village.name,
            "name_latin": village.name_latin,
            "kind": "village",
            "population": "9100",
            "station": station.pk,
        },
    )
    content = client.get(village.get_absolute_url()).content.decode()

    village.refresh_from_db()
    assert village.population == 9100
    assert village.history.first().history_user == staff_user
    assert "→ 9100" in content
    assert "staff" in content


def test_search_ignores_case_in_cyrillic(client, staff_user, village):
    client.force_login(staff_user)

    response = client.get(reverse("stations:village_list"), {"q": "старий"})

    assert list(response.context["object_list"]) == [village]


def test_search_finds_the_latin_name(client, staff_user, village):
    client.force_login(staff_user)

    response = client.get(reverse("stations:village_list"), {"q": "krym"})

    assert list(response.context["object_list"]) == [village]


def test_filters_narrow_the_list_and_keep_the_url(client, staff_user, station, other_station):
    client.force_login(staff_user)

    response = client.get(reverse("stations:village_list"), {"station": station.pk})

    assert [v.station for v in response.context["object_list"]] == [station]


def test_a_list_sorts_by_population(client, staff_user, community):
    small = factories.make_village(community, population=10)
    big = factories.make_village(community, population=5000)
    client.force_login(staff_user)

    response = client.get(reverse("stations:village_list"), {"ordering": "-population"})

    assert list(response.context["object_list"]) == [big, small]


def test_a_list_paginates(client, staff_user, community):
    for _ in range(30):
        factories.make_village(community)
    client.force_login(staff_user)

    first = client.get(reverse("stations:village_list"))
    second = client.get(reverse("stations:village_list"), {"page": 2})

    assert len(first.context["object_list"]) == 25
    assert len(second.context["object_list"]) == 5


def test_an_empty_list_says_so_and_offers_to_add(client, staff_user):
    client.force_login(staff_user)

    content = client.get(reverse("stations:station_list")).content.decode()

    assert "Станцій не знайдено." in content
    assert reverse("stations:station_create") in content


def test_a_station_with_officers_cannot_be_deleted(officer):
    with pytest.raises(ProtectedError):
        officer.station.delete()


def test_a_village_with_a_station_cannot_be_deleted(station):
    with pytest.raises(ProtectedError):
        station.village.delete()


@pytest.mark.parametrize("model", ["community", "village", "station"])
def test_django_admin_offers_no_delete(client, admin_user, officer, model):
    obj = {
        "community": officer.station.village.community,
        "village": officer.station.village,
        "station": officer.station,
    }[model]
    client.force_login(admin_user)

    response = client.get(reverse(f"admin:stations_{model}_delete", args=[obj.pk]))

    assert response.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
