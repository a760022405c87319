"""Writes about officers and their shifts that touch more than one record (the
incidents' are in ``officers.incidents.services``)."""

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
    "ShiftError",
    "month_close",
    "officer_leave",
    "shift_approve",
    "shift_end",
    "shift_return",
    "shift_start",
    "shift_update",
]
