from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_paging import LargeTableAdmin

from .models import (
    Community,
    Custody,
    EquipmentItem,
    FuelRecord,
    Handover,
    HandoverLine,
    MaintenanceRecord,
    OdometerReading,
    Station,
    Vehicle,
    Village,
)


class NoDeleteAdmin(LargeTableAdmin, SimpleHistoryAdmin):
    """Registry records are archived, never deleted: other records depend on them."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class VillageInline(admin.TabularInline):
    model = Village
    fields = ["name", "name_latin", "kind", "population", "station"]
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Community)
class CommunityAdmin(NoDeleteAdmin):
    list_display = ["name", "oblast", "memorandum_date"]
    search_fields = ["name", "oblast"]
    list_filter = ["oblast"]
    inlines = [VillageInline]


@admin.register(Village)
class VillageAdmin(NoDeleteAdmin):
    list_display = ["name", "name_latin", "kind", "community", "station", "population"]
    list_select_related = ["community", "station"]
    search_fields = ["name", "name_latin"]
    list_filter = ["community", "kind"]
    autocomplete_fields = ["community", "station"]


@admin.register(Station)
class StationAdmin(NoDeleteAdmin):
    list_display = ["name", "village", "phone", "opened_on"]
    list_select_related = ["village"]
    search_fields = ["name", "address", "village__name"]
    list_filter = ["village__community", "has_garage", "has_rest_room"]
    autocomplete_fields = ["village"]
    filter_horizontal = ["supervisors"]
    readonly_fields = ["photo_thumbnail"]


class ReadingInline(admin.TabularInline):
    model = OdometerReading
    # a tuple, which types as readonly_fields too (a list types as one of field groups)
    fields = ("read_at", "km", "source", "recorded_by")
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    ordering = ["-read_at"]


@admin.register(Vehicle)
class VehicleAdmin(NoDeleteAdmin):
    list_display = ["plate", "make", "model", "year", "station", "status"]
    list_select_related = ["station"]
    search_fields = ["plate", "vin", "make", "model"]
    list_filter = ["status", "station"]
    autocomplete_fields = ["station"]
    inlines = [ReadingInline]


@admin.register(FuelRecord)
class FuelRecordAdmin(NoDeleteAdmin):
    list_display = ["vehicle", "filled_at", "litres", "cost_uah", "odometer_km"]
    list_select_related = ["vehicle"]
    # In this order: the field the logbook's base model adds would otherwise come first.
    fields = ["vehicle", "filled_at", "litres", "cost_uah", "odometer_km", "recorded_by"]
    raw_id_fields = ["vehicle", "recorded_by"]
    date_hierarchy = "filled_at"


@admin.register(MaintenanceRecord)
class MaintenanceRecordAdmin(NoDeleteAdmin):
    list_display = ["vehicle", "done_on", "work", "cost_uah", "next_due_on", "next_due_km"]
    list_select_related = ["vehicle"]
    fields = [
        "vehicle",
        "done_on",
        "work",
        "cost_uah",
        "odometer_km",
        "next_due_on",
        "next_due_km",
        "recorded_by",
    ]
    raw_id_fields = ["vehicle", "recorded_by"]


@admin.register(EquipmentItem)
class EquipmentItemAdmin(NoDeleteAdmin):
    list_display = ["inventory_number", "kind", "model_name", "serial_number", "station", "status"]
    list_select_related = ["station"]
    search_fields = ["inventory_number", "serial_number", "model_name"]
    list_filter = ["kind", "status", "station"]
    autocomplete_fields = ["station", "vehicle"]


class ReadOnlyAdmin(NoDeleteAdmin):
    """Custody records are written by acts only: the admin shows, never changes them."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class HandoverLineInline(admin.TabularInline):
    model = HandoverLine
    # a tuple, which types as readonly_fields too (a list types as one of field groups)
    fields = ("item", "condition", "expected_return_on")
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(Handover)
class HandoverAdmin(ReadOnlyAdmin):
    list_display = ["number", "kind", "occurred_at", "officer", "confirmed_at"]
    list_select_related = ["officer"]
    search_fields = ["number", "official_name", "officer__surname"]
    list_filter = ["kind", ("confirmed_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "occurred_at"
    inlines = [HandoverLineInline]


@admin.register(Custody)
class CustodyAdmin(ReadOnlyAdmin):
    list_display = ["item", "officer", "since", "until"]
    list_select_related = ["item", "officer"]
    search_fields = ["item__inventory_number", "item__serial_number", "officer__surname"]
    list_filter = [("until", admin.EmptyFieldListFilter)]
