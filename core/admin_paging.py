"""Django admin change lists that stay quick on tables of a million rows."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Max, Min, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy

if TYPE_CHECKING:
    _Paginator = Paginator[Any]  # Django's Paginator takes no type argument at run time
else:
    _Paginator = Paginator


class EstimatedCountPaginator(_Paginator):
    """On PostgreSQL an unfiltered change list of a big table takes the planner's row
    estimate instead of counting every row on every page; filtered lists count."""

    ESTIMATE_ABOVE = 100_000
    object_list: QuerySet[Any]  # a change list's queryset

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor == "postgresql" and not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                estimate: int = cursor.fetchone()[0]
            if estimate > self.ESTIMATE_ABOVE:
                return estimate
        return super().count


class LargeTableAdmin:
    """Mixed into every ModelAdmin: no second, unfiltered count per change list, and
    the estimate above for the unfiltered one."""

    show_full_result_count = False
    paginator: ClassVar[type] = EstimatedCountPaginator  # as ModelAdmin declares it
    list_per_page = 50


class ReadOnlyAdmin(LargeTableAdmin, admin.ModelAdmin):  # type: ignore[type-arg]  # serves any model
    """Records the site's own pages write (incidents, appeals, preventive events):
    the admin shows what ``fields`` names, to read, and adds, changes or deletes nothing."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def year_filter(field_name: str) -> type[admin.SimpleListFilter]:
    """A list filter by year for a big table, instead of ``date_hierarchy``.

    The date hierarchy finds its years and months by reading every row (a million
    incidents: half a second per page); this one takes the first and last dates (two
    index lookups) and filters on a range the index serves.
    """

    class YearFilter(admin.SimpleListFilter):
        title = pgettext_lazy("calendar", "year")
        parameter_name = f"{field_name}_year"

        def lookups(
            self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
        ) -> list[tuple[str, str]]:
            span = model_admin.get_queryset(request).aggregate(
                first=Min(field_name), last=Max(field_name)
            )
            if span["first"] is None:
                return []
            first = timezone.localtime(span["first"]).year
            last = timezone.localtime(span["last"]).year
            return [(str(year), str(year)) for year in range(last, first - 1, -1)]

        def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
            value = self.value() or ""
            if not (value.isdigit() and 1900 <= int(value) <= 2100):
                return queryset
            kyiv = timezone.get_current_timezone()
            start = datetime.datetime(int(value), 1, 1, tzinfo=kyiv)
            end = datetime.datetime(int(value) + 1, 1, 1, tzinfo=kyiv)
            return queryset.filter(**{f"{field_name}__gte": start, f"{field_name}__lt": end})

    return YearFilter
