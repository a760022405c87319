"""Every CSV and XLSX of the site goes out through ``core.exports``: lists pick their
columns per request, reports write their tables there, and no other module writes a
spreadsheet by hand."""

import ast
import csv
import io
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from openpyxl import load_workbook

from audit.models import AuditEntry
from audit.views import AuditLog
from core import exports
from tests import factories


class AddressesForSuperusers(AuditLog):
    """A list whose columns depend on who asks."""

    export_columns = ()

    def get_export_columns(self):
        columns = [("Username", lambda e: e.username)]
        if self.request.user.is_superuser:
            columns.append(("Address", lambda e: e.address))
        return columns


def reader(db):
    user = factories.make_user(None, "reader")
    user.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    return user


def get(user, **params):
    request = RequestFactory().get("/audit/", params)
    request.user = user
    return AddressesForSuperusers.as_view()(request)


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_a_lists_columns_can_depend_on_who_asks(db, admin_user):
    AuditEntry.objects.create(username="alice", address="198.51.100.7", action="exported")

    for_admin = csv_rows(get(admin_user, export="csv"))
    for_reader = csv_rows(get(reader(db), export="csv"))

    assert for_admin[0] == ["Username", "Address"]
    assert ["alice", "198.51.100.7"] in for_admin
    assert for_reader[0] == ["Username"]
    assert ["alice"] in for_reader
    assert {len(row) for row in for_reader} == {1}


def test_the_download_is_offered_when_the_columns_come_from_the_hook(db, admin_user):
    response = get(admin_user)

    assert response.context_data["can_export"] is True


def test_a_reports_tables_share_one_sheet_and_keep_formulas_as_text():
    response = exports.tables_response(
        ("Громада", "2022-01"),
        [(("Village", "Shifts"), [("=HYPERLINK(1)", 2)]), (("Kind",), [])],
        "report.xlsx",
    )

    sheet = load_workbook(io.BytesIO(response.content))["report"]
    lines = [[cell.value for cell in row if cell.value is not None] for row in sheet.iter_rows()]
    assert response["Content-Disposition"] == 'attachment; filename="report.xlsx"'
    assert lines == [
        ["Громада", "2022-01"],
        [],
        ["Village", "Shifts"],
        ["=HYPERLINK(1)", 2],
        [],
        ["Kind"],
    ]
    assert sheet["A4"].data_type == "s"


# Libraries that write spreadsheets, and the csv module's writers.
XLSX_WRITERS = {"openpyxl", "xlsxwriter"}
CSV_WRITERS = {"writer", "DictWriter"}


def spreadsheet_writers(source: str) -> list[str]:
    """What in ``source`` writes a spreadsheet: an import of an XLSX library (at the top
    or inside a function) or a use of csv's writers."""
    found, csv_names = [], set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in XLSX_WRITERS:
                    found.append(alias.name)
                if alias.name == "csv":
                    csv_names.add(alias.asname or "csv")
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in XLSX_WRITERS:
                found.append(node.module)
            if node.module == "csv":
                found += [f"csv.{a.name}" for a in node.names if a.name in CSV_WRITERS]
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in csv_names
            and node.attr in CSV_WRITERS
        ):
            found.append(f"csv.{node.attr}")
    return found


def test_the_check_finds_a_spreadsheet_written_by_hand():
    assert spreadsheet_writers("def f():\n    from openpyxl import Workbook\n") == ["openpyxl"]
    assert spreadsheet_writers("import openpyxl.cell") == ["openpyxl.cell"]
    assert spreadsheet_writers("import csv as c\nc.DictWriter(f, [])") == ["csv.DictWriter"]
    assert spreadsheet_writers("from csv import writer") == ["csv.writer"]
    assert spreadsheet_writers("import csv\ncsv.DictReader(f)") == []


def test_no_module_outside_core_writes_a_spreadsheet():
    base = Path(settings.BASE_DIR)
    packages = [
        Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
    ]
    assert {path.name for path in packages} >= {"core", "reports", "officers", "audit"}

    found = {
        str(path.relative_to(base)): writers
        for package in packages
        if package.name != "core"
        for path in package.rglob("*.py")
        if (writers := spreadsheet_writers(path.read_text(encoding="utf-8")))
    }

    assert found == {}
