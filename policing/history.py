"""Reading a record's change history (django-simple-history) for its page."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext

HISTORY_LIMIT = 20


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: object
    kind: str
    changes: list[Change] = field(default_factory=list)


def _display(record, model_field: models.Field) -> str:
    if model_field.is_relation:
        value = getattr(record, model_field.name)
    elif model_field.choices:
        value = getattr(record, f"get_{model_field.name}_display")()
    else:
        value = getattr(record, model_field.attname)
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return str(value)


def history_entries(instance: models.Model, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """The latest changes of ``instance``, newest first, with what each one changed.

    One query whatever the length of the history: the historical rows are read with
    their user and their foreign keys joined, and compared in Python.
    """
    history_model = instance.history.model
    related = ["history_user"] + [
        f.name for f in history_model._meta.fields if f.many_to_one and f.name != "history_user"
    ]
    records = list(
        instance.history.select_related(*related).order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    model_fields = {f.attname: f for f in instance._meta.concrete_fields}
    entries = []
    for index, record in enumerate(records[:limit]):
        older = records[index + 1] if index + 1 < len(records) else None
        entry = HistoryEntry(
            when=record.history_date,
            who=record.history_user,
            kind=record.get_history_type_display(),
        )
        if older is not None and record.history_type == "~":
            for name, model_field in model_fields.items():
                if name.endswith("thumbnail"):
                    continue
                if getattr(record, name) != getattr(older, name):
                    entry.changes.append(
                        Change(
                            field=str(model_field.verbose_name),
                            old=_display(older, model_field),
                            new=_display(record, model_field),
                        )
                    )
        entries.append(entry)
    return entries
