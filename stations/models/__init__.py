"""The territory and its property: one module a concept."""

from .custody import Custody, Handover, HandoverLine
from .equipment import EquipmentItem
from .fleet import FuelRecord, MaintenanceRecord, OdometerReading, Vehicle
from .numbering import NumberSequence
from .territory import (
    Community,
    Station,
    Village,
    supervised_station_ids,
    visible_station_ids,
)

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
    "supervised_station_ids",
    "visible_station_ids",
]
