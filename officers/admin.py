from django.contrib import admin

from core.admin_paging import LargeTableAdmin, year_filter
from stations.admin import NoDeleteAdmin

from .models import Incident, MonthClosure, Officer, RestrictedView, Shift, Training
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


@admin.register(Incident)
class IncidentAdmin(LargeTableAdmin, admin.ModelAdmin):
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

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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
