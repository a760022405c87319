"""The roles are groups defined in code, with exactly the permissions they need."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.roles import (
    ADMINISTRATOR,
    COUNCIL_STAFF,
    OFFICER,
    SUPERVISOR,
    assign_role,
    sync_roles,
    user_role,
)
from tests import factories


def perms_of(role: str) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=role).permissions.select_related("content_type")
    }


@pytest.mark.django_db
def test_the_four_roles_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        ADMINISTRATOR,
        COUNCIL_STAFF,
        SUPERVISOR,
        OFFICER,
    }


@pytest.mark.django_db
def test_council_staff_keep_the_registries_but_delete_nothing():
    perms = perms_of(COUNCIL_STAFF)

    assert {"officers.add_officer", "officers.change_officer", "stations.add_village"} <= perms
    assert "stations.view_all_stations" in perms
    assert not any(p.split(".")[1].startswith("delete_") for p in perms)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [SUPERVISOR, OFFICER])
def test_police_roles_only_read_the_registries_of_their_stations(role):
    perms = perms_of(role)
    work = ("shift", "monthclosure", "incident", "party", "supplement", "attachment", "order")
    work += ("preventiveevent", "appeal", "offender")  # their own work in the community
    registries = {p for p in perms if not any(word in p for word in work)}

    assert "officers.view_officer" in perms
    assert not [p for p in registries if not p.split(".")[1].startswith("view_")]
    assert "stations.view_all_stations" not in perms


@pytest.mark.django_db
def test_council_staff_hold_nothing_of_the_preventive_register():
    assert not [p for p in perms_of(COUNCIL_STAFF) if p.startswith("offenders.")]
    assert "offenders.view_offender" in perms_of(OFFICER)


@pytest.mark.django_db
def test_officers_log_shifts_and_supervisors_approve_them():
    assert {"officers.add_shift", "officers.change_shift"} <= perms_of(OFFICER)
    assert "officers.approve_shift" not in perms_of(OFFICER)
    assert {"officers.approve_shift", "officers.add_monthclosure"} <= perms_of(SUPERVISOR)
    assert "officers.add_shift" not in perms_of(COUNCIL_STAFF)


@pytest.mark.django_db
def test_administrators_hold_every_permission():
    assert len(perms_of(ADMINISTRATOR)) == Permission.objects.count()


@pytest.mark.django_db
def test_sync_is_idempotent_and_repairs_hand_edits():
    staff = Group.objects.get(name=COUNCIL_STAFF)
    staff.permissions.add(Permission.objects.get(codename="delete_officer"))
    before = perms_of(OFFICER)

    sync_roles()
    sync_roles()

    assert "officers.delete_officer" not in perms_of(COUNCIL_STAFF)
    assert perms_of(OFFICER) == before


@pytest.mark.django_db
def test_a_person_has_one_role_at_a_time():
    user = factories.make_user(OFFICER)

    assign_role(user, ADMINISTRATOR)

    assert user_role(user) == ADMINISTRATOR
    assert list(user.groups.values_list("name", flat=True)) == [ADMINISTRATOR]
    assert user.is_staff
