"""People and their work: officers, trainings, shifts, incidents."""

from .incidents import (
    Attachment,
    Incident,
    IncidentEvent,
    Party,
    RestrainingOrder,
    RestrictedView,
    Supplement,
)
from .people import Officer, Training
from .shifts import MonthClosure, Shift

__all__ = [
    "Attachment",
    "Incident",
    "IncidentEvent",
    "MonthClosure",
    "Officer",
    "Party",
    "RestrainingOrder",
    "RestrictedView",
    "Shift",
    "Supplement",
    "Training",
]
