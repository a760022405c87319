"""Filters of the incident list and map (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import ChoiceFilter, DayFilter, ModelChoiceFilter
from core.forms import AllYesNo, DateInput
from stations.filters import (
    visible_communities,
    visible_officers,
    visible_stations,
    visible_villages,
)

from .models import Incident


class IncidentFilter(django_filters.FilterSet):
    """Filters of the incident list and map. Text search reaches the description only
    where the person may read it: restricted details stay hidden in search too."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    community = ModelChoiceFilter(
        label=_("Community"), empty_label=_("All"), queryset=visible_communities
    )
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    village = ModelChoiceFilter(label=_("Village"), empty_label=_("All"), queryset=visible_villages)
    category = ChoiceFilter(
        label=_("Category"), choices=Incident.Category.choices, empty_label=_("All")
    )
    report_status = ChoiceFilter(
        label=_("Report"), choices=Incident.Report.choices, empty_label=_("All")
    )
    case_status = ChoiceFilter(label=_("Case"), choices=Incident.Case.choices, empty_label=_("All"))
    not_closed = django_filters.BooleanFilter(
        label=_("Only cases not closed"),
        method="filter_not_closed",
        widget=AllYesNo(),
    )
    with_order = django_filters.BooleanFilter(
        label=_("Urgent restraining order"),
        method="filter_with_order",
        widget=AllYesNo(),
    )
    reporting_officer = ModelChoiceFilter(
        label=_("Officer"), empty_label=_("All"), queryset=visible_officers
    )
    since = DayFilter(
        label=_("From"), field_name="occurred_at", lookup_expr="gte", widget=DateInput()
    )
    until = DayFilter(
        label=_("To"), field_name="occurred_at", lookup_expr="lte", widget=DateInput()
    )

    class Meta:
        model = Incident
        fields = [
            "q",
            "community",
            "station",
            "village",
            "category",
            "report_status",
            "case_status",
            "not_closed",
            "with_order",
            "reporting_officer",
            "since",
            "until",
        ]

    def __init__(self, *args, police_ids=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.police_ids = police_ids

    def filter_not_closed(self, queryset, name, value):
        return queryset.exclude(case_status=Incident.Case.CLOSED) if value else queryset

    def filter_with_order(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(restraining_order__isnull=not value)

    def search(self, queryset, name, value):
        value = value.strip()
        readable = ~Q(category__in=Incident.RESTRICTED) | Q(station__in=self.police_ids)
        return queryset.filter(
            Q(number__icontains=value)
            | Q(village__name__icontains=value)
            | (readable & (Q(description__icontains=value) | Q(place__icontains=value)))
        )
