"""Pages of the site's lists that stay quick whatever the number of rows."""

from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

if TYPE_CHECKING:
    _Paginator = Paginator[Any]  # Django's Paginator takes no type argument at run time
else:
    _Paginator = Paginator


class CappedCountPaginator(_Paginator):
    """Counts at most ``CAP`` rows: a country's million incidents are "more than
    10,000" after reading 10,001 index entries, not after counting them all. Nobody
    pages past the 400th page; they narrow the filters instead."""

    CAP = 10_000
    object_list: QuerySet[Any]  # it counts with the database: a queryset, not a list

    @cached_property
    def _counted(self) -> int:
        # No ORDER BY: any plan may stop at CAP + 1 rows, or count a selective filter.
        return self.object_list.order_by()[: self.CAP + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.CAP)

    @property
    def capped(self) -> bool:
        return self._counted > self.CAP
