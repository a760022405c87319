"""Preventive events in the admin: read for checks, changed only on the site's pages."""

from django.contrib import admin

from core.admin_paging import ReadOnlyAdmin

from .models import PreventiveEvent


@admin.register(PreventiveEvent)
class PreventiveEventAdmin(ReadOnlyAdmin):
    list_display = ["held_on", "kind", "topic", "village", "officer", "audience"]
    list_select_related = ["village", "officer"]
    list_filter = ["kind", "topic", "station"]
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
