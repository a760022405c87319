"""People and their work: officers, trainings, shifts."""

from .people import Officer, Training
from .shifts import MonthClosure, Shift

__all__ = ["MonthClosure", "Officer", "Shift", "Training"]
