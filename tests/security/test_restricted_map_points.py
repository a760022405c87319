"""Finding 1: the map's data gave a domestic-violence incident's own point (often the
victim's home) to people who may not read its details, and logged nothing."""

import pytest
from django.urls import reverse

from officers.models import RestrictedView
from tests import factories

HOME = (47.16530, 37.48740)  # the incident's own point: the victim's house
VILLAGE = (47.10000, 37.50000)


@pytest.fixture
def dv_at_home(officer, officer_user, village):
    village.latitude, village.longitude = VILLAGE
    village.save()
    incident = factories.make_incident(officer, "domestic_violence", village=village)
    incident.latitude, incident.longitude = HOME
    incident.save()
    return incident


def points(client) -> dict[str, list[float]]:
    data = client.get(reverse("officers:incident_map_data")).json()
    return {f["properties"]["number"]: f["geometry"]["coordinates"] for f in data["features"]}


@pytest.mark.parametrize("persona", ["staff_user", "admin_user", "other_supervisor"])
def test_attack_map_data_gives_a_dv_incidents_own_point_to_who_may_not_read_it(
    request, client_for, dv_at_home, persona
):
    if persona == "other_supervisor":
        user = factories.make_user("supervisor", "elsewhere")
        factories.make_station(name="Інша станція", village=dv_at_home.village).supervisors.add(
            user
        )
    else:
        user = request.getfixturevalue(persona)

    seen = points(client_for(user))

    assert [round(x, 5) for x in seen.get(dv_at_home.number, [])] in (
        [],
        [VILLAGE[1], VILLAGE[0]],
    )
    assert [HOME[1], HOME[0]] not in seen.values()
    assert not RestrictedView.objects.exists()


def test_without_a_village_point_the_dv_incident_is_left_off_their_map(
    client_for, staff_user, dv_at_home
):
    dv_at_home.village.latitude = dv_at_home.village.longitude = None
    dv_at_home.village.save()

    assert points(client_for(staff_user)) == {}


@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user"])
def test_the_stations_police_see_the_own_point_and_the_view_is_logged(
    request, client_for, dv_at_home, persona
):
    user = request.getfixturevalue(persona)

    seen = points(client_for(user))

    assert seen[dv_at_home.number] == [HOME[1], HOME[0]]
    [view] = RestrictedView.objects.all()
    assert (view.user, view.incident, view.get_what_display()) == (
        user,
        dv_at_home,
        "точка на мапі",
    )


def test_a_theft_keeps_its_own_point_for_everyone(client_for, staff_user, officer, officer_user):
    theft = factories.make_incident(officer, "theft")
    theft.latitude, theft.longitude = HOME
    theft.save()

    assert points(client_for(staff_user))[theft.number] == [HOME[1], HOME[0]]
    assert not RestrictedView.objects.exists()


def test_the_map_logs_each_own_point_once_a_day_and_tells_the_audit_log(
    client_for, supervisor_user, dv_at_home
):
    from audit.models import AuditEntry

    client = client_for(supervisor_user)
    for _ in range(3):
        points(client)

    assert RestrictedView.objects.count() == 1
    [entry] = AuditEntry.objects.filter(action=AuditEntry.Action.RESTRICTED_VIEW)
    assert entry.user == supervisor_user
    assert entry.summary == "map: own points of restricted incidents: 1"
