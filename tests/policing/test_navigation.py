"""The main menu's last entry, Administration: its lines by permission, and when it is
the current one."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests import factories

AUDIT_LOG = ("Журнал аудиту", "/audit/")
SUBJECT_ACCESS = ("Звіт на запит особи", "/privacy/subject-access/")
DJANGO_ADMIN = ("Адмінка Django", "/admin/")


def administration(response) -> dict | None:
    menus = [s for s in response.context["nav_sections"] if s["label"] == "Адміністрування"]
    assert len(menus) <= 1
    return menus[0] if menus else None


def lines(menu: dict) -> list[tuple[str, str]]:
    return [(link["label"], link["url"]) for link in menu["links"]]


@pytest.fixture
def subject_access_user(db):
    user = factories.make_user(None, "dpo")
    user.user_permissions.add(Permission.objects.get(codename="subject_access"))
    return user


def test_an_administrator_has_every_line_in_order_after_the_other_sections(client, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("home"))

    assert response.context["nav_sections"][-1] is administration(response)
    assert lines(administration(response)) == [AUDIT_LOG, SUBJECT_ACCESS, DJANGO_ADMIN]


def test_each_line_shows_to_whom_it_is_for(client, subject_access_user):
    staff_only = factories.make_user(None, "clerk", is_staff=True)

    client.force_login(subject_access_user)
    with_permission = administration(client.get(reverse("home")))
    client.force_login(staff_only)
    with_staff_status = administration(client.get(reverse("home")))

    assert lines(with_permission) == [SUBJECT_ACCESS]
    assert lines(with_staff_status) == [DJANGO_ADMIN]


@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user", "staff_user"])
def test_there_is_no_menu_without_a_line(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("home"))

    assert administration(response) is None
    assert "Адміністрування" not in response.content.decode()


@pytest.mark.parametrize(
    ("page", "current"),
    [("audit:auditentry_list", True), ("officers:subject_access", True), ("home", False)],
)
def test_the_menu_is_current_on_its_pages_but_never_its_lines(client, admin_user, page, current):
    client.force_login(admin_user)

    response = client.get(reverse(page))

    menu = administration(response)
    assert menu["active"] is current
    assert not any(link["active"] for link in menu["links"])
    assert 'aria-current="page" href="/audit/"' not in response.content.decode()


def test_the_menu_is_current_on_the_audit_log_even_for_someone_refused_it(
    client, subject_access_user
):
    client.force_login(subject_access_user)

    response = client.get(reverse("audit:auditentry_list"))

    assert response.status_code == 403
    assert administration(response)["active"] is True
