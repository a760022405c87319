"""Pages of the equipment registry, with each item's custody timeline."""

from django.db.models import F, FilteredRelation, Q
from django.utils.translation import gettext_lazy as _

from core import exports
from core.mixins import (
    RegistryCreateView,
    RegistryDetailView,
    RegistryListView,
    RegistryUpdateView,
)
from stations import selectors
from stations.filters import EquipmentItemFilter
from stations.forms import EquipmentItemForm
from stations.models import EquipmentItem


class EquipmentItemList(RegistryListView):
    model = EquipmentItem
    filterset_class = EquipmentItemFilter
    template_name = "stations/equipmentitem_list.html"
    export_columns: tuple[exports.Column, ...] = (
        (_("Kind"), lambda i: i.get_kind_display()),
        (_("Model"), lambda i: i.model_name),
        (_("Serial number"), lambda i: i.serial_number),
        (_("Inventory number"), lambda i: i.inventory_number),
        (_("Station"), lambda i: i.station.name),
        (_("Status"), lambda i: i.get_status_display()),
        (_("Vehicle"), lambda i: i.vehicle.plate if i.vehicle else ""),
        (_("Held by"), lambda i: f"{i.holder_surname} {i.holder_first}" if i.holder_id else ""),
        (_("Held since"), lambda i: i.held_since),
    )

    def get_queryset(self):
        # The current holder comes with the row: one join on the open custody.
        return (
            super()
            .get_queryset()
            .select_related("station", "vehicle")
            .annotate(
                open_custody=FilteredRelation(
                    "custodies", condition=Q(custodies__until__isnull=True)
                )
            )
            .annotate(
                holder_id=F("open_custody__officer_id"),
                holder_surname=F("open_custody__officer__surname"),
                holder_first=F("open_custody__officer__name"),
                held_since=F("open_custody__since"),
            )
        )


class EquipmentItemDetail(RegistryDetailView):
    model = EquipmentItem
    template_name = "stations/equipmentitem_detail.html"
    select_related = ("station", "vehicle")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        custodies = self.object.custodies.visible_to(self.request.user)
        context["timeline"] = selectors.custody_timeline(custodies)
        return context


class EquipmentItemCreate(RegistryCreateView):
    form_class = EquipmentItemForm


class EquipmentItemUpdate(RegistryUpdateView):
    form_class = EquipmentItemForm
