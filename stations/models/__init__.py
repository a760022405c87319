"""The territory and its property: one module a concept."""

from .custody import Custody, Handover, HandoverLine
from .equipment import EquipmentItem
from .fleet import FuelRecord, MaintenanceRecord, OdometerReading, Vehicle
from .numbering import NumberSequence
from .territory import Community, Station, Village, visible_station_ids

__all__ = [
    "Community",
    "Custody",
    "EquipmentItem",
    "FuelRecord",
    "Handover",
    "HandoverLine",
    "MaintenanceRecord",
    "NumberSequence",
    "OdometerReading",
    "Station",
    "Vehicle",
    "Village",
    "visible_station_ids",
]
