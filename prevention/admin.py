"""Preventive events in the admin: read for checks, changed only on the site's pages."""

from django.contrib import admin

from stations.admin import NoDeleteAdmin

from .models import PreventiveEvent


@admin.register(PreventiveEvent)
class PreventiveEventAdmin(NoDeleteAdmin):
    list_display = ["held_on", "kind", "topic", "village", "officer", "audience"]
    list_select_related = ["village", "officer"]
    list_filter = ["kind", "topic", "station"]
    date_hierarchy = "held_on"
    search_fields = ["village__name", "officer__surname"]
    fields = (
        "officer",
        "station",
        "shift",
        "village",
        "kind",
        "topic",
        "held_on",
        "audience",
        "note",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
