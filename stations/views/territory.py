"""Pages of the territory registries: communities, villages and stations."""

from django.db.models import Count, Prefetch, Sum

from core.forms import PDF_MAX_BYTES
from core.mixins import (
    RegistryCreateView,
    RegistryDetailView,
    RegistryListView,
    RegistryUpdateView,
)
from stations.filters import CommunityFilter, StationFilter, VillageFilter
from stations.forms import CommunityForm, StationForm, VillageForm
from stations.models import Community, Station, Village

# A memorandum's PDF and the form around it.
MEMORANDUM_REQUEST_MAX_BYTES = PDF_MAX_BYTES + 1024 * 1024


class CommunityList(RegistryListView):
    model = Community
    filterset_class = CommunityFilter
    template_name = "stations/community_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(
                village_count=Count("villages", distinct=True),
                population_total=Sum("villages__population"),
            )
        )


class CommunityDetail(RegistryDetailView):
    model = Community
    template_name = "stations/community_detail.html"
    prefetch_related = (Prefetch("villages", queryset=Village.objects.select_related("station")),)


class CommunityCreate(RegistryCreateView):
    model = Community
    form_class = CommunityForm
    upload_max_bytes = MEMORANDUM_REQUEST_MAX_BYTES


class CommunityUpdate(RegistryUpdateView):
    model = Community
    form_class = CommunityForm
    upload_max_bytes = MEMORANDUM_REQUEST_MAX_BYTES


class VillageList(RegistryListView):
    model = Village
    filterset_class = VillageFilter
    template_name = "stations/village_list.html"
    select_related = ("community", "station")

    def get_queryset(self):
        return super().get_queryset().annotate(officer_count=Count("officers"))


class VillageDetail(RegistryDetailView):
    model = Village
    template_name = "stations/village_detail.html"
    select_related = ("community", "station")
    prefetch_related = ("officers__station", "stations_here")


class VillageCreate(RegistryCreateView):
    model = Village
    form_class = VillageForm


class VillageUpdate(RegistryUpdateView):
    model = Village
    form_class = VillageForm


class StationList(RegistryListView):
    model = Station
    filterset_class = StationFilter
    template_name = "stations/station_list.html"
    select_related = ("village__community",)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(
                village_count=Count("villages", distinct=True),
                officer_count=Count("officers", distinct=True),
            )
        )


class StationDetail(RegistryDetailView):
    model = Station
    template_name = "stations/station_detail.html"
    select_related = ("village__community",)
    prefetch_related = ("villages", "supervisors", "officers")


class StationCreate(RegistryCreateView):
    model = Station
    form_class = StationForm


class StationUpdate(RegistryUpdateView):
    model = Station
    form_class = StationForm
