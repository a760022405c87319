"""Django admin change lists that stay quick on tables of a million rows."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL an unfiltered change list of a big table takes the planner's row
    estimate instead of counting every row on every page; filtered lists count."""

    ESTIMATE_ABOVE = 100_000

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
                estimate = cursor.fetchone()[0]
            if estimate > self.ESTIMATE_ABOVE:
                return estimate
        return super().count


class LargeTableAdmin:
    """Mixed into every ModelAdmin: no second, unfiltered count per change list, and
    the estimate above for the unfiltered one."""

    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
