"""List filters of the territory registries (django-filter)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import (
    ChoiceFilter,
    ModelChoiceFilter,
    OrderingFilter,
    SearchFilterSet,
)
from core.forms import AllYesNo

from .models import Community, EquipmentItem, Handover, Station, Vehicle, Village
from .plates import normalize_plate


# Choices of the filter selects: only what their labels need, as there may be thousands.
def visible_communities(request):
    return Community.objects.visible_to(request.user).only("name")


def visible_stations(request):
    return Station.objects.visible_to(request.user).only("name")


def visible_villages(request):
    return Village.objects.visible_to(request.user).only("name")


class CommunityFilter(SearchFilterSet):
    search_fields = ("name", "oblast")

    class Meta:
        model = Community
        fields = ["q"]


class VillageFilter(SearchFilterSet):
    search_fields = ("name", "name_latin")
    community = ModelChoiceFilter(
        label=_("Community"), empty_label=_("All"), queryset=visible_communities
    )
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    ordering = OrderingFilter(
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
    community = ModelChoiceFilter(
        label=_("Community"),
        empty_label=_("All"),
        field_name="village__community",
        queryset=visible_communities,
    )

    class Meta:
        model = Station
        fields = ["q", "community"]


def visible_officers(request):
    from django.apps import apps

    # officers depends on stations: look the model up by name, not by import.
    officers = apps.get_model("officers", "Officer").objects.visible_to(request.user)
    return officers.only("surname", "name", "patronymic")


class VehicleFilter(SearchFilterSet):
    search_fields = ("plate", "vin", "make", "model")
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    status = ChoiceFilter(label=_("Status"), choices=Vehicle.Status.choices, empty_label=_("All"))

    class Meta:
        model = Vehicle
        fields = ["q", "station", "status"]

    def search(self, queryset, name, value):
        # A plate may be typed in either alphabet, with or without spaces.
        plate = normalize_plate(value)
        return super().search(queryset, name, value) | queryset.filter(plate__icontains=plate)


class HolderFilter(ModelChoiceFilter):
    """Items held now by the chosen officer."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(custodies__officer=value, custodies__until__isnull=True)


class EquipmentItemFilter(SearchFilterSet):
    search_fields = ("inventory_number", "serial_number", "model_name")
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    kind = ChoiceFilter(label=_("Kind"), choices=EquipmentItem.Kind.choices, empty_label=_("All"))
    status = ChoiceFilter(
        label=_("Status"), choices=EquipmentItem.Status.choices, empty_label=_("All")
    )
    holder = HolderFilter(label=_("Held by"), empty_label=_("All"), queryset=visible_officers)

    class Meta:
        model = EquipmentItem
        fields = ["q", "station", "kind", "status", "holder"]


class HandoverFilter(SearchFilterSet):
    search_fields = ("number", "official_name", "place")
    station = ModelChoiceFilter(
        label=_("Station"),
        empty_label=_("All"),
        field_name="officer__station",
        queryset=visible_stations,
    )
    kind = ChoiceFilter(label=_("Kind"), choices=Handover.Kind.choices, empty_label=_("All"))
    officer = ModelChoiceFilter(label=_("Officer"), empty_label=_("All"), queryset=visible_officers)
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"),
        field_name="confirmed_at",
        lookup_expr="isnull",
        exclude=True,
        widget=AllYesNo(),
    )

    class Meta:
        model = Handover
        fields = ["q", "station", "kind", "officer", "confirmed"]
