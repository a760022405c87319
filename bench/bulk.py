"""Write many rows fast: COPY on PostgreSQL, one multi-row INSERT per batch elsewhere.

``seed_scale`` writes millions of rows. Model instances and ``bulk_create`` cost more
than the database does at that size, so rows are plain values here, with ids given out
in advance (so that other rows can point at them before anything is written). Rows are
buffered per table and written when ``flush`` is called; nothing more than one batch is
ever held. Signals are not sent and no history is written: this is for loading data,
not for the site's own saves.
"""

import io

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model


def _copy_text(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class Table:
    """The rows waiting to be written to one model's table (or an m2m through table)."""

    def __init__(self, model: type[Model]) -> None:
        self.model = model
        fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in fields]
        self._fields = fields
        self._names = [f.attname for f in fields]
        self._defaults = {}
        for field in fields:
            # Text left out is empty, as in a form; numbers and dates must be given.
            text = field.empty_strings_allowed and not field.is_relation
            if field.has_default() or field.null or text:
                self._defaults[field.attname] = field.get_default()
        self._rows: list[tuple] = []
        self._next_id = (model._default_manager.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.written = 0

    def new_id(self) -> int:
        """The id the next added row will have (ids are given out in order)."""
        return self._next_id

    def reserve(self) -> int:
        """Give out an id now for a row added later (with ``add(id=...)``)."""
        row_id = self._next_id
        self._next_id += 1
        return row_id

    def add(self, **values) -> int:
        """Queue one row; fields left out take their default. Returns its id."""
        row_id = values.setdefault("id", self._next_id)
        self._next_id = max(self._next_id, row_id + 1)
        try:
            self._rows.append(
                tuple(
                    values[name] if name in values else self._defaults[name] for name in self._names
                )
            )
        except KeyError as missing:
            raise TypeError(f"{self.model.__name__} needs a value for {missing}") from None
        return row_id

    def flush(self) -> None:
        if not self._rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                text = io.StringIO(
                    "".join("\t".join(_copy_text(v) for v in row) + "\n" for row in self._rows)
                )
                cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", text)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                    [self._prepared(row) for row in self._rows],
                )
        self.written += len(self._rows)
        self._rows = []

    def _prepared(self, row: tuple) -> list:
        """Values as the backend stores them (e.g. aware datetimes in UTC on SQLite)."""
        return [
            field.get_db_prep_save(value, connection)
            for field, value in zip(self._fields, row, strict=True)
        ]


class Loader:
    """One ``Table`` per model, flushed together in the order they were asked for."""

    def __init__(self, *models):
        self.tables = {model: Table(model) for model in models}

    def __getitem__(self, model) -> Table:
        return self.tables[model]

    def flush(self) -> None:
        for table in self.tables.values():
            table.flush()

    def reset_sequences(self) -> None:
        """Let the database's own id counters continue after the ids given out here."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.tables))
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
