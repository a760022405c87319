"""Preventive work: what an officer does so that incidents do not happen.

Meetings with residents, talks at schools, home visits to families at risk, joint
patrols: the half of community policing that a council's report asks for beside the
incidents. An event names no person, so council staff read it too.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.uploads import RandomName
from officers.models import Officer, Shift
from stations.models import Station, Village
from stations.models.territory import own_or_supervised
from stations.rules import reads_every_station

AUDIENCE_MAX = 10_000


class PreventiveEventQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PreventiveEventQuerySet":
        """Council staff read every station's; a supervisor their stations'; an officer
        their own."""
        if reads_every_station(user):
            return self
        return self.filter(own_or_supervised(user))


class PreventiveEvent(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting with residents")
        SCHOOL_TALK = "school_talk", _("Talk at a school")
        LECTURE = "lecture", _("Lecture")
        HOME_VISIT = "home_visit", _("Home visit to a family at risk")
        JOINT_PATROL = "joint_patrol", _("Joint patrol with a civic formation")
        RECEPTION = "reception", _("Reception of residents")
        OTHER = "other", _("Other")

    class Topic(models.TextChoices):
        DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
        ROAD_SAFETY = "road_safety", _("Road safety")
        EXPLOSIVES = "explosives", _("Explosive objects")
        FRAUD = "fraud", _("Fraud and cybercrime")
        JUVENILES = "juveniles", _("Juveniles")
        OTHER = "other", _("Other")

    officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="preventive_events",
        verbose_name=_("officer"),
    )
    # the officer's station when it happened: an officer who moves takes no events along
    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        related_name="preventive_events",
        verbose_name=_("station"),
    )
    shift = models.ForeignKey(
        Shift,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="preventive_events",
        verbose_name=_("shift"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        related_name="preventive_events",
        verbose_name=_("village"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    held_on = models.DateField(_("date"))
    audience = models.PositiveIntegerField(
        _("audience"), help_text=_("How many people took part, the officer not counted.")
    )
    note = models.TextField(_("note"), blank=True)
    photo = models.ImageField(_("photo"), upload_to=RandomName("prevention", "jpg"), blank=True)
    photo_thumbnail = models.ImageField(
        _("photo thumbnail"), upload_to=RandomName("prevention/thumbs", "jpg"), blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PreventiveEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("preventive event")
        verbose_name_plural = _("preventive work")
        ordering = ["-held_on", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(audience__gte=1, audience__lte=AUDIENCE_MAX),
                name="prevention_event_audience_in_range",
                violation_error_message=_("Give between 1 and 10,000 people."),
            ),
        ]
        indexes = [
            models.Index(fields=["officer", "-held_on"], name="prevention_officer_idx"),
            models.Index(fields=["station", "-held_on"], name="prevention_station_idx"),
            models.Index(fields=["-held_on"], name="prevention_held_on_idx"),
            models.Index(fields=["kind"], name="prevention_kind_idx"),
            models.Index(fields=["topic"], name="prevention_topic_idx"),
            models.Index(fields=["audience"], name="prevention_audience_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.village.name} · {self.held_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("prevention:preventiveevent_detail", args=[self.pk])
