from .incidents import (
    AttachmentForm,
    CommentForm,
    IncidentForm,
    PartyForm,
    ReferForm,
    RestrainingOrderForm,
    SupplementForm,
)
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
    "AttachmentForm",
    "CommentForm",
    "DepartureForm",
    "IncidentForm",
    "MonthCloseForm",
    "OfficerForm",
    "PartyForm",
    "ReferForm",
    "RestrainingOrderForm",
    "ShiftEditForm",
    "ShiftEndForm",
    "ShiftReturnForm",
    "ShiftStartForm",
    "SubjectAccessForm",
    "SupplementForm",
    "TrainingForm",
]
