"""Least privilege, proved over the whole URL map.

Every named page of the site must appear in the role × page table
(tests/policing/test_access.py) or be one of the few public or POST-only pages listed
here, so a new page without a rule fails the build. Forms never take every field.
"""

import pytest
from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.policing.test_access import PAGES
from tests.project import project_classes

# Pages outside the table, and why.
OUTSIDE_THE_TABLE = {
    "login": "public: the sign-in page",
    "logout": "POST only; ends the session",
    "set_language": "public: the language switch",
    "password_change_done": "after a password change; needs sign-in (tested below)",
    "media": "files; needs sign-in (tested below)",
    "officers:my_profile": "redirects to one's own record (test_access)",
    "officers:shift_review": "POST only (test_shifts)",
    "officers:month_close": "POST only (test_shifts)",
    "officers:incident_step": "POST only (test_incidents)",
    "officers:attachment_file": "photo files (test_incidents)",
    "officers:party_edit": "like party_add, per party (test_incidents)",
    "prevention:preventiveevent_photo": "photo files (test_preventive_work)",
    "appeals:appeal_step": "POST only (test_appeals)",
    "offenders:offender_step": "POST only (test_register)",
    "council_report_presented": "POST only (test_council_report)",
    "stations:handover_confirm": "POST only (test_handovers)",
    "service_worker": "public: the service worker's script, nothing personal (test_offline)",
    "manifest": "public: the web app manifest (test_offline)",
    "offline": "public: the page shown offline, nothing personal (test_offline)",
    "still_here": "POST only; needs sign-in (test_sessions)",
}


def named_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin" or entry.namespace == "admin":
                continue
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from named_patterns(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"


def test_every_page_has_a_rule():
    in_table = {page for page, _obj, _answers in PAGES}

    without_rule = set(named_patterns()) - in_table - set(OUTSIDE_THE_TABLE)

    assert without_rule == set()


@pytest.mark.parametrize("name", ["password_change_done", "officers:my_profile"])
def test_pages_outside_the_table_still_need_sign_in(client, db, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_media_needs_sign_in(client, db):
    response = client.get("/media/officers/anything.jpg")

    assert response.status_code == 302


def project_model_forms():
    return project_classes(forms.ModelForm)


def test_no_model_form_takes_all_fields_or_excludes():
    offenders = [
        form.__name__
        for form in project_model_forms()
        if hasattr(form, "Meta")
        and (form.Meta.__dict__.get("fields") == "__all__" or getattr(form.Meta, "exclude", None))
    ]

    assert list(project_model_forms())
    assert offenders == []


def test_a_post_without_a_csrf_token_is_refused(staff_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)

    response = client.post(reverse("stations:community_create"), {"name": "X", "oblast": "Y"})

    assert response.status_code == 403


def test_a_signed_in_person_gets_an_uploaded_photo_from_the_storage(client, staff_user, officer):
    from tests.factories import image_upload

    officer.photo.save("me.jpg", image_upload())
    client.force_login(staff_user)

    response = client.get(officer.photo.url)
    missing = client.get("/media/officers/no-such-photo.jpg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == officer.photo.open("rb").read()
    assert missing.status_code == 404
