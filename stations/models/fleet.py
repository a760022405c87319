"""The community's cars and what happens to them: mileage, fuel and maintenance."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from stations.plates import normalize_plate, normalize_vin, validate_plate, validate_vin
from stations.rules import reads_every_station

from .territory import Station, visible_station_ids


def noon_of(day: datetime.date) -> datetime.datetime:
    """The moment a dated logbook entry (a service) is put at: noon, Kyiv time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class VehicleQuerySet(models.QuerySet):
    def visible_to(self, user) -> "VehicleQuerySet":
        if reads_every_station(user):
            return self
        return self.filter(station__in=visible_station_ids(user))


class Vehicle(models.Model):
    """A car the council bought or received for the programme."""

    class Status(models.TextChoices):
        IN_SERVICE = "in_service", _("In service")
        IN_REPAIR = "in_repair", _("In repair")
        WRITTEN_OFF = "written_off", _("Written off")

    plate = models.CharField(
        _("plate"),
        max_length=12,
        validators=[validate_plate],
        help_text=_("Cyrillic or Latin letters, e.g. АЕ 1234 КР; stored in one spelling."),
    )
    vin = models.CharField(_("VIN"), max_length=17, blank=True, validators=[validate_vin])
    make = models.CharField(_("make"), max_length=60)
    model = models.CharField(_("model"), max_length=60)
    year = models.PositiveSmallIntegerField(
        pgettext_lazy("vehicle", "year"),
        validators=[MinValueValidator(1980), MaxValueValidator(2100)],
    )
    colour = models.CharField(_("colour"), max_length=40, blank=True)
    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="vehicles", verbose_name=_("station")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_SERVICE
    )
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    funded_by = models.CharField(
        _("funded by"), max_length=200, blank=True, help_text=_("E.g. the city budget.")
    )
    history = HistoricalRecords()

    objects = VehicleQuerySet.as_manager()

    class Meta:
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        ordering = ["plate"]
        constraints = [
            models.UniqueConstraint(
                fields=["plate"],
                name="stations_unique_plate",
                violation_error_code="unique",  # shown on the field
                violation_error_message=_("A vehicle with this plate is already registered."),
            ),
            models.UniqueConstraint(
                fields=["vin"],
                condition=~Q(vin=""),
                name="stations_unique_vin",
                violation_error_message=_("A vehicle with this VIN is already registered."),
            ),
        ]
        indexes = [models.Index(fields=["status"], name="stations_vehicle_status_idx")]

    def __str__(self) -> str:
        return f"{self.plate_display} {self.make} {self.model}"

    def save(self, *args, **kwargs):
        # One spelling in the database, whichever path wrote the row.
        self.plate = normalize_plate(self.plate)
        self.vin = normalize_vin(self.vin)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("stations:vehicle_detail", args=[self.pk])

    def clean(self) -> None:
        self.plate = normalize_plate(self.plate)
        self.vin = normalize_vin(self.vin)

    @property
    def plate_display(self) -> str:
        """The plate as it is printed: АЕ 1234 КР."""
        plate = self.plate
        return f"{plate[:2]} {plate[2:6]} {plate[6:]}" if len(plate) == 8 else plate

    def last_odometer(self, at: datetime.datetime | None = None) -> int | None:
        """The highest reading up to ``at`` (or ever): what forms pre-fill."""
        readings = self.readings.all()
        if at is not None:
            readings = readings.filter(read_at__lte=at)
        return readings.aggregate(km=models.Max("km"))["km"]

    def check_odometer(self, km: int, at: datetime.datetime) -> None:
        """Refuse a reading below an earlier one or above a later one."""
        earlier = self.last_odometer(at)
        if earlier is not None and km < earlier:
            raise ValidationError(
                _("The odometer showed %(km)s km before this; a reading cannot go back."),
                code="odometer_backwards",
                params={"km": earlier},
            )
        later = self.readings.filter(read_at__gt=at).aggregate(km=models.Min("km"))["km"]
        if later is not None and km > later:
            raise ValidationError(
                _("A later reading shows %(km)s km; this one cannot be higher."),
                code="odometer_ahead",
                params={"km": later},
            )


