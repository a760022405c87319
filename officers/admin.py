from django.contrib import admin

from core.admin_paging import year_filter
from stations.admin import NoDeleteAdmin

from .incidents import admin as incident_admin  # noqa: F401 (registers the incidents' admin)
from .models import MonthClosure, Officer, Shift, Training
from .models.people import NOT_AN_OFFICER_LOGIN


class TrainingInline(admin.TabularInline):
    model = Training
    fields = ["course", "provider", "place", "started_on", "ended_on"]
    extra = 0
    can_delete = False


@admin.register(Officer)
class OfficerAdmin(NoDeleteAdmin):
    list_display = ["surname", "name", "badge_number", "rank", "station", "status", "user"]
    list_select_related = ["station", "user"]
    search_fields = ["surname", "name", "patronymic", "badge_number"]
    list_filter = ["status", "rank", "station"]
    autocomplete_fields = ["station", "user"]
    filter_horizontal = ["villages"]
    readonly_fields = ["photo_thumbnail"]
    inlines = [TrainingInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "user":
            # The list holds only officers' and supervisors' logins; say so to a crafted one.
            field.error_messages["invalid_choice"] = NOT_AN_OFFICER_LOGIN
        return field


@admin.register(Training)
class TrainingAdmin(NoDeleteAdmin):
    list_display = ["course", "officer", "provider", "place", "started_on", "ended_on"]
    list_select_related = ["officer"]
    search_fields = ["course", "provider", "officer__surname"]
    autocomplete_fields = ["officer"]


@admin.register(Shift)
class ShiftAdmin(NoDeleteAdmin):
    """Shifts are read here; they change on their own pages, where a closed month asks
    for a reason that the history keeps."""

    list_display = ["officer", "started_at", "ended_at", "status"]
    list_select_related = ["officer"]
    list_filter = [year_filter("started_at"), "status", "officer__station"]
    search_fields = ["officer__surname", "officer__badge_number"]
    raw_id_fields = ["officer", "vehicle", "reviewed_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MonthClosure)
class MonthClosureAdmin(NoDeleteAdmin):
    list_display = ["station", "month", "closed_by", "closed_at"]
    list_select_related = ["station", "closed_by"]
    list_filter = ["station"]
    raw_id_fields = ["station", "closed_by"]
