"""Searching the audit log: by words, action, outcome, address and day (Kyiv time)."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEntry
from core.filters import SearchFilterSet
from core.forms import DateInput


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class AddressFilter(django_filters.CharFilter):
    """An address is checked as one: anything else is an error on the field."""

    field_class = forms.GenericIPAddressField


class AuditFilter(SearchFilterSet):
    search_fields = ("username", "summary", "object_type", "object_id")
    action = django_filters.ChoiceFilter(
        label=_("Action"), choices=AuditEntry.Action.choices, empty_label=_("All")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"), choices=AuditEntry.Outcome.choices, empty_label=_("All")
    )
    address = AddressFilter(label=_("Address"))
    since = django_filters.DateFilter(label=_("From"), method="from_day", widget=DateInput())
    until = django_filters.DateFilter(label=_("To"), method="to_day", widget=DateInput())

    class Meta:
        model = AuditEntry
        fields = ["q", "action", "outcome", "address", "since", "until"]

    # Whole Kyiv days as time bounds, so that the index on the time serves the filter.
    def from_day(self, queryset, name, value):
        return queryset.filter(at__gte=_day_start(value))

    def to_day(self, queryset, name, value):
        return queryset.filter(at__lt=_day_start(value + datetime.timedelta(days=1)))
