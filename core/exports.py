"""CSV and XLSX downloads: the rows a filtered list shows, or a report's tables.

Every spreadsheet the site writes goes through here, so that a text typed into the
site (a village's name, a username, an act's note) is never run as a formula when the
file is opened: the OWASP rule against CSV injection, in one place.
"""

import csv
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

FORMATS = ("csv", "xlsx")
# (header, getter): a header is often a lazily translated label; the getter takes a
# row of the list's model.
Column = tuple["StrOrPromise", Callable[[Any], object]]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> object:
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


def csv_value(value: object) -> object:
    """A text cell of a CSV file with a leading apostrophe when it would start a
    formula: the spreadsheet shows the text and runs nothing."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _xlsx_row(sheet: Any, values: Iterable[object]) -> list[object]:
    """The cells of a row of a write-only XLSX sheet; a text that would start a
    formula is stored as text (openpyxl makes a formula of any text beginning "=")."""
    cells: list[object] = []
    for value in values:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            value = cell
        cells.append(value)
    return cells


def _xlsx_response(
    sheet_name: str, lines: Iterable[Iterable[object]], filename: str
) -> HttpResponse:
    """One sheet of ``lines``: every XLSX of the site is written here, with safe cells."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name[:31])
    for line in lines:
        sheet.append(_xlsx_row(sheet, line))
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response


def export_response(
    rows: Iterable[Any], columns: Sequence[Column], filename: str, fmt: str
) -> HttpResponse | StreamingHttpResponse:
    """A download of ``rows``: one line per row, one column per (header, getter)."""
    headers = [str(header) for header, _getter in columns]

    def values(row: Any) -> list[object]:
        return [_cell(getter(row)) for _header, getter in columns]

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def stream() -> Iterator[str]:
            yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
            yield writer.writerow([csv_value(header) for header in headers])
            for row in rows:
                yield writer.writerow([csv_value(value) for value in values(row)])

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
        return response
    lines: Iterable[Sequence[object]] = itertools.chain([headers], map(values, rows))
    return _xlsx_response(filename, lines, f"{filename}-{stamp}.xlsx")


# A table of a report: its header line and the lines under it, cell values as they are.
Table = tuple[Sequence[object], Iterable[Sequence[object]]]


def tables_response(
    title: Sequence[object], tables: Iterable[Table], filename: str, sheet_name: str = "report"
) -> HttpResponse:
    """An XLSX report of several tables on one sheet: a title line, then each table
    after a blank line, so that it reads and prints as one page."""

    def lines() -> Iterator[Sequence[object]]:
        yield title
        for headers, rows in tables:
            yield ()
            yield headers
            yield from rows

    return _xlsx_response(sheet_name, lines(), filename)
