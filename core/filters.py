"""Filters the lists of every app build on (django-filter): quick selects, search boxes
for long choices, whole days in Kyiv time and a free-text search."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import django_filters
from django.db.models import Q, QuerySet
from django.forms.utils import pretty_name
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from core.forms import QuickSelect, search_widget

if TYPE_CHECKING:
    from collections.abc import Callable

    from django import forms
    from django_stubs_ext import StrOrPromise


class QuickSelectFilter:
    """A filter whose select writes its options directly (core.forms.QuickSelect):
    through Django's templates each option costs a template, on every list page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class ChoiceFilter(QuickSelectFilter, django_filters.ChoiceFilter):  # type: ignore[misc]  # django-filter has no types
    pass


class OrderingFilter(QuickSelectFilter, django_filters.OrderingFilter):  # type: ignore[misc]  # django-filter has no types
    """django-filter's, whose "(descending)" labels are put together when shown, in the
    page's language, not once at start-up in whichever language was active then."""

    def build_choices(
        self, fields: dict[str, str], labels: dict[str, StrOrPromise]
    ) -> list[tuple[str, StrOrPromise]]:
        descending: Callable[[StrOrPromise], StrOrPromise] = lazy(
            lambda label: str(self.descending_fmt) % label, str
        )
        return [
            choice
            for field, param in fields.items()
            for choice in (
                (param, labels.get(field, pretty_name(param))),
                (
                    f"-{param}",
                    labels.get(f"-{param}", descending(labels.get(field, pretty_name(param)))),
                ),
            )
        ]


class ModelChoiceFilter(QuickSelectFilter, django_filters.ModelChoiceFilter):  # type: ignore[misc]  # django-filter has no types
    """django-filter's, with a select that stays quick with thousands of choices.

    Whoever reads every station gets a search box instead (core.choice_search): a
    country's villages and officers are too many to list in every page.
    """

    @property
    def field(self) -> forms.Field:
        request = self.get_request()
        if (
            not hasattr(self, "_field")
            and request is not None
            and request.user.has_perm("stations.view_all_stations")
        ):
            self.extra["widget"] = search_widget(self.get_queryset(request).model)
        field: forms.Field = super().field
        return field


class DayFilter(django_filters.DateFilter):  # type: ignore[misc]  # django-filter has no types
    """Rows from a day (``lookup_expr="gte"``) or up to a day (``"lte"``), in Kyiv time.

    Compares the moment column with the day's bounds, so the column's index serves the
    filter; ``__date`` would convert every row's moment first.
    """

    def filter(self, queryset: QuerySet[Any], value: datetime.date | None) -> QuerySet[Any]:
        if not value:
            return queryset
        if self.lookup_expr == "lte":
            if value >= datetime.date.max - datetime.timedelta(days=1):
                return queryset
            value += datetime.timedelta(days=1)
        bound = timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
        lookup = "lt" if self.lookup_expr == "lte" else "gte"
        return queryset.filter(**{f"{self.field_name}__{lookup}": bound})


class SearchFilterSet(django_filters.FilterSet):  # type: ignore[misc]  # django-filter has no types
    """A FilterSet with a free-text ``q`` over the fields named in ``search_fields``."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Search"), method="search")

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(condition)
