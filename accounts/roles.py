"""The four roles of the site, as Django groups with model permissions.

Groups are created and brought up to date in code after every ``migrate`` (and by
``manage.py sync_roles``); nobody edits them by hand.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

COUNCIL_STAFF = "council_staff"
SUPERVISOR = "supervisor"
OFFICER = "officer"
ADMINISTRATOR = "administrator"
# A person in several role groups has the first of these (see user_role).
PRECEDENCE = (ADMINISTRATOR, COUNCIL_STAFF, SUPERVISOR, OFFICER)
# The roles whose login may be an officer record's: police, not staff or administrators.
OFFICER_LOGIN_ROLES = (SUPERVISOR, OFFICER)

REGISTRY_MODELS = [
    "stations.community",
    "stations.village",
    "stations.station",
    "stations.vehicle",
    "stations.odometerreading",
    "stations.fuelrecord",
    "stations.maintenancerecord",
    "stations.equipmentitem",
    "officers.officer",
    "officers.training",
]
# Acts are drawn up and confirmed, never changed: no change permission for anyone.
CUSTODY_MODELS = ["stations.handover", "stations.custody"]
# Officers log their own shifts; supervisors approve them and close months.
WORK_MODELS = ["officers.shift", "officers.monthclosure"]
# Police roles log incidents; staff read what is not restricted (officers.rules).
# Officers record their own preventive work; supervisors and staff read it.
PREVENTION_MODELS = ["prevention.preventiveevent"]
# Police of the station register and answer appeals; staff see that they exist.
APPEAL_MODELS = ["appeals.appeal"]
# The preventive register of offenders: police only; staff get its counts, never a page.
OFFENDER_MODELS = ["offenders.offender", "offenders.offenderwork"]
INCIDENT_MODELS = [
    "officers.incident",
    "officers.party",
    "officers.supplement",
    "officers.attachment",
    "officers.restrainingorder",
]


def _perms(actions: list[str], models_: list[str]) -> list[str]:
    return [
        f"{label.split('.')[0]}.{action}_{label.split('.')[1]}"
        for label in models_
        for action in actions
    ]


ROLE_PERMISSIONS: dict[str, list[str]] = {
    COUNCIL_STAFF: _perms(["view", "add", "change"], REGISTRY_MODELS)
    + _perms(["view"], CUSTODY_MODELS)
    + _perms(["view"], WORK_MODELS)
    + ["officers.view_incident"]
    + _perms(["view"], PREVENTION_MODELS + APPEAL_MODELS)
    + ["stations.add_handover", "stations.confirm_return", "stations.view_all_stations"],
    SUPERVISOR: [
        *_perms(["view"], REGISTRY_MODELS + CUSTODY_MODELS + WORK_MODELS),
        "officers.approve_shift",
        "officers.add_monthclosure",
        *_perms(["view", "add", "change"], INCIDENT_MODELS),
        "officers.approve_incident",
        "officers.view_restrictedview",
        *_perms(["view"], PREVENTION_MODELS),
        *_perms(["view", "change"], APPEAL_MODELS),
        *_perms(["view", "change"], OFFENDER_MODELS),
    ],
    OFFICER: _perms(["view"], REGISTRY_MODELS + CUSTODY_MODELS)
    + _perms(
        ["view", "add", "change"],
        ["officers.shift", *INCIDENT_MODELS, *PREVENTION_MODELS, *APPEAL_MODELS, *OFFENDER_MODELS],
    ),
    ADMINISTRATOR: [],  # every permission; see sync_roles
}


class Role(models.TextChoices):
    """The roles a person can be given, in the order a form offers them."""

    COUNCIL_STAFF = COUNCIL_STAFF, _("Council staff")
    SUPERVISOR = SUPERVISOR, _("Supervisor")
    OFFICER = OFFICER, _("Officer")
    ADMINISTRATOR = ADMINISTRATOR, _("Administrator")


def sync_roles() -> None:
    """Create the role groups and set exactly their permissions (idempotent)."""
    for role, perm_names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        if role == ADMINISTRATOR:
            group.permissions.set(Permission.objects.all())
            continue
        wanted = []
        for name in perm_names:
            app_label, codename = name.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """Run once per migrate, after the last app's permissions have been created."""
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        sync_roles()


def user_role(user) -> str | None:
    """The user's role: the first role group they belong to, or None (one query for a
    request's user, however many parts of the page ask)."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMINISTRATOR
    if not hasattr(user, "_role"):
        names = {g.name for g in user.groups.all()}
        user._role = next((role for role in PRECEDENCE if role in names), None)
    return user._role


def with_role(*roles: str) -> Q:
    """Users whose ``user_role`` is one of ``roles``, as a filter on users."""
    memberships = get_user_model().groups.through.objects

    def in_groups(*names: str) -> Q:
        # A subquery each, not a join: "not in an earlier group" must see all groups.
        return Q(pk__in=memberships.filter(group__name__in=names).values("user"))

    found = Q(pk__in=[])
    for role in roles:
        match = Q(is_superuser=False) & in_groups(role)
        earlier = PRECEDENCE[: PRECEDENCE.index(role)]
        if earlier:
            match &= ~in_groups(*earlier)
        if role == ADMINISTRATOR:
            match |= Q(is_superuser=True)
        found |= match
    return found


def assign_role(user, role: str) -> None:
    """Make ``role`` the user's only role; administrators may use Django admin."""
    # Only real changes, so that the audit log says exactly what changed.
    user.groups.remove(*user.groups.filter(name__in=ROLE_PERMISSIONS).exclude(name=role))
    user.groups.add(Group.objects.get(name=role))
    user.__dict__.pop("_role", None)
    user.is_staff = role == ADMINISTRATOR
    user.save(update_fields=["is_staff"])
