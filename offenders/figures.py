"""The register in numbers, for pages and reports that may show no name: taken on, taken
off, and on the register at the end of a period, for any set of stations."""

import datetime

from django.db.models import Count, Q


def register_measures(start: datetime.date, end: datetime.date) -> dict[str, Count]:
    """How many were taken on, taken off, and were on the register at the end of the
    period's days ``start``..``end``: aggregates over entries."""
    return {
        "taken_on": Count("pk", filter=Q(taken_on__gte=start, taken_on__lte=end)),
        "taken_off": Count("pk", filter=Q(taken_off_on__gte=start, taken_off_on__lte=end)),
        "on_register": Count(
            "pk",
            filter=Q(taken_on__lte=end) & (Q(taken_off_on__isnull=True) | Q(taken_off_on__gt=end)),
        ),
    }
