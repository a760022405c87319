"""Each list page makes the same number of queries with 3 rows as with 60."""

import pytest
from django.urls import reverse

from tests import factories
from tests.querycount import queries_for


def queries_with_few_and_many(client, page, grow, station) -> tuple[int, int]:
    """The page's query count with 3 rows grown, then with 60."""
    url = reverse(page)
    grow(3, station)
    with_few = queries_for(client, url)
    grow(57, station)
    return with_few, queries_for(client, url)


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


def test_the_village_list_makes_twelve_queries(
    client, staff_user, station, django_assert_num_queries
):
    client.force_login(staff_user)
    add_villages(30, station)

    # session, user, whether the user has a phone enrolled and the user's groups (asked
    # afresh on every request of a session without a second factor: a role given while
    # signed in counts at once; the groups also give the role in the menu), user
    # permissions, group permissions, count for the paginator, the user's officer record
    # (menu), the page of villages; then the session is saved again (savepoint, update,
    # release) to keep it alive 30 minutes. Staff search communities and stations by
    # typing: no choices.
    with django_assert_num_queries(12):
        client.get(reverse("stations:village_list"))


def add_vehicles(n, station):
    from django.utils import timezone

    for _ in range(n):
        car = factories.make_vehicle(station)
        car.readings.create(read_at=timezone.now(), km=100)
        factories.make_item(station, "vehicle_keys", vehicle=car)


def add_items(n, station):
    officer = factories.make_officer(station)
    for index in range(n):
        item = factories.make_item(station, "weapon" if index % 2 else "radio")
        if index % 3 == 0:
            factories.issue(officer, item)


def add_acts(n, station):
    officer = factories.make_officer(station)
    for _ in range(n):
        factories.issue(officer, factories.make_item(station), factories.make_item(station))


def add_events(n, station):
    officer = factories.make_officer(station)
    for index in range(n):
        village = factories.make_village(station.village.community, station=station)
        factories.make_event(officer, village=village, kind="lecture" if index % 2 else "meeting")


def add_appeals(n, station):
    officer = factories.make_officer(station)
    for _ in range(n):
        village = factories.make_village(station.village.community, station=station)
        factories.make_appeal(officer, village=village)


# Each list page, who looks at it, and how its rows are grown.
LISTS = [
    ("stations:community_list", "admin_user", add_communities),
    ("stations:village_list", "admin_user", add_villages),
    ("stations:station_list", "admin_user", add_stations),
    ("officers:officer_list", "admin_user", add_officers),
    ("stations:village_list", "officer_user", add_villages),
    ("officers:officer_list", "officer_user", add_officers),
    ("officers:district_list", "staff_user", add_officers),
    ("officers:district_list", "supervisor_user", add_officers),
    ("prevention:preventiveevent_list", "staff_user", add_events),
    ("appeals:appeal_list", "staff_user", add_appeals),
    ("appeals:appeal_list", "supervisor_user", add_appeals),
    ("prevention:preventiveevent_list", "supervisor_user", add_events),
    ("stations:vehicle_list", "staff_user", add_vehicles),
    ("stations:equipmentitem_list", "staff_user", add_items),
    ("stations:handover_list", "staff_user", add_acts),
    ("stations:custody_report", "staff_user", add_acts),
]


@pytest.mark.parametrize(("page", "who", "grow"), LISTS)
def test_the_query_count_does_not_grow_with_the_rows(client, request, station, page, who, grow):
    client.force_login(request.getfixturevalue(who))
    with_few, with_many = queries_with_few_and_many(client, page, grow, station)
    assert with_few == with_many


def test_an_item_timeline_does_not_grow_in_queries(client, staff_user, station):
    from django.utils import timezone

    client.force_login(staff_user)
    item = factories.make_item(station)
    officer = factories.make_officer(station)

    def hand_over_and_back(times):
        for _ in range(times):
            factories.issue(officer, item, occurred_at=timezone.now())
            factories.take_back(officer, item, by=staff_user)

    hand_over_and_back(2)
    with_few = queries_for(client, item.get_absolute_url())
    hand_over_and_back(20)
    with_many = queries_for(client, item.get_absolute_url())

    assert with_few == with_many


def test_a_vehicle_page_does_not_grow_in_queries(client, staff_user, station):
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from stations import services

    client.force_login(staff_user)
    car = factories.make_vehicle(station)
    keys = factories.make_item(station, "vehicle_keys", vehicle=car)
    start = timezone.now() - datetime.timedelta(days=150)

    def log(first, count):
        for step in range(first, first + count):
            services.fuel_record_add(
                vehicle=car,
                filled_at=start + datetime.timedelta(days=step),
                litres=Decimal("30"),
                cost_uah=Decimal("1000"),
                odometer_km=1000 + step * 100,
                user=staff_user,
            )

    log(0, 3)
    factories.issue(factories.make_officer(station), keys)
    with_few = queries_for(client, car.get_absolute_url())
    log(3, 60)
    with_many = queries_for(client, car.get_absolute_url())

    assert with_few == with_many
