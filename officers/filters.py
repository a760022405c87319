"""List filters of the officers registry (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ChoiceFilter, DayFilter, ModelChoiceFilter, OrderingFilter, SearchFilterSet
from core.forms import AllYesNo, DateInput
from stations.filters import visible_officers, visible_stations, visible_villages

from .models import Officer, Shift


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


class DistrictFilter(SearchFilterSet):
    """The police districts list: officers with their district's figures
    (officers.districts.with_district)."""

    search_fields = ("surname", "name", "patronymic", "badge_number")
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    village = ModelChoiceFilter(
        label=_("Village"), empty_label=_("All"), field_name="villages", queryset=visible_villages
    )
    over = django_filters.BooleanFilter(
        label=_("Over the limit"), field_name="district_over", widget=AllYesNo
    )
    ordering = OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Default order"),
        fields=(("surname", "surname"), ("district_population", "population")),
        field_labels={"surname": _("Surname"), "district_population": _("Population")},
    )

    class Meta:
        model = Officer
        fields = ["q", "station", "village", "over"]


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
