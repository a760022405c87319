"""People and their work: officers, trainings, shifts; the incidents' models live in
``officers.incidents`` and are named here, where Django looks for the app's models."""

from officers.incidents.models import (
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
