"""CSV and XLSX downloads of exactly the rows a filtered list shows.

Every spreadsheet the site writes goes through here, so that a text typed into the
site (a village's name, a username, an act's note) is never run as a formula when the
file is opened: the OWASP rule against CSV injection, in one place.
"""

import csv
from collections.abc import Callable, Iterable

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMATS = ("csv", "xlsx")
Column = tuple[str, Callable[[object], object]]


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        # Spreadsheets have no time zones: give Kyiv wall-clock time.
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, bool | int | float) or hasattr(value, "isoformat"):
        return value
    return str(value)


# A spreadsheet program reads a cell that begins with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_value(value):
    """A text cell of a CSV file with a leading apostrophe when it would start a
    formula: the spreadsheet shows the text and runs nothing."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_row(sheet, values: Iterable) -> list:
    """The cells of a row of a write-only XLSX sheet; a text that would start a
    formula is stored as text (openpyxl makes a formula of any text beginning "=")."""
    cells = []
    for value in values:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            value = cell
        cells.append(value)
    return cells


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response


def export_response(
    rows: Iterable, columns: list[Column], filename: str, fmt: str
) -> HttpResponse | StreamingHttpResponse:
    """A download of ``rows``: one line per row, one column per (header, getter)."""
    headers = [str(header) for header, _getter in columns]

    def values(row):
        return [_cell(getter(row)) for _header, getter in columns]

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def stream():
            yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
            yield writer.writerow([csv_value(header) for header in headers])
            for row in rows:
                yield writer.writerow([csv_value(value) for value in values(row)])

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename[:31])
    sheet.append(xlsx_row(sheet, headers))
    for row in rows:
        sheet.append(xlsx_row(sheet, values(row)))
    return xlsx_response(workbook, f"{filename}-{stamp}.xlsx")
