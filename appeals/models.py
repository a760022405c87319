"""Residents' appeals to their community officer, and who read whose.

The resident's name, phone and address, what they asked and what they were answered are
personal data: police of the appeal's station read them, each view logged; council staff
see that an appeal exists, where, when and in what state, never whose or about what.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from officers.models import Incident, Officer
from stations.models import Community, Station, Village, visible_station_ids
from stations.rules import reads_every_station


class AppealQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AppealQuerySet":
        """Council staff read every station's (without the personal data); police their
        stations'."""
        if reads_every_station(user):
            return self
        return self.filter(station__in=visible_station_ids(user))

    def open(self) -> "AppealQuerySet":
        return self.filter(status__in=Appeal.OPEN_STATUSES)


class Appeal(models.Model):
    class Channel(models.TextChoices):
        RECEPTION = "reception", _("At a reception")
        WRITTEN = "written", _("In writing")
        PHONE = "phone", _("By phone")
        VILLAGE = "village", _("In the village")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("appeal status", "Received")
        IN_WORK = "in_work", _("In work")
        ANSWERED = "answered", _("Answered")
        REFERRED = "referred", _("Referred")

    class AnswerMethod(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        IN_WRITING = "in_writing", _("In writing")
        PHONE = "phone", _("By phone")
        EMAIL = "email", _("By e-mail")

    OPEN_STATUSES = (Status.RECEIVED, Status.IN_WORK)

    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="+", verbose_name=_("community")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(_("number"), max_length=20)
    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("station")
    )
    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("officer")
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("village")
    )
    received_on = models.DateField(_("received on"))
    channel = models.CharField(_("how received"), max_length=20, choices=Channel.choices)
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("Someone's safety or health is at stake.")
    )
    needs_study = models.BooleanField(
        _("needs further study"),
        default=True,
        help_text=_("Answered within 30 days; without further study, within 15."),
    )
    # personal data (police of the station only)
    resident_name = models.CharField(_("resident"), max_length=200)
    resident_phone = models.CharField(_("resident's phone"), max_length=30, blank=True)
    resident_address = models.CharField(_("resident's address"), max_length=300, blank=True)
    subject = models.TextField(_("what the appeal is about"))
    # the term, the work and the answer
    deadline = models.DateField(_("deadline"))
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer_method = models.CharField(
        _("answer given"), max_length=20, choices=AnswerMethod.choices, blank=True
    )
    referred_to = models.CharField(_("referred to"), max_length=300, blank=True)
    incident = models.OneToOneField(
        Incident,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeal",
        verbose_name=_("incident"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("residents' appeals")
        ordering = ["-received_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="appeals_unique_number_per_community"
            ),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("received_on")),
                name="appeals_deadline_after_receipt",
            ),
            models.CheckConstraint(
                condition=~Q(status="answered")
                | (Q(answered_on__isnull=False) & ~Q(answer="") & ~Q(answer_method="")),
                name="appeals_answered_has_answer",
            ),
            models.CheckConstraint(
                condition=~Q(status="referred") | ~Q(referred_to=""),
                name="appeals_referred_has_whom",
            ),
        ]
        indexes = [
            models.Index(fields=["station", "-received_on"], name="appeals_station_idx"),
            models.Index(fields=["status", "deadline"], name="appeals_status_deadline_idx"),
            models.Index(fields=["-received_on"], name="appeals_received_idx"),
            models.Index(fields=["channel"], name="appeals_channel_idx"),
            models.Index(fields=["village"], name="appeals_village_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Appeal %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("appeals:appeal_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_extended(self) -> bool:
        return bool(self.extension_reason)


class AppealView(models.Model):
    """Someone read an appeal's personal data: who, when, which."""

    appeal = models.ForeignKey(
        Appeal, on_delete=models.PROTECT, related_name="views", verbose_name=_("appeal")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("view of an appeal")
        verbose_name_plural = _("views of appeals")
        ordering = ["-at"]
        indexes = [models.Index(fields=["appeal", "-at"], name="appeals_view_idx")]

    def __str__(self) -> str:
        return f"{self.user} · {self.appeal} · {self.at:%Y-%m-%d %H:%M}"
