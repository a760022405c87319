from .people import DepartureForm, OfficerForm, TrainingForm
from .privacy import SubjectAccessForm
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
    "SubjectAccessForm",
    "TrainingForm",
]
