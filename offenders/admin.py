"""The register in the admin: numbers, stations, grounds and dates, read only. The person
(name, birth date, address) never shows here, nor in a history view: the register is read
by the police of the station, on the site's own pages, each view logged."""

from django.contrib import admin

from core.admin_paging import ReadOnlyAdmin

from .models import Offender


@admin.register(Offender)
class OffenderAdmin(ReadOnlyAdmin):
    list_display = ["number", "station", "grounds", "taken_on", "taken_off_on"]
    list_select_related = ["station"]
    list_filter = ["grounds", "station"]
    search_fields = ["number"]
    fields = (
        "number",
        "community",
        "station",
        "officer",
        "grounds",
        "taken_on",
        "next_check_on",
        "taken_off_on",
        "off_reason",
    )
    readonly_fields = fields
