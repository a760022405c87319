"""List filters of the officers registry (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from policing.forms import DateInput
from stations.filters import SearchFilterSet, visible_officers, visible_stations
from stations.models import Village

from .models import Officer, Shift


def visible_villages(request):
    return Village.objects.visible_to(request.user)


class OfficerFilter(SearchFilterSet):
    search_fields = ("surname", "name", "patronymic", "badge_number", "phone")
    station = django_filters.ModelChoiceFilter(
        label=_("Station"), empty_label=_("All"), queryset=visible_stations
    )
    village = django_filters.ModelChoiceFilter(
        label=_("Village"), empty_label=_("All"), field_name="villages", queryset=visible_villages
    )
    rank = django_filters.ChoiceFilter(
        label=_("Rank"), choices=Officer.Rank.choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Officer.Status.choices, empty_label=_("All")
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Default order"),
        fields=(("surname", "surname"), ("service_start", "service_start")),
        field_labels={"surname": _("Surname"), "service_start": _("Service start")},
    )

    class Meta:
        model = Officer
        fields = ["q", "station", "village", "rank", "status"]


class ShiftFilter(django_filters.FilterSet):
    station = django_filters.ModelChoiceFilter(
        label=_("Station"),
        empty_label=_("All"),
        field_name="officer__station",
        queryset=visible_stations,
    )
    officer = django_filters.ModelChoiceFilter(
        label=_("Officer"), empty_label=_("All"), queryset=visible_officers
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Shift.Status.choices, empty_label=_("All")
    )
    since = django_filters.DateFilter(
        label=_("From"), field_name="started_at", lookup_expr="date__gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=_("To"), field_name="started_at", lookup_expr="date__lte", widget=DateInput()
    )

    class Meta:
        model = Shift
        fields = ["station", "officer", "status", "since", "until"]
