"""Reports presented to the council in the admin: read for checks, marked on the report's
own page (which keeps who marked it)."""

from django.contrib import admin

from core.admin_paging import ReadOnlyAdmin

from .models import PresentedReport


@admin.register(PresentedReport)
class PresentedReportAdmin(ReadOnlyAdmin):
    list_display = ["officer", "since", "until", "presented_on", "presented_to"]
    list_select_related = ["officer"]
    list_filter = ["presented_on"]
    search_fields = ["officer__surname"]
    fields = ("officer", "since", "until", "presented_on", "presented_to", "created_by")
    readonly_fields = fields
