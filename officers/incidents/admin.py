"""The incidents in the admin: metadata and the log of restricted views, read only."""

from django.contrib import admin

from core.admin_paging import ReadOnlyAdmin, year_filter
from stations.admin import NoDeleteAdmin

from .models import Incident, RestrictedView


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    """Metadata only: restricted details (description, parties, photos) never show here,
    not even in a history view (the record's history is on its own page, for police)."""

    list_display = ["number", "category", "village", "occurred_at", "report_status", "case_status"]
    list_select_related = ["village"]
    list_filter = [
        year_filter("occurred_at"),
        "category",
        "case_status",
        "report_status",
        "community",
    ]
    search_fields = ["number"]
    # a tuple, which types as readonly_fields too (a list types as one of field groups)
    fields = (
        "number",
        "community",
        "station",
        "category",
        "village",
        "occurred_at",
        "reported_at",
        "reporting_officer",
        "report_status",
        "case_status",
    )
    readonly_fields = fields


@admin.register(RestrictedView)
class RestrictedViewAdmin(NoDeleteAdmin):
    list_display = ["at", "user", "incident", "what"]
    list_select_related = ["user", "incident"]
    date_hierarchy = "at"
    search_fields = ["incident__number", "user__username"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
