"""Each list page makes the same number of queries with 3 rows as with 60."""

import pytest
from django.urls import reverse

from tests import factories
from tests.querycount import queries_for


def add_communities(n, station):
    for _ in range(n):
        factories.make_village(factories.make_community(), station=station)


def add_villages(n, station):
    for _ in range(n):
        village = factories.make_village(station.village.community, station=station)
        factories.make_officer(station).villages.add(village)


def add_stations(n, station):
    for _ in range(n):
        other = factories.make_station(factories.make_village(station.village.community))
        factories.make_officer(other)


def add_officers(n, station):
    for _ in range(n):
        officer = factories.make_officer(station)
        officer.villages.add(station.village)


GROWERS = {
    "stations:community_list": add_communities,
    "stations:village_list": add_villages,
    "stations:station_list": add_stations,
    "officers:officer_list": add_officers,
}


@pytest.mark.parametrize("page", GROWERS)
def test_the_query_count_does_not_grow_with_the_rows(client, admin_user, station, page):
    client.force_login(admin_user)
    grow = GROWERS[page]
    url = reverse(page)

    grow(3, station)
    with_few = queries_for(client, url)
    grow(57, station)
    with_many = queries_for(client, url)

    assert with_few == with_many


@pytest.mark.parametrize("page", ["stations:village_list", "officers:officer_list"])
def test_the_query_count_does_not_grow_for_an_officer_either(client, officer_user, station, page):
    client.force_login(officer_user)
    url = reverse(page)

    GROWERS[page](3, station)
    with_few = queries_for(client, url)
    GROWERS[page](57, station)
    with_many = queries_for(client, url)

    assert with_few == with_many


def test_the_village_list_makes_ten_queries(client, staff_user, station, django_assert_num_queries):
    client.force_login(staff_user)
    add_villages(30, station)

    # session, user, user permissions, group permissions, count for the paginator,
    # the user's groups (role in the menu), the user's officer record (menu),
    # communities and stations for the filter choices, the page of villages.
    with django_assert_num_queries(10):
        client.get(reverse("stations:village_list"))
