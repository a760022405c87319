"""List filters of the territory registries (django-filter)."""

import datetime

import django_filters
from django.db.models import Q
from django.forms.utils import pretty_name
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.forms import AllYesNo, QuickSelect, search_widget

from .models import Community, EquipmentItem, Handover, Station, Vehicle, Village
from .plates import normalize_plate


# Choices of the filter selects: only what their labels need, as there may be thousands.
def visible_communities(request):
    return Community.objects.visible_to(request.user).only("name")


def visible_stations(request):
    return Station.objects.visible_to(request.user).only("name")


class QuickSelectFilter:
    """A filter whose select writes its options directly (core.forms.QuickSelect):
    through Django's templates each option costs a template, on every list page."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class ChoiceFilter(QuickSelectFilter, django_filters.ChoiceFilter):
    pass


class OrderingFilter(QuickSelectFilter, django_filters.OrderingFilter):
    """django-filter's, whose "(descending)" labels are put together when shown, in the
    page's language, not once at start-up in whichever language was active then."""

    def build_choices(self, fields, labels):
        descending = lazy(lambda label: str(self.descending_fmt) % label, str)
        return [
            choice
            for field, param in fields.items()
            for choice in (
                (param, labels.get(field, pretty_name(param))),
                (
                    f"-{param}",
                    labels.get(f"-{param}", descending(labels.get(field, pretty_name(param)))),
                ),
            )
        ]


class ModelChoiceFilter(QuickSelectFilter, django_filters.ModelChoiceFilter):
    """django-filter's, with a select that stays quick with thousands of choices.

    Whoever reads every station gets a search box instead (core.choice_search): a
    country's villages and officers are too many to list in every page.
    """

    @property
    def field(self):
        request = self.get_request()
        if (
            not hasattr(self, "_field")
            and request is not None
            and request.user.has_perm("stations.view_all_stations")
        ):
            self.extra["widget"] = search_widget(self.get_queryset(request).model)
        return super().field


class DayFilter(django_filters.DateFilter):
    """Rows from a day (``lookup_expr="gte"``) or up to a day (``"lte"``), in Kyiv time.

    Compares the moment column with the day's bounds, so the column's index serves the
    filter; ``__date`` would convert every row's moment first.
    """

    def filter(self, queryset, value):
        if not value:
            return queryset
        if self.lookup_expr == "lte":
            if value >= datetime.date.max - datetime.timedelta(days=1):
                return queryset
            value += datetime.timedelta(days=1)
        bound = timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
        lookup = "lt" if self.lookup_expr == "lte" else "gte"
        return queryset.filter(**{f"{self.field_name}__{lookup}": bound})


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
