"""List filters of the territory registries (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Community, Station, Village


def visible_communities(request):
    return Community.objects.visible_to(request.user)


def visible_stations(request):
    return Station.objects.visible_to(request.user)


class SearchFilterSet(django_filters.FilterSet):
    """A FilterSet with a free-text ``q`` over the fields named in ``search_fields``."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Search"), method="search")

    def search(self, queryset, name, value):
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)


class CommunityFilter(SearchFilterSet):
    search_fields = ("name", "oblast")

    class Meta:
        model = Community
        fields = ["q"]


class VillageFilter(SearchFilterSet):
    search_fields = ("name", "name_latin")
    community = django_filters.ModelChoiceFilter(
        label=_("Community"), empty_label=_("All"), queryset=visible_communities
    )
    station = django_filters.ModelChoiceFilter(
        label=_("Station"), empty_label=_("All"), queryset=visible_stations
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Default order"),
        fields=(("name", "name"), ("population", "population")),
        field_labels={"name": _("Name"), "population": _("Population")},
    )

    class Meta:
        model = Village
        fields = ["q", "community", "station"]


class StationFilter(SearchFilterSet):
    search_fields = ("name", "address", "village__name")
    community = django_filters.ModelChoiceFilter(
        label=_("Community"),
        empty_label=_("All"),
        field_name="village__community",
        queryset=visible_communities,
    )

    class Meta:
        model = Station
        fields = ["q", "community"]