class LogbookEntry(models.Model):
    """A line of a vehicle's logbook: a reading, a refuelling or a service.

    Each kind declares its own ``vehicle`` link, because each has its own name on the
    vehicle (``readings``, ``fuel_records``, ``maintenance_records``); the way Django
    would name them from here, ``Meta.default_related_name``, is an option migrations
    record. History is declared by each kind that keeps one: ``HistoricalRecords`` here
    would need ``inherit=True`` and give readings a history table they do not have.
    """

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        abstract = True


class OdometerReading(LogbookEntry):
    """The odometer at a moment; the vehicle's mileage is its latest reading."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Reading")
        FUEL = "fuel", _("Refuelling")
        MAINTENANCE = "maintenance", _("Maintenance")
        SHIFT = "shift", _("Shift")

    vehicle = models.ForeignKey(
        Vehicle, on_delete=models.PROTECT, related_name="readings", verbose_name=_("vehicle")
    )
    read_at = models.DateTimeField(_("read at"))
    km = models.PositiveIntegerField(_("odometer, km"))
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )

    class Meta:
        verbose_name = _("odometer reading")
        verbose_name_plural = _("odometer readings")
        ordering = ["-read_at", "-km"]
        indexes = [models.Index(fields=["vehicle", "-read_at"], name="stations_reading_latest_idx")]

    def __str__(self) -> str:
        return f"{self.vehicle.plate}: {self.km} km"


class FuelRecord(LogbookEntry):
    vehicle = models.ForeignKey(
        Vehicle, on_delete=models.PROTECT, related_name="fuel_records", verbose_name=_("vehicle")
    )
    filled_at = models.DateTimeField(_("filled at"))
    litres = models.DecimalField(
        _("litres"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    cost_uah = models.DecimalField(
        _("cost, UAH"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    odometer_km = models.PositiveIntegerField(_("odometer, km"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("refuelling")
        verbose_name_plural = _("refuellings")
        ordering = ["-filled_at"]
        indexes = [models.Index(fields=["vehicle", "-filled_at"], name="stations_fuel_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(litres__gt=0), name="stations_fuel_litres_positive"),
            models.CheckConstraint(
                condition=Q(cost_uah__gte=0), name="stations_fuel_cost_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vehicle.plate}: {self.litres} l"


class MaintenanceRecord(LogbookEntry):
    vehicle = models.ForeignKey(
        Vehicle,
        on_delete=models.PROTECT,
        related_name="maintenance_records",
        verbose_name=_("vehicle"),
    )
    done_on = models.DateField(_("done on"))
    work = models.CharField(_("work done"), max_length=300)
    cost_uah = models.DecimalField(
        _("cost, UAH"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    odometer_km = models.PositiveIntegerField(_("odometer, km"))
    next_due_on = models.DateField(_("next due on"), null=True, blank=True)
    next_due_km = models.PositiveIntegerField(_("next due at, km"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("maintenance")
        verbose_name_plural = _("maintenance records")
        ordering = ["-done_on", "-id"]
        indexes = [models.Index(fields=["vehicle", "-done_on"], name="stations_maintenance_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_uah__gte=0), name="stations_maintenance_cost_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vehicle.plate}: {self.work}"

    def is_due(self, today: datetime.date, km_now: int | None) -> bool:
        """Due (or within a month / 1,000 km of due) by date or by mileage."""
        by_date = self.next_due_on is not None and self.next_due_on <= today + datetime.timedelta(
            days=30
        )
        by_km = (
            self.next_due_km is not None
            and km_now is not None
            and km_now >= self.next_due_km - 1000
        )
        return by_date or by_km
