"""Appeals in the admin: metadata only, read only; who appealed and about what never show
here (as incidents' parties), nor in a history view."""

from django.contrib import admin

from core.admin_paging import ReadOnlyAdmin

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
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
