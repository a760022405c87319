"""Shifts: who was on duty, where and when, and the supervisor's approval."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stations.models import Station, Vehicle, Village
from stations.models.territory import own_or_supervised
from stations.rules import reads_every_station

from .people import Officer

MAX_SHIFT = datetime.timedelta(hours=24)
FORGOTTEN_AFTER = datetime.timedelta(hours=14)


class ShiftQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ShiftQuerySet":
        """Staff read all shifts; supervisors their stations'; an officer their own."""
        if reads_every_station(user):
            return self
        return self.filter(own_or_supervised(user))

    def open(self) -> "ShiftQuerySet":
        return self.filter(ended_at__isnull=True)

    def overlapping(self, officer, start, end) -> "ShiftQuerySet":
        """Shifts of ``officer`` that share any moment with [start, end)."""
        clash = (
            self.filter(officer=officer, started_at__lt=end)
            if end
            else self.filter(officer=officer)
        )
        return clash.filter(Q(ended_at__isnull=True) | Q(ended_at__gt=start))


class Shift(models.Model):
    """One officer's time on duty, from start to end (empty while on duty)."""

    class Status(models.TextChoices):
        OPEN = "open", _("On duty")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        APPROVED = "approved", _("Approved")

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="shifts", verbose_name=_("officer")
    )
    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    villages = models.ManyToManyField(
        Village, blank=True, related_name="shifts", verbose_name=_("villages patrolled")
    )
    vehicle = models.ForeignKey(
        Vehicle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shifts",
        verbose_name=_("vehicle"),
    )
    odometer_start = models.PositiveIntegerField(_("odometer at start, km"), null=True, blank=True)
    odometer_end = models.PositiveIntegerField(_("odometer at return, km"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    review_comment = models.TextField(_("supervisor's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[villages])

    objects = ShiftQuerySet.as_manager()

    class Meta:
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        ordering = ["-started_at", "-id"]
        permissions = [("approve_shift", _("Can approve or return shifts"))]
        constraints = [
            models.UniqueConstraint(
                fields=["officer"],
                condition=Q(ended_at__isnull=True),
                name="officers_one_open_shift",
                violation_error_message=_("This officer is already on duty."),
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gt=F("started_at")),
                name="officers_shift_ends_after_start",
                violation_error_message=_("A shift must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(odometer_end__isnull=True)
                | Q(odometer_start__isnull=True)
                | Q(odometer_end__gte=F("odometer_start")),
                name="officers_shift_odometer_forward",
                violation_error_message=_("The odometer at return cannot be below the start."),
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | ~Q(status="open"),
                name="officers_ended_shift_not_open",
            ),
        ]
        indexes = [
            models.Index(fields=["officer", "-started_at"], name="officers_shift_officer_idx"),
            models.Index(fields=["status"], name="officers_shift_status_idx"),
            models.Index(fields=["-started_at"], name="officers_shift_started_idx"),
        ]

    def __str__(self) -> str:
        # in Kyiv time, as every page shows it (history entries and lists name shifts so)
        return f"{self.officer} · {timezone.localtime(self.started_at):%d.%m.%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("officers:shift_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def kilometres(self) -> int | None:
        if self.odometer_start is None or self.odometer_end is None:
            return None
        return self.odometer_end - self.odometer_start

    def duration(self, now: datetime.datetime | None = None) -> datetime.timedelta:
        end = self.ended_at or now
        return end - self.started_at if end else datetime.timedelta(0)


class MonthClosure(models.Model):
    """A supervisor checked a station's timesheet: its shifts of that month are locked."""

    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="closed_months", verbose_name=_("station")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("closed month")
        verbose_name_plural = _("closed months")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["station", "month"], name="officers_month_closed_once"),
            models.CheckConstraint(condition=Q(month__day=1), name="officers_month_is_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.station} · {self.month:%Y-%m}"
