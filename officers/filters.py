"""List filters of the officers registry (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from stations.filters import SearchFilterSet, visible_stations
from stations.models import Village

from .models import Officer


def visible_villages(request):
    return Village.objects.visible_to(request.user)


class OfficerFilter(SearchFilterSet):
    search_fields = ("surname", "name", "patronymic", "badge_number", "phone")
    station = django_filters.ModelChoiceFilter(label=_("station"), queryset=visible_stations)
    village = django_filters.ModelChoiceFilter(
        label=_("village"), field_name="villages", queryset=visible_villages
    )
    rank = django_filters.ChoiceFilter(label=_("rank"), choices=Officer.Rank.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=Officer.Status.choices)
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("surname", "surname"), ("service_start", "service_start")),
        field_labels={"surname": _("surname"), "service_start": _("service start")},
    )

    class Meta:
        model = Officer
        fields = ["q", "station", "village", "rank", "status"]
