"""The register in numbers, for pages and reports that may show no name: taken on, taken
off, and on the register at the end of a period, for any set of stations."""

import datetime

from django.db.models import Count, Q

from .models import Offender


def register_counts(start: datetime.date, end: datetime.date, **where) -> dict[str, int]:
    """The period's days ``start``..``end``, of the entries ``where`` selects (a station's,
    an officer's: ``station__in=…``, ``officer=…``)."""
    # (aliases of their own: an aggregate may not take a field's name)
    counts = Offender.objects.filter(**where).aggregate(
        on=Count("pk", filter=Q(taken_on__gte=start, taken_on__lte=end)),
        off=Count("pk", filter=Q(taken_off_on__gte=start, taken_off_on__lte=end)),
        now=Count(
            "pk",
            filter=Q(taken_on__lte=end) & (Q(taken_off_on__isnull=True) | Q(taken_off_on__gt=end)),
        ),
    )
    return {"taken_on": counts["on"], "taken_off": counts["off"], "on_register": counts["now"]}
