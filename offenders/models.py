"""The preventive register of domestic-violence offenders (MVS Order No. 124 of 25.02.2019).

A person is taken onto the register on grounds (a domestic-violence incident, an urgent
restraining order, a court's restraining order), the officer does preventive work with
them (visits, talks, checks that the order's restrictions are kept) until they are taken
off with a reason. The most restricted data of the site: read only by the police of the
entry's station, every view logged; everyone else, council staff and administrators
included, gets counts without names (``figures``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from officers.models import Incident, Officer
from officers.rules import police_station_ids
from stations.models import Community, Station


class OffenderQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OffenderQuerySet":
        """Police of the station only: nobody else reads any entry, not even that it exists."""
        return self.filter(station__in=police_station_ids(user))

    def on_register(self) -> "OffenderQuerySet":
        return self.filter(taken_off_on__isnull=True)


class Offender(models.Model):
    class Grounds(models.TextChoices):
        INCIDENT = "incident", _("A domestic-violence incident")
        URGENT_ORDER = "urgent_order", _("An urgent restraining order")
        COURT_ORDER = "court_order", _("A court's restraining order")

    class OffReason(models.TextChoices):
        TERM_ENDED = "term_ended", _("The term of the register ended")
        ORDER_ENDED = "order_ended", _("The restraining order ended or was lifted")
        MOVED = "moved", _("Moved out of the police district")
        DIED = "died", _("Died")
        OTHER = "other", _("Other")

    GROUNDS_IN_AN_INCIDENT = (Grounds.INCIDENT, Grounds.URGENT_ORDER)

    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="+", verbose_name=_("community")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(_("number"), max_length=20)
    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="offenders", verbose_name=_("station")
    )
    officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="offenders",
        verbose_name=_("officer in charge"),
    )
    # the person (police of the station only)
    full_name = models.CharField(_("full name"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    # the grounds
    grounds = models.CharField(_("grounds"), max_length=20, choices=Grounds.choices)
    incident = models.ForeignKey(
        Incident,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offenders",
        verbose_name=_("incident"),
    )
    court_order_number = models.CharField(_("court order number"), max_length=60, blank=True)
    court_order_until = models.DateField(_("court order valid until"), null=True, blank=True)
    taken_on = models.DateField(_("taken onto the register on"))
    next_check_on = models.DateField(_("next check due"), null=True, blank=True)
    # off the register
    taken_off_on = models.DateField(_("taken off the register on"), null=True, blank=True)
    off_reason = models.CharField(
        _("reason for taking off"), max_length=20, choices=OffReason.choices, blank=True
    )
    off_note = models.TextField(_("note on taking off"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = OffenderQuerySet.as_manager()

    class Meta:
        verbose_name = _("entry of the preventive register")
        verbose_name_plural = _("preventive register")
        ordering = ["-taken_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="offenders_unique_number_per_community"
            ),
            models.CheckConstraint(
                condition=~Q(grounds__in=["incident", "urgent_order"]) | Q(incident__isnull=False),
                name="offenders_incident_grounds_name_it",
            ),
            models.CheckConstraint(
                condition=~Q(grounds="court_order") | ~Q(court_order_number=""),
                name="offenders_court_order_has_number",
            ),
            models.CheckConstraint(
                condition=Q(taken_off_on__isnull=True, off_reason="")
                | (Q(taken_off_on__gte=models.F("taken_on")) & ~Q(off_reason="")),
                name="offenders_taken_off_with_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["station", "-taken_on"], name="offenders_station_idx"),
            models.Index(fields=["taken_off_on"], name="offenders_off_idx"),
            models.Index(fields=["next_check_on"], name="offenders_check_idx"),
            models.Index(fields=["grounds"], name="offenders_grounds_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Register entry %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("offenders:offender_detail", args=[self.pk])

    @property
    def on_register(self) -> bool:
        return self.taken_off_on is None


class OffenderWork(models.Model):
    """Preventive work with a person on the register, and when the next check is due."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("Home visit")
        TALK = "talk", _("Preventive talk")
        CHECK = "check", _("Check of the order's restrictions")

    offender = models.ForeignKey(
        Offender, on_delete=models.PROTECT, related_name="work", verbose_name=_("register entry")
    )
    done_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    note = models.TextField(_("note"), blank=True)
    next_check_on = models.DateField(_("next check due"), null=True, blank=True)
    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="+", verbose_name=_("officer")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("preventive work with an offender")
        verbose_name_plural = _("preventive work with offenders")
        ordering = ["-done_on", "-pk"]
        indexes = [models.Index(fields=["offender", "-done_on"], name="offenders_work_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_check_on__isnull=True) | Q(next_check_on__gte=models.F("done_on")),
                name="offenders_next_check_after_work",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.done_on:%d.%m.%Y}"


class OffenderView(models.Model):
    """Someone read a register entry: who, when, which."""

    offender = models.ForeignKey(
        Offender, on_delete=models.PROTECT, related_name="views", verbose_name=_("register entry")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("view of a register entry")
        verbose_name_plural = _("views of register entries")
        ordering = ["-at"]
        indexes = [models.Index(fields=["offender", "-at"], name="offenders_view_idx")]

    def __str__(self) -> str:
        return f"{self.user} · {self.offender} · {self.at:%Y-%m-%d %H:%M}"
