from django.contrib import admin

from stations.admin import NoDeleteAdmin

from .models import MonthClosure, Officer, Shift, Training


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
    list_filter = ["status", "officer__station"]
    search_fields = ["officer__surname", "officer__badge_number"]
    date_hierarchy = "started_at"
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
