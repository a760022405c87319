"""Every role against every page: allowed (200), forbidden (403), hidden (404) or sign-in.

"own" objects belong to the officer's station (which the supervisor supervises);
"other" objects belong to another community's station.
"""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

H = datetime.timedelta(hours=1)
ROLES = ["anonymous", "officer", "supervisor", "staff", "admin"]
LOGIN = "login"

# page, object it is about, expected answer per role (in the order of ROLES)
PAGES: list[tuple[str, str | None, list[str | int]]] = [
    ("home", None, [LOGIN, 200, 200, 200, 200]),
    ("health", None, [200, 200, 200, 200, 200]),
    ("password_change", None, [LOGIN, 200, 200, 200, 200]),
    ("two_factor_setup", None, [LOGIN, 200, 200, 200, 200]),
    ("audit:auditentry_list", None, [LOGIN, 403, 403, 403, 200]),
    ("officers:subject_access", None, [LOGIN, 403, 403, 403, 200]),
    # Everyone here has passed (or, as staff, does not need) the second step already.
    ("two_factor_verify", None, [LOGIN, 302, 302, 302, 302]),
    ("stations:community_list", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:community_detail", "own_community", [LOGIN, 200, 200, 200, 200]),
    ("stations:community_detail", "other_community", [LOGIN, 404, 404, 200, 200]),
    ("stations:community_create", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:community_update", "own_community", [LOGIN, 403, 403, 200, 200]),
    ("stations:village_list", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:village_detail", "own_village", [LOGIN, 200, 200, 200, 200]),
    ("stations:village_detail", "other_village", [LOGIN, 404, 404, 200, 200]),
    ("stations:village_create", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:village_update", "own_village", [LOGIN, 403, 403, 200, 200]),
    ("stations:station_list", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:station_detail", "own_station", [LOGIN, 200, 200, 200, 200]),
    ("stations:station_detail", "other_station", [LOGIN, 404, 404, 200, 200]),
    ("stations:station_create", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:station_update", "own_station", [LOGIN, 403, 403, 200, 200]),
    ("officers:officer_list", None, [LOGIN, 200, 200, 200, 200]),
    ("officers:officer_detail", "own_officer", [LOGIN, 200, 200, 200, 200]),
    ("officers:officer_detail", "other_officer", [LOGIN, 404, 404, 200, 200]),
    ("officers:officer_create", None, [LOGIN, 403, 403, 200, 200]),
    ("officers:officer_update", "own_officer", [LOGIN, 403, 403, 200, 200]),
    ("officers:officer_leave", "own_officer", [LOGIN, 403, 403, 200, 200]),
    ("officers:training_create", "own_officer", [LOGIN, 403, 403, 200, 200]),
    ("officers:district_list", None, [LOGIN, 200, 200, 200, 200]),
    ("officers:district_detail", "own_officer", [LOGIN, 200, 200, 200, 200]),
    ("officers:district_detail", "other_officer", [LOGIN, 404, 404, 200, 200]),
    ("officers:reception_notice", "own_village", [LOGIN, 200, 200, 200, 200]),
    ("officers:reception_notice", "other_village", [LOGIN, 404, 404, 200, 200]),
    # the community's public page: off unless switched on (tests/officers/test_reception)
    ("officers:public_community", "own_community", [404, 404, 404, 404, 404]),
    ("officers:public_photo", "own_officer", [404, 404, 404, 404, 404]),
    ("officers:training_update", "own_training", [LOGIN, 403, 403, 200, 200]),
    ("stations:vehicle_list", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:vehicle_detail", "own_vehicle", [LOGIN, 200, 200, 200, 200]),
    ("stations:vehicle_detail", "other_vehicle", [LOGIN, 404, 404, 200, 200]),
    ("stations:vehicle_create", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:vehicle_update", "own_vehicle", [LOGIN, 403, 403, 200, 200]),
    ("stations:vehicle_logbook_add", "own_vehicle/fuel", [LOGIN, 403, 403, 200, 200]),
    ("stations:vehicle_logbook_add", "own_vehicle/reading", [LOGIN, 403, 403, 200, 200]),
    ("stations:vehicle_logbook_add", "other_vehicle/maintenance", [LOGIN, 403, 403, 200, 200]),
    ("stations:equipmentitem_list", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:equipmentitem_detail", "held_item", [LOGIN, 200, 200, 200, 200]),
    ("stations:equipmentitem_detail", "store_item", [LOGIN, 404, 200, 200, 200]),
    ("stations:equipmentitem_detail", "other_item", [LOGIN, 404, 404, 200, 200]),
    ("stations:equipmentitem_create", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:equipmentitem_update", "held_item", [LOGIN, 403, 403, 200, 200]),
    ("stations:handover_list", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:handover_detail", "own_act", [LOGIN, 200, 200, 200, 200]),
    ("stations:handover_detail", "colleague_act", [LOGIN, 404, 200, 200, 200]),
    ("stations:handover_detail", "other_act", [LOGIN, 404, 404, 200, 200]),
    ("stations:handover_print", "own_act", [LOGIN, 200, 200, 200, 200]),
    ("stations:handover_print", "other_act", [LOGIN, 404, 404, 200, 200]),
    ("stations:handover_create", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:handover_return", None, [LOGIN, 403, 403, 200, 200]),
    ("stations:custody_report", None, [LOGIN, 200, 200, 200, 200]),
    ("stations:custody_report", "report/overdue", [LOGIN, 200, 200, 200, 200]),
    ("stations:custody_report", "report/unconfirmed", [LOGIN, 200, 200, 200, 200]),
    ("stations:custody_report", "report/in_repair", [LOGIN, 200, 200, 200, 200]),
    ("officers:shift_list", None, [LOGIN, 200, 200, 200, 200]),
    # the officer is on duty in this world: the start form leads to the shift under way
    ("officers:shift_create", None, [LOGIN, 302, 403, 403, 403]),
    ("officers:shift_queue", None, [LOGIN, 403, 200, 403, 200]),
    ("officers:shift_detail", "own_shift", [LOGIN, 200, 200, 200, 200]),
    ("officers:shift_detail", "other_shift", [LOGIN, 404, 404, 200, 200]),
    ("officers:shift_end", "own_shift", [LOGIN, 200, 403, 403, 403]),
    ("officers:shift_edit", "own_shift", [LOGIN, 200, 403, 403, 403]),
    ("officers:shift_edit", "other_shift", [LOGIN, 404, 404, 403, 403]),
    ("officers:station_timesheet", "own_station", [LOGIN, 200, 200, 200, 200]),
    ("officers:station_timesheet", "other_station", [LOGIN, 404, 404, 200, 200]),
    ("officers:officer_timesheet", "own_officer", [LOGIN, 200, 200, 200, 200]),
    ("officers:officer_timesheet", "other_officer", [LOGIN, 404, 404, 200, 200]),
    ("officers:station_week", "own_station", [LOGIN, 200, 200, 200, 200]),
    ("officers:station_week", "other_station", [LOGIN, 404, 404, 200, 200]),
    ("officers:incident_list", None, [LOGIN, 200, 200, 200, 200]),
    ("officers:incident_create", None, [LOGIN, 200, 403, 403, 403]),
    ("officers:incident_map", None, [LOGIN, 200, 200, 200, 200]),
    ("officers:incident_map_data", None, [LOGIN, 200, 200, 200, 200]),
    ("officers:restricted_log", None, [LOGIN, 403, 200, 403, 200]),
    ("officers:incident_detail", "own_incident", [LOGIN, 200, 200, 200, 200]),
    ("officers:incident_detail", "other_incident", [LOGIN, 404, 404, 200, 200]),
    ("officers:incident_update", "own_incident", [LOGIN, 200, 403, 403, 403]),
    ("officers:incident_update", "other_incident", [LOGIN, 404, 404, 403, 403]),
    ("officers:party_add", "own_incident", [LOGIN, 200, 403, 403, 403]),
    ("officers:order_edit", "own_incident", [LOGIN, 200, 403, 403, 403]),
    ("prevention:preventiveevent_list", None, [LOGIN, 200, 200, 200, 200]),
    # only an officer records their own work; an administrator has no officer record
    ("prevention:preventiveevent_create", None, [LOGIN, 200, 403, 403, 403]),
    ("prevention:preventiveevent_detail", "own_event", [LOGIN, 200, 200, 200, 200]),
    ("prevention:preventiveevent_detail", "other_event", [LOGIN, 404, 404, 200, 200]),
    ("prevention:preventiveevent_update", "own_event", [LOGIN, 200, 403, 403, 403]),
    ("prevention:preventiveevent_update", "other_event", [LOGIN, 404, 404, 403, 403]),
    ("appeals:appeal_list", None, [LOGIN, 200, 200, 200, 200]),
    ("appeals:appeal_create", None, [LOGIN, 200, 403, 403, 403]),
    ("appeals:appeal_detail", "own_appeal", [LOGIN, 200, 200, 200, 200]),
    ("appeals:appeal_detail", "other_appeal", [LOGIN, 404, 404, 200, 200]),
    # police of the station work the appeal; staff and administrators only read it
    ("appeals:appeal_update", "own_appeal", [LOGIN, 200, 200, 403, 403]),
    ("appeals:appeal_update", "other_appeal", [LOGIN, 404, 404, 403, 403]),
    # the preventive register: police of the station only, administrators included out
    ("offenders:offender_list", None, [LOGIN, 200, 200, 403, 403]),
    ("offenders:offender_create", None, [LOGIN, 200, 403, 403, 403]),
    ("offenders:offender_detail", "own_offender", [LOGIN, 200, 200, 403, 403]),
    ("offenders:offender_detail", "other_offender", [LOGIN, 404, 404, 403, 403]),
    ("offenders:offender_update", "own_offender", [LOGIN, 200, 200, 403, 403]),
    ("offenders:offender_update", "other_offender", [LOGIN, 404, 404, 403, 403]),
    ("monthly_report", None, [LOGIN, 200, 200, 200, 200]),
    ("council_report", None, [LOGIN, 200, 200, 200, 200]),
    ("search", None, [LOGIN, 200, 200, 200, 200]),
    # Search-as-you-type of the filters: what each may read (test_choice_search).
    ("choice_search", "report/communities", [LOGIN, 200, 200, 200, 200]),
    ("choice_search", "report/villages", [LOGIN, 200, 200, 200, 200]),
    ("choice_search", "report/stations", [LOGIN, 200, 200, 200, 200]),
    ("choice_search", "report/officers", [LOGIN, 200, 200, 200, 200]),
    ("choice_search", "report/users", [404, 404, 404, 404, 404]),
]


@pytest.fixture
def world(officer, officer_user, supervisor_user, staff_user, admin_user, other_officer):
    """Every persona and every object the table refers to."""
    station, elsewhere = officer.station, other_officer.station
    held_item = factories.make_item(station)
    colleague = factories.make_officer(station)
    colleague_item = factories.make_item(station)
    other_item = factories.make_item(elsewhere)
    return {
        "users": {
            "anonymous": None,
            "officer": officer_user,
            "supervisor": supervisor_user,
            "staff": staff_user,
            "admin": admin_user,
        },
        "objects": {
            "own_community": officer.station.village.community,
            "other_community": other_officer.station.village.community,
            "own_village": officer.station.village,
            "other_village": other_officer.station.village,
            "own_station": officer.station,
            "other_station": other_officer.station,
            "own_officer": officer,
            "other_officer": other_officer,
            "own_training": factories.make_training(officer),
            "own_vehicle": factories.make_vehicle(station),
            "other_vehicle": factories.make_vehicle(elsewhere),
            "held_item": held_item,
            "store_item": factories.make_item(station),
            "other_item": other_item,
            "own_act": factories.issue(officer, held_item),
            "colleague_act": factories.issue(colleague, colleague_item),
            "other_act": factories.issue(other_officer, other_item),
            "report": None,
            "own_shift": factories.make_shift(officer, timezone.now() - H, hours=None),
            "other_shift": factories.make_shift(other_officer, timezone.now() - H, hours=None),
            "own_incident": factories.make_incident(officer, "domestic_violence"),
            "other_incident": factories.make_incident(other_officer, "domestic_violence"),
            "own_event": factories.make_event(officer),
            "own_appeal": factories.make_appeal(officer),
            "other_appeal": factories.make_appeal(other_officer),
            "other_event": factories.make_event(other_officer),
            "own_offender": factories.make_offender(officer),
            "other_offender": factories.make_offender(other_officer),
        },
    }


CASES = [
    pytest.param(page, obj, role, expected, id=f"{page}-{obj or 'none'}-{role}")
    for page, obj, answers in PAGES
    for role, expected in zip(ROLES, answers, strict=True)
]


@pytest.mark.parametrize(("page", "obj", "role", "expected"), CASES)
def test_each_role_gets_what_the_table_says(client, world, page, obj, role, expected):
    name, _slash, extra = (obj or "").partition("/")
    args = [world["objects"][name].pk] if world["objects"].get(name) else []
    args += [extra] if extra else []
    url = reverse(page, args=args)
    user = world["users"][role]
    if user is not None:
        client.force_login(user)

    response = client.get(url)

    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("officer", 302), ("staff", 302), ("admin", 200)],
)
def test_only_administrators_reach_django_admin(client, world, role, expected):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)

    response = client.get(reverse("admin:index"))

    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("admin:login"))


def test_my_profile_takes_an_officer_to_their_record(client, officer_user, officer):
    client.force_login(officer_user)

    response = client.get(reverse("officers:my_profile"))

    assert response["Location"] == officer.get_absolute_url()


def test_my_profile_without_officer_record_goes_home(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("officers:my_profile"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Ваш обліковий запис не пов'язаний із записом офіцера." in unescape(
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("page", "visible", "hidden"),
    [
        ("stations:village_list", "Старий Крим", "other_village"),
        ("stations:station_list", "Станція Старий Крим", "other_station"),
        ("officers:officer_list", "Тимофєєв", "other_officer"),
    ],
)
def test_lists_show_an_officer_only_their_station(client, world, page, visible, hidden):
    client.force_login(world["users"]["officer"])

    content = client.get(reverse(page)).content.decode()

    assert visible in content
    assert str(world["objects"][hidden]) not in content


def test_navigation_fits_the_role(client, world):
    client.force_login(world["users"]["officer"])
    officer_page = client.get(reverse("home")).content.decode()
    client.force_login(world["users"]["admin"])
    admin_page = client.get(reverse("home")).content.decode()

    assert reverse("admin:index") not in officer_page
    assert reverse("officers:my_profile") in officer_page
    assert reverse("admin:index") in admin_page


# The object rules (each app's rules.py), asked as user.has_perm(rule, object), for each
# role in the order of ROLES after "anonymous": officer, supervisor, staff, admin.
T, F = True, False
RULES = [
    ("officers.edit_shift", "own_shift", [T, F, F, F]),
    ("officers.edit_shift", "other_shift", [F, F, F, F]),
    ("officers.end_shift", "own_shift", [T, F, F, F]),
    ("officers.end_shift", "returned_shift", [F, F, F, F]),
    ("officers.correct_shift", "own_shift", [F, F, F, F]),  # open: it is ended, not corrected
    ("officers.correct_shift", "returned_shift", [T, F, F, F]),
    ("officers.review_shift", "submitted_shift", [F, T, F, T]),
    ("officers.review_shift", "own_shift", [F, F, F, F]),  # still open
    ("officers.review_shift", "closed_month_shift", [F, F, F, F]),
    ("officers.override_closed_month", "closed_month_shift", [F, F, F, T]),
    ("officers.override_closed_month", "submitted_shift", [F, F, F, F]),
    ("officers.read_station_timesheet", "own_station", [F, T, T, T]),
    ("officers.read_station_timesheet", "other_station", [F, F, T, T]),
    ("officers.read_officer_timesheet", "own_officer", [T, T, T, T]),
    ("officers.read_officer_timesheet", "other_officer", [F, F, T, T]),
    ("officers.close_station_month", "own_station", [F, T, F, T]),
    ("officers.close_station_month", "other_station", [F, F, F, T]),
    ("officers.read_incident_details", "own_incident", [T, T, F, F]),  # restricted (DV)
    ("officers.read_incident_details", "other_incident", [F, F, F, F]),
    ("officers.read_incident_details", "theft_elsewhere", [T, T, T, T]),
    ("officers.edit_incident", "own_incident", [T, F, F, F]),
    ("officers.edit_incident", "submitted_incident", [F, F, F, F]),
    ("officers.review_incident", "submitted_incident", [F, T, F, F]),
    ("officers.review_incident", "own_incident", [F, F, F, F]),  # a draft
    ("officers.discard_incident", "own_incident", [T, F, F, F]),  # a draft, never submitted
    ("officers.discard_incident", "submitted_incident", [F, F, F, F]),
    ("officers.work_on_incident", "own_incident", [T, T, F, F]),
    ("officers.work_on_incident", "discarded_incident", [F, F, F, F]),
    ("officers.work_on_incident", "other_incident", [F, F, F, F]),
    ("officers.add_supplement", "approved_incident", [T, T, F, F]),
    ("officers.add_supplement", "own_incident", [F, F, F, F]),  # not yet approved
    ("officers.decide_incident", "own_incident", [F, T, F, F]),
    ("officers.decide_incident", "other_incident", [F, F, F, F]),
    ("officers.decide_incident", "discarded_incident", [F, F, F, F]),
    ("stations.confirm_handover", "own_act", [T, F, F, F]),
    ("stations.confirm_handover", "return_act", [F, F, T, T]),
    ("stations.confirm_handover", "confirmed_act", [F, F, F, F]),
    ("stations.confirm_handover_in_person", "own_act", [F, F, T, T]),
    ("stations.confirm_handover_in_person", "return_act", [F, F, F, F]),
]


@pytest.fixture
def rule_objects(world, officer, other_officer):
    from officers.incidents import services as incidents
    from officers.models import Incident, MonthClosure, Shift

    objects = dict(world["objects"])
    now = timezone.now()
    objects["returned_shift"] = factories.make_shift(
        officer, now - 4 * H, hours=1, status=Shift.Status.RETURNED
    )
    objects["submitted_shift"] = factories.make_shift(officer, now - 7 * H, hours=1)
    # Two months back, so that the shifts of the last hours are never in it.
    closed = (timezone.localdate().replace(day=1) - datetime.timedelta(days=40)).replace(day=1)
    start = timezone.make_aware(datetime.datetime.combine(closed, datetime.time(9)))
    objects["closed_month_shift"] = factories.make_shift(officer, start)
    MonthClosure.objects.create(
        station=officer.station, month=closed, closed_by=world["users"]["supervisor"]
    )
    objects["theft_elsewhere"] = factories.make_incident(other_officer, "theft")
    submitted = factories.make_incident(officer, "theft")
    incidents.incident_submit(incident=submitted, user=officer.user)
    objects["submitted_incident"] = submitted
    approved = factories.make_incident(officer, "theft")
    approved.report_status = Incident.Report.APPROVED
    approved.save(update_fields=["report_status"])
    objects["approved_incident"] = approved
    discarded = factories.make_incident(officer, "theft")
    incidents.incident_discard(incident=discarded, user=officer.user)
    objects["discarded_incident"] = discarded
    back = factories.make_item(officer.station)
    factories.issue(officer, back, confirmed=True)
    objects["return_act"] = factories.take_back(officer, back)
    kept = factories.make_item(officer.station)
    objects["confirmed_act"] = factories.issue(officer, kept, confirmed=True)
    return objects


def test_each_role_gets_what_the_rules_table_says(world, rule_objects):
    """One test over the whole table (its objects take seconds to make); a failure lists
    every line that differs."""
    from django.contrib.auth import get_user_model

    differing = []
    for rule, obj, expected in RULES:
        answers = []
        for role in ROLES[1:]:
            # A fresh user, as on each request: the rules keep what they read on it.
            user = get_user_model().objects.get(pk=world["users"][role].pk)
            answers.append(user.has_perm(rule, rule_objects[obj]))
        if answers != expected:
            differing.append(f"{rule} on {obj}: {answers}, not {expected}")

    assert differing == []


def test_every_rule_has_its_lines_in_the_table():
    from rules.permissions import permissions

    project_rules = {name for name in permissions if name.split(".")[0] in ("officers", "stations")}
    assert project_rules == {rule for rule, _obj, _answers in RULES}
