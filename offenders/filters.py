"""The register's filters (django-filter): on it or off it, and checks that are due."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import ChoiceFilter, ModelChoiceFilter
from stations.filters import visible_stations

from .models import Offender

STATE_CHOICES = [
    ("on", _("On the register")),
    ("off", _("Taken off")),
    ("check_due", _("Check overdue")),
]


class OffenderFilter(django_filters.FilterSet):
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    state = ChoiceFilter(
        label=_("State"), choices=STATE_CHOICES, empty_label=_("All"), method="by_state"
    )
    grounds = ChoiceFilter(
        label=_("Grounds"), choices=Offender.Grounds.choices, empty_label=_("All")
    )

    class Meta:
        model = Offender
        fields = ["station", "state", "grounds"]

    def by_state(self, queryset, name, value):
        return in_state(queryset, value)


def in_state(queryset, state: str):
    if state == "on":
        return queryset.on_register()
    if state == "off":
        return queryset.filter(taken_off_on__isnull=False)
    if state == "check_due":
        return queryset.on_register().filter(next_check_on__lt=timezone.localdate())
    return queryset
