"""Finding 11: every 403 and 404 to a signed-in person was logged at ERROR as a
"Server error" with a traceback, drowning the real 500s."""

import logging

import pytest
from django.test import override_settings
from django.urls import reverse


def policing_errors(caplog):
    return [r for r in caplog.records if r.name == "policing.errors"]


@override_settings(DEBUG=False)
@pytest.mark.parametrize("status", [403, 404])
def test_attack_probing_refused_pages_floods_the_error_log(
    client_for, officer_user, other_officer, caplog, status
):
    client = client_for(officer_user)
    url = (
        reverse("audit:auditentry_list")
        if status == 403
        else reverse("officers:officer_detail", args=[other_officer.pk])
    )

    with caplog.at_level(logging.INFO):
        for _ in range(3):
            assert client.get(url).status_code == status

    records = policing_errors(caplog)
    assert all(r.levelno <= logging.WARNING and r.exc_info is None for r in records)
    assert not any("Server error" in r.getMessage() for r in records)


@override_settings(DEBUG=False)
def test_a_real_server_error_keeps_its_reference_and_traceback(
    client_for, staff_user, monkeypatch, caplog
):
    client = client_for(staff_user)
    client.raise_request_exception = False
    monkeypatch.setattr("reports.views.render", lambda *a, **k: 1 / 0)

    response = client.get(reverse("home"))

    reference = response.content.decode().split("<code>")[1].split("</code>")[0]
    [error] = [r for r in policing_errors(caplog) if r.levelno == logging.ERROR]
    assert reference in error.getMessage()
    assert error.exc_info is not None
