"""The preventive work list's filters (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ChoiceFilter, ModelChoiceFilter, OrderingFilter
from core.forms import DateInput
from stations.filters import (
    visible_communities,
    visible_officers,
    visible_stations,
    visible_villages,
)

from .models import PreventiveEvent


class PreventiveEventFilter(django_filters.FilterSet):
    community = ModelChoiceFilter(
        label=_("Community"),
        empty_label=_("All"),
        queryset=visible_communities,
        field_name="station__village__community",
    )
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    officer = ModelChoiceFilter(label=_("Officer"), empty_label=_("All"), queryset=visible_officers)
    village = ModelChoiceFilter(label=_("Village"), empty_label=_("All"), queryset=visible_villages)
    kind = ChoiceFilter(label=_("Kind"), choices=PreventiveEvent.Kind.choices, empty_label=_("All"))
    topic = ChoiceFilter(
        label=_("Topic"), choices=PreventiveEvent.Topic.choices, empty_label=_("All")
    )
    since = django_filters.DateFilter(
        label=_("From"), field_name="held_on", lookup_expr="gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=_("To"), field_name="held_on", lookup_expr="lte", widget=DateInput()
    )
    ordering = OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Default order"),
        fields=(("held_on", "date"), ("audience", "audience")),
        field_labels={"held_on": _("Date"), "audience": _("Audience")},
    )

    class Meta:
        model = PreventiveEvent
        fields = ["community", "station", "officer", "village", "kind", "topic", "since", "until"]
