from django.contrib import admin

from stations.admin import NoDeleteAdmin

from .models import Officer, Training


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
