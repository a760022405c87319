from .equipment import EquipmentItemForm
from .fleet import FuelForm, MaintenanceForm, OdometerForm, VehicleForm
from .handovers import (
    ActForm,
    InPersonConfirmForm,
    IssueLineFormSet,
    ReturnActForm,
    ReturnLinesForm,
)
from .territory import CommunityForm, StationForm, VillageForm

__all__ = [
    "ActForm",
    "CommunityForm",
    "EquipmentItemForm",
    "FuelForm",
    "InPersonConfirmForm",
    "IssueLineFormSet",
    "MaintenanceForm",
    "OdometerForm",
    "ReturnActForm",
    "ReturnLinesForm",
    "StationForm",
    "VehicleForm",
    "VillageForm",
]
