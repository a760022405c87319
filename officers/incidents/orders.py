"""Restraining orders about to end: the panel of the home page that asks police to act."""

import datetime

from django.utils import timezone

from officers.rules import police_station_ids

from .models import RestrainingOrder


def expiring_orders(user) -> list:
    """Urgent restraining orders ending within 24 hours at the user's stations (police)."""
    stations = police_station_ids(user)
    if not stations:
        return []
    now = timezone.now()
    return list(
        RestrainingOrder.objects.filter(
            incident__station__in=stations,
            valid_until__gt=now,
            valid_until__lte=now + datetime.timedelta(hours=24),
        )
        .select_related("incident__village")
        .order_by("valid_until")
    )
