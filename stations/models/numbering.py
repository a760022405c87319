"""Gap-tolerant, collision-free numbers such as ``2022-0001`` for acts and incidents."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class NumberSequence(models.Model):
    """The last number given out in one series (e.g. handover acts of 2022).

    ``next_number`` locks the row for the rest of the transaction, so two acts saved at
    the same moment never share a number; a rolled-back save may leave a gap, which is
    harmless.
    """

    series = models.CharField(_("series"), max_length=60)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="stations_unique_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last}"

    @classmethod
    def next_number(cls, series: str, year: int) -> int:
        """Take the next number of the series; call inside the transaction that uses it."""
        assert transaction.get_connection().in_atomic_block, "needs a transaction"
        cls.objects.get_or_create(series=series, year=year)
        sequence = cls.objects.select_for_update().get(series=series, year=year)
        sequence.last += 1
        sequence.save(update_fields=["last"])
        return sequence.last
