"""Writes that touch several records: custody acts and the vehicle logbook."""

from .custody import (
    CustodyError,
    IssueLine,
    ReturnLine,
    handover_confirm,
    handover_issue,
    handover_return,
)
from .fleet import fuel_record_add, maintenance_record_add, odometer_reading_add

__all__ = [
    "CustodyError",
    "IssueLine",
    "ReturnLine",
    "fuel_record_add",
    "handover_confirm",
    "handover_issue",
    "handover_return",
    "maintenance_record_add",
    "odometer_reading_add",
]
