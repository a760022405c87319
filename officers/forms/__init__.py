from .people import DepartureForm, OfficerForm, TrainingForm
from .shifts import (
    MonthCloseForm,
    ShiftEditForm,
    ShiftEndForm,
    ShiftReturnForm,
    ShiftStartForm,
)

__all__ = [
    "DepartureForm",
    "MonthCloseForm",
    "OfficerForm",
    "ShiftEditForm",
    "ShiftEndForm",
    "ShiftReturnForm",
    "ShiftStartForm",
    "TrainingForm",
]
