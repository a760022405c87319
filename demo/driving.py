"""The demo's cars driven on its shifts, written into the cars' logbooks as the shift
forms write them: a reading at the shift's start and one at its end, by the officer, and
now and then a refuelling at the odometer of the moment, by the council's clerk.

So the kilometres of a month's timesheet and those of the cars' logbook (the monthly
report's) are one figure, as they are for real work.
"""

import datetime
from decimal import Decimal

from demo import dates as demo_dates
from officers.models import Shift
from stations import services
from stations.models import OdometerReading, Vehicle
from stations.services.fleet import Refuelling

FUEL_EVERY = 5  # shifts between two refuellings
LITRES_PER_KM = Decimal("0.075")
REFUELLED_AFTER = datetime.timedelta(minutes=20)  # at the filling station on the way back


class Logbook:
    """A car over the shifts it is driven on, in the order they happened; ``save`` writes
    what they put into its logbook."""

    def __init__(self, vehicle: Vehicle, *, clerk, uah_per_litre: Decimal) -> None:
        self.vehicle = vehicle
        self.clerk = clerk
        self.uah_per_litre = uah_per_litre
        self.km = vehicle.last_odometer() or 0
        self.filled_at_km = self.km
        self.shifts = 0
        self.readings: list[OdometerReading] = []
        self.refuellings: list[Refuelling] = []

    def drive(self, shift: Shift, km: int) -> None:
        """``shift`` (timed and ended, not yet saved) driven ``km`` kilometres."""
        assert shift.ended_at is not None  # the demo drives ended shifts only
        shift.vehicle, shift.odometer_start = self.vehicle, self.km
        self.read(shift.started_at, shift.officer.user)
        self.km += km
        shift.odometer_end = self.km
        self.read(shift.ended_at, shift.officer.user)
        self.shifts += 1
        if self.shifts % FUEL_EVERY == 0:
            self.refuel(shift.ended_at + REFUELLED_AFTER)

    def read(self, moment: datetime.datetime, user) -> None:
        """The odometer now, as a shift's start or end writes it (officers.services)."""
        self.readings.append(
            OdometerReading(
                vehicle=self.vehicle,
                read_at=moment,
                km=self.km,
                source=OdometerReading.Source.SHIFT,
                recorded_by=user,
            )
        )

    def refuel(self, moment: datetime.datetime) -> None:
        """The tank filled with what was burnt since the last time."""
        litres = ((self.km - self.filled_at_km) * LITRES_PER_KM).quantize(Decimal("0.1"))
        self.refuellings.append(
            Refuelling(
                filled_at=moment,
                litres=litres,
                cost_uah=(litres * self.uah_per_litre).quantize(Decimal("0.01")),
                odometer_km=self.km,
            )
        )
        self.filled_at_km = self.km

    def save(self) -> None:
        """The shifts' readings at once (hundreds of them, as the shifts are written), then
        each refuelling through the logbook's service, which checks its odometer against
        the readings before and after it."""
        OdometerReading.objects.bulk_create(self.readings)
        for refuelling in self.refuellings:
            record = services.fuel_record_add(vehicle=self.vehicle, user=self.clerk, **refuelling)
            demo_dates.history_at(record, record.filled_at)
        self.readings, self.refuellings = [], []
