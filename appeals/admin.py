"""Appeals in the admin: metadata only, read only; who appealed and about what never show
here (as incidents' parties), nor in a history view."""

from django.contrib import admin

from core.admin_paging import LargeTableAdmin

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(LargeTableAdmin, admin.ModelAdmin):
    list_display = ["number", "received_on", "village", "channel", "status", "deadline"]
    list_select_related = ["village"]
    list_filter = ["status", "channel", "station"]
    search_fields = ["number"]
    fields = (
        "number",
        "community",
        "station",
        "officer",
        "village",
        "received_on",
        "channel",
        "urgent",
        "status",
        "deadline",
        "answered_on",
    )
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
