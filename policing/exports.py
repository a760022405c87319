"""CSV and XLSX downloads of exactly the rows a filtered list shows."""

import csv
from collections.abc import Callable, Iterable

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

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
            yield writer.writerow(headers)
            for row in rows:
                yield writer.writerow(values(row))

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(filename[:31])
        sheet.append(headers)
        for row in rows:
            sheet.append(values(row))
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        workbook.save(response)
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.{fmt}"'
    return response
