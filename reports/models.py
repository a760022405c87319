"""Reports presented to the council: the mark an officer's report carries once given."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from officers.models import Officer


class PresentedReport(models.Model):
    """The officer informed the community's executive body of the state of public order
    and the preventive work (MVS Order No. 650: at least twice a year)."""

    officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="council_reports",
        verbose_name=_("officer"),
    )
    since = models.DateField(_("period from"))
    until = models.DateField(_("period to"))
    presented_on = models.DateField(_("presented on"))
    presented_to = models.CharField(
        _("presented to"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the session of the executive committee."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report presented to the council")
        verbose_name_plural = _("reports presented to the council")
        ordering = ["-presented_on", "-pk"]
        indexes = [models.Index(fields=["officer", "-presented_on"], name="reports_presented_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "since", "until"], name="reports_presented_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(until__gte=F("since")), name="reports_presented_period_forward"
            ),
            models.CheckConstraint(
                condition=Q(presented_on__gte=F("since")),
                name="reports_presented_after_period_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} · {self.since:%d.%m.%Y}–{self.until:%d.%m.%Y}"
