"""Pages of the territory registries: communities, villages and stations."""

from types import MappingProxyType

from django.db.models import Count, Prefetch, Sum

from core.forms import PDF_MAX_BYTES
from core.images import takes_photos
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

    annotations = MappingProxyType(
        {
            "village_count": Count("villages", distinct=True),
            "population_total": Sum("villages__population"),
        }
    )


class CommunityDetail(RegistryDetailView):
    model = Community
    template_name = "stations/community_detail.html"
    prefetch_related = (Prefetch("villages", queryset=Village.objects.select_related("station")),)


class CommunityCreate(RegistryCreateView):
    form_class = CommunityForm
    upload_max_bytes = MEMORANDUM_REQUEST_MAX_BYTES


class CommunityUpdate(RegistryUpdateView):
    form_class = CommunityForm
    upload_max_bytes = MEMORANDUM_REQUEST_MAX_BYTES


class VillageList(RegistryListView):
    model = Village
    filterset_class = VillageFilter
    template_name = "stations/village_list.html"
    select_related = ("community", "station")

    annotations = MappingProxyType({"officer_count": Count("officers")})


class VillageDetail(RegistryDetailView):
    model = Village
    template_name = "stations/village_detail.html"
    select_related = ("community", "station")
    prefetch_related = ("officers__station", "stations_here")


class VillageCreate(RegistryCreateView):
    form_class = VillageForm


class VillageUpdate(RegistryUpdateView):
    form_class = VillageForm


class StationList(RegistryListView):
    model = Station
    filterset_class = StationFilter
    template_name = "stations/station_list.html"
    select_related = ("village__community",)

    annotations = MappingProxyType(
        {
            "village_count": Count("villages", distinct=True),
            "officer_count": Count("officers", distinct=True),
        }
    )


class StationDetail(RegistryDetailView):
    model = Station
    template_name = "stations/station_detail.html"
    select_related = ("village__community",)
    prefetch_related = ("villages", "supervisors", "officers")


@takes_photos
class StationCreate(RegistryCreateView):
    form_class = StationForm


@takes_photos
class StationUpdate(RegistryUpdateView):
    form_class = StationForm
