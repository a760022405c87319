"""Acts of transfer and the unbroken chain of who held which item, and when.

An issue act opens a custody for each of its items; a return act closes them. The
database holds at most one open custody per item (a partial unique constraint), so an
item can never be held by two officers at once, whatever saves at the same moment.
"""

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stations.rules import reads_every_station

from .equipment import EquipmentItem
from .territory import own_or_supervised


class HandoverQuerySet(models.QuerySet):
    def visible_to(self, user) -> "HandoverQuerySet":
        """Staff read every act; supervisors their stations'; an officer only their own."""
        if reads_every_station(user):
            return self
        return self.filter(own_or_supervised(user))

    def unconfirmed(self) -> "HandoverQuerySet":
        return self.filter(confirmed_at__isnull=True)


class Handover(models.Model):
    """An act of transfer: items issued to an officer, or taken back from one."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Issue")
        RETURN = "return", _("Return")

    class ConfirmedHow(models.TextChoices):
        IN_PERSON = "in_person", _("In person, with the password, at the handover")
        OWN_LOGIN = "own_login", _("Later, from their own login")

    number = models.CharField(_("number"), max_length=20, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200)
    officer = models.ForeignKey(
        "officers.Officer",
        on_delete=models.PROTECT,
        related_name="handovers",
        verbose_name=_("officer"),
        help_text=_("The officer who receives the items, or who returns them."),
    )
    official_name = models.CharField(
        _("official"),
        max_length=200,
        help_text=_("Who hands the items over, or takes them back."),
    )
    official_role = models.CharField(
        _("official's role"),
        max_length=200,
        help_text=_("E.g. Mayor of Mariupol; Head of the Main Directorate of the National Police."),
    )
    witnesses = models.TextField(_("witnesses"), blank=True, help_text=_("One per line."))
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drawn up by"),
    )
    created_at = models.DateTimeField(_("drawn up at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_from = models.GenericIPAddressField(_("confirmed from"), null=True, blank=True)
    confirmed_how = models.CharField(
        _("confirmed how"), max_length=20, choices=ConfirmedHow.choices, blank=True
    )
    history = HistoricalRecords()

    objects = HandoverQuerySet.as_manager()

    class Meta:
        verbose_name = _("handover act")
        verbose_name_plural = _("handover acts")
        ordering = ["-occurred_at", "-id"]
        permissions = [("confirm_return", _("Can confirm that returned items were taken back"))]
        constraints = [
            models.UniqueConstraint(fields=["number"], name="stations_unique_handover_number"),
            models.CheckConstraint(
                condition=Q(confirmed_at__isnull=True, confirmed_by__isnull=True)
                | Q(confirmed_at__isnull=False, confirmed_by__isnull=False),
                name="stations_handover_confirmation_complete",
            ),
        ]
        indexes = [
            models.Index(fields=["-occurred_at"], name="stations_handover_date_idx"),
            models.Index(
                fields=["officer"],
                condition=Q(confirmed_at__isnull=True),
                name="stations_handover_pending_idx",
            ),
            models.Index(fields=["kind"], name="stations_handover_kind_idx"),
        ]
        # On PostgreSQL the database itself refuses to change or delete a confirmed act.
        triggers = [
            pgtrigger.Protect(
                name="confirmed_acts_never_change",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__confirmed_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("stations:handover_detail", args=[self.pk])

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_issue(self) -> bool:
        return self.kind == self.Kind.ISSUE

    @property
    def is_return(self) -> bool:
        return self.kind == self.Kind.RETURN

    def witness_list(self) -> list[str]:
        return [line.strip() for line in self.witnesses.splitlines() if line.strip()]


class HandoverLine(models.Model):
    """One item of an act, with its condition at that moment."""

    class Condition(models.TextChoices):
        GOOD = "good", _("Good")
        WORN = "worn", _("Worn")
        DAMAGED = "damaged", _("Damaged")

    handover = models.ForeignKey(
        Handover, on_delete=models.CASCADE, related_name="lines", verbose_name=_("act")
    )
    item = models.ForeignKey(
        EquipmentItem,
        on_delete=models.PROTECT,
        related_name="handover_lines",
        verbose_name=_("item"),
    )
    condition = models.CharField(
        _("condition"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    expected_return_on = models.DateField(_("expected back on"), null=True, blank=True)

    class Meta:
        verbose_name = _("act line")
        verbose_name_plural = _("act lines")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["handover", "item"], name="stations_item_once_per_act")
        ]

    def __str__(self) -> str:
        return str(self.item)


class CustodyQuerySet(models.QuerySet):
    def open(self) -> "CustodyQuerySet":
        return self.filter(until__isnull=True)

    def visible_to(self, user) -> "CustodyQuerySet":
        """The same rule as for acts: an officer sees only their own custody."""
        if reads_every_station(user):
            return self
        return self.filter(own_or_supervised(user))


class Custody(models.Model):
    """An officer held an item from one act to another (or holds it still)."""

    item = models.ForeignKey(
        EquipmentItem, on_delete=models.PROTECT, related_name="custodies", verbose_name=_("item")
    )
    officer = models.ForeignKey(
        "officers.Officer",
        on_delete=models.PROTECT,
        related_name="custodies",
        verbose_name=_("officer"),
    )
    issue_line = models.OneToOneField(
        HandoverLine,
        on_delete=models.PROTECT,
        related_name="opened_custody",
        verbose_name=_("issued by"),
    )
    return_line = models.OneToOneField(
        HandoverLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closed_custody",
        verbose_name=_("returned by"),
    )
    since = models.DateTimeField(_("since"))
    until = models.DateTimeField(_("until"), null=True, blank=True)

    objects = CustodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("custody")
        verbose_name_plural = _("custody records")
        ordering = ["-since", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(until__isnull=True),
                name="stations_one_holder_per_item",
                violation_error_message=_("This item is already held by an officer."),
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=F("since")),
                name="stations_custody_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(
                fields=["officer"],
                condition=Q(until__isnull=True),
                name="stations_custody_held_idx",
            ),
            models.Index(fields=["item", "-since"], name="stations_custody_item_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.item} — {self.officer}"
