"""List filters of the officers registry (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import ChoiceFilter, DayFilter, ModelChoiceFilter, OrderingFilter, SearchFilterSet
from core.forms import AllYesNo, DateInput
from stations.filters import visible_officers, visible_stations
from stations.models import Village

from .models import Incident, Officer, Shift


def visible_villages(request):
    return Village.objects.visible_to(request.user).only("name")


class OfficerFilter(SearchFilterSet):
    search_fields = ("surname", "name", "patronymic", "badge_number", "phone")
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    village = ModelChoiceFilter(
        label=_("Village"), empty_label=_("All"), field_name="villages", queryset=visible_villages
    )
    rank = ChoiceFilter(label=_("Rank"), choices=Officer.Rank.choices, empty_label=_("All"))
    status = ChoiceFilter(label=_("Status"), choices=Officer.Status.choices, empty_label=_("All"))
    ordering = OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Default order"),
        fields=(("surname", "surname"), ("service_start", "service_start")),
        field_labels={"surname": _("Surname"), "service_start": _("Service start")},
    )

    class Meta:
        model = Officer
        fields = ["q", "station", "village", "rank", "status"]


class ShiftFilter(django_filters.FilterSet):
    station = ModelChoiceFilter(
        label=_("Station"),
        empty_label=_("All"),
        field_name="officer__station",
        queryset=visible_stations,
    )
    officer = ModelChoiceFilter(label=_("Officer"), empty_label=_("All"), queryset=visible_officers)
    status = ChoiceFilter(label=_("Status"), choices=Shift.Status.choices, empty_label=_("All"))
    village = ModelChoiceFilter(
        label=_("Village"), empty_label=_("All"), field_name="villages", queryset=visible_villages
    )
    since = DayFilter(
        label=_("From"), field_name="started_at", lookup_expr="gte", widget=DateInput()
    )
    until = DayFilter(label=_("To"), field_name="started_at", lookup_expr="lte", widget=DateInput())

    class Meta:
        model = Shift
        fields = ["station", "officer", "status", "village", "since", "until"]


class IncidentFilter(django_filters.FilterSet):
    """Filters of the incident list and map. Text search reaches the description only
    where the person may read it: restricted details stay hidden in search too."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
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
            "village",
            "category",
            "report_status",
            "case_status",
            "not_closed",
            "reporting_officer",
            "since",
            "until",
        ]

    def __init__(self, *args, police_ids=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.police_ids = police_ids

    def filter_not_closed(self, queryset, name, value):
        return queryset.exclude(case_status=Incident.Case.CLOSED) if value else queryset

    def search(self, queryset, name, value):
        value = value.strip()
        readable = ~Q(category__in=Incident.RESTRICTED) | Q(station__in=self.police_ids)
        return queryset.filter(
            Q(number__icontains=value)
            | Q(village__name__icontains=value)
            | (readable & (Q(description__icontains=value) | Q(place__icontains=value)))
        )
