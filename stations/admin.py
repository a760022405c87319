from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Community, Station, Village


class NoDeleteAdmin(SimpleHistoryAdmin):
    """Registry records are archived, never deleted: other records depend on them."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class VillageInline(admin.TabularInline):
    model = Village
    fields = ["name", "name_latin", "population", "station"]
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Community)
class CommunityAdmin(NoDeleteAdmin):
    list_display = ["name", "oblast", "memorandum_date"]
    search_fields = ["name", "oblast"]
    list_filter = ["oblast"]
    inlines = [VillageInline]


@admin.register(Village)
class VillageAdmin(NoDeleteAdmin):
    list_display = ["name", "name_latin", "community", "station", "population"]
    list_select_related = ["community", "station"]
    search_fields = ["name", "name_latin"]
    list_filter = ["community"]
    autocomplete_fields = ["community", "station"]


@admin.register(Station)
class StationAdmin(NoDeleteAdmin):
    list_display = ["name", "village", "phone", "opened_on"]
    list_select_related = ["village"]
    search_fields = ["name", "address", "village__name"]
    list_filter = ["village__community", "has_garage", "has_rest_room"]
    autocomplete_fields = ["village"]
    filter_horizontal = ["supervisors"]
    readonly_fields = ["photo_thumbnail"]
