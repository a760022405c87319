"""Community police officers and their training."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from accounts.roles import OFFICER_LOGIN_ROLES, with_role
from core.uploads import RandomName
from stations.models import Station, Village, visible_station_ids
from stations.rules import reads_every_station


class OfficerQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OfficerQuerySet":
        if reads_every_station(user):
            return self
        return self.filter(station__in=visible_station_ids(user))

    def active(self) -> "OfficerQuerySet":
        return self.exclude(status=Officer.Status.LEFT)

    def at_station(self, station: Station) -> "OfficerQuerySet":
        return self.filter(station=station)


NOT_AN_OFFICER_LOGIN = _(
    "An officer record belongs only to a login with the role officer or supervisor."
)


def officer_logins() -> Q:
    """The logins an officer record may belong to: officers' and supervisors'."""
    return with_role(*OFFICER_LOGIN_ROLES)


class Officer(models.Model):
    """A community police officer serving at one station."""

    class Rank(models.TextChoices):
        PRIVATE = "private", _("Police private")
        CORPORAL = "corporal", _("Police corporal")
        SERGEANT = "sergeant", _("Police sergeant")
        SENIOR_SERGEANT = "senior_sergeant", _("Senior police sergeant")
        LIEUTENANT = "lieutenant", _("Police lieutenant")
        SENIOR_LIEUTENANT = "senior_lieutenant", _("Senior police lieutenant")
        CAPTAIN = "captain", _("Police captain")
        MAJOR = "major", _("Police major")
        LIEUTENANT_COLONEL = "lieutenant_colonel", _("Police lieutenant colonel")
        COLONEL = "colonel", _("Police colonel")

    class Status(models.TextChoices):
        ACTIVE = "active", _("On duty roster")
        ON_LEAVE = "on_leave", _("On leave")
        LEFT = "left", _("Left the service")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officer",
        verbose_name=_("user account"),
        limit_choices_to=officer_logins,
        help_text=_("Only a login with the role officer or supervisor."),
        error_messages={"invalid": NOT_AN_OFFICER_LOGIN},
    )
    surname = models.CharField(_("surname"), max_length=100)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    badge_number = models.CharField(
        _("badge number"),
        max_length=20,
        help_text=_("The number on the police badge."),
    )
    rank = models.CharField(_("rank"), max_length=30, choices=Rank.choices, default=Rank.SERGEANT)
    photo = models.ImageField(_("photo"), upload_to=RandomName("officers", "jpg"), blank=True)
    photo_thumbnail = models.ImageField(
        _("photo thumbnail"), upload_to=RandomName("officers/thumbs", "jpg"), blank=True
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="officers", verbose_name=_("station")
    )
    villages = models.ManyToManyField(
        Village,
        blank=True,
        related_name="officers",
        verbose_name=_("villages of responsibility"),
    )
    service_start = models.DateField(_("service start"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    left_on = models.DateField(_("left on"), null=True, blank=True)
    lives_in_community = models.BooleanField(_("lives in the community"), default=False)
    # what the officer agreed to show on the community's public page (if it has one)
    public_consent = models.BooleanField(
        _("shown on the public page"),
        default=False,
        help_text=_(
            "The officer agreed to be named, with rank and station, on the community's page."
        ),
    )
    public_phone = models.BooleanField(
        _("with the phone"), default=False, help_text=_("The officer agreed to show the phone.")
    )
    public_photo = models.BooleanField(
        _("with the photo"), default=False, help_text=_("The officer agreed to show the photo.")
    )
    history = HistoricalRecords(m2m_fields=[villages])

    objects = OfficerQuerySet.as_manager()

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["surname", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["badge_number"],
                name="officers_unique_badge_number",
                violation_error_code="unique",  # shown on the field
                violation_error_message=_("Another officer already has this badge number."),
            ),
            models.CheckConstraint(
                condition=~Q(status="left") | Q(left_on__isnull=False),
                name="officers_left_has_date",
                violation_error_message=_("Give the date the officer left the service."),
            ),
        ]
        indexes = [
            models.Index(fields=["status"], name="officers_status_idx"),
            models.Index(fields=["rank"], name="officers_rank_idx"),
            models.Index(fields=["surname", "name"], name="officers_name_idx"),
            models.Index(fields=["service_start"], name="officers_service_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("officers:officer_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.name, self.patronymic) if p)

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.LEFT


class TrainingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TrainingQuerySet":
        return self.filter(officer__in=Officer.objects.visible_to(user).values("pk"))


class Training(models.Model):
    """A course an officer attended, e.g. community policing in Kharkiv."""

    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="trainings", verbose_name=_("officer")
    )
    course = models.CharField(_("course"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = TrainingQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="officers_training_ends_after_start",
                violation_error_message=_("A training cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.course

    def get_absolute_url(self) -> str:
        return self.officer.get_absolute_url()
