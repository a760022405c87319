"""Writes about officers and their work that touch more than one record."""

from .incidents import IncidentError
from .people import officer_leave
from .shifts import (
    ShiftError,
    month_close,
    shift_approve,
    shift_end,
    shift_return,
    shift_start,
    shift_update,
)

__all__ = [
    "IncidentError",
    "ShiftError",
    "month_close",
    "officer_leave",
    "shift_approve",
    "shift_end",
    "shift_return",
    "shift_start",
    "shift_update",
]
