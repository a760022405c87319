"""Make SQLite's LIKE case-insensitive for every alphabet, not only for ASCII.

Django's ``icontains`` is a LIKE on SQLite, and SQLite folds only A–Z; a clerk typing
"тимофєєв" must still find "Тимофєєв". PostgreSQL (UTF-8) needs nothing of this.
"""

import functools
import re
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper


@functools.lru_cache(maxsize=256)
def _compile(pattern: str, escape: str | None) -> re.Pattern[str]:
    parts = []
    chars = iter(pattern)
    for ch in chars:
        if escape and ch == escape:
            parts.append(re.escape(next(chars, "")))
        elif ch == "%":
            parts.append(".*")
        elif ch == "_":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def unicode_like(pattern: object, value: object, escape: str | None = None) -> bool | None:
    if pattern is None or value is None:
        return None
    return _compile(str(pattern), escape).fullmatch(str(value)) is not None


def install(sender: object, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """``connection_created`` receiver: replace LIKE on every new SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("like", 2, unicode_like, deterministic=True)
        connection.connection.create_function("like", 3, unicode_like, deterministic=True)
