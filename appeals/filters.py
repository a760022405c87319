"""The appeals list's filters (django-filter): what is due is a filter of its own."""

import django_filters
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import ChoiceFilter, ModelChoiceFilter
from core.forms import DateInput
from stations.filters import (
    visible_communities,
    visible_officers,
    visible_stations,
    visible_villages,
)

from . import deadlines
from .models import Appeal

DUE_CHOICES = [
    ("overdue", _("Overdue")),
    ("soon", _("Due within 3 days")),
    ("late", _("Not answered in time")),
]


class AppealFilter(django_filters.FilterSet):
    community = ModelChoiceFilter(
        label=_("Community"), empty_label=_("All"), queryset=visible_communities
    )
    station = ModelChoiceFilter(label=_("Station"), empty_label=_("All"), queryset=visible_stations)
    officer = ModelChoiceFilter(label=_("Officer"), empty_label=_("All"), queryset=visible_officers)
    village = ModelChoiceFilter(label=_("Village"), empty_label=_("All"), queryset=visible_villages)
    status = ChoiceFilter(label=_("Status"), choices=Appeal.Status.choices, empty_label=_("All"))
    channel = ChoiceFilter(
        label=_("How received"), choices=Appeal.Channel.choices, empty_label=_("All")
    )
    due = ChoiceFilter(label=_("Term"), choices=DUE_CHOICES, empty_label=_("All"), method="by_term")
    since = django_filters.DateFilter(
        label=_("From"), field_name="received_on", lookup_expr="gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=_("To"), field_name="received_on", lookup_expr="lte", widget=DateInput()
    )

    class Meta:
        model = Appeal
        fields = [
            "community",
            "station",
            "officer",
            "village",
            "status",
            "channel",
            "due",
            "since",
            "until",
        ]

    def by_term(self, queryset, name, value):
        return due(queryset, value)


def due(queryset, which: str):
    """Open appeals past their deadline ("overdue") or reaching it within three days
    ("soon"); "late": overdue, or answered after the deadline."""
    today = timezone.localdate()
    if which == "late":
        return queryset.filter(
            Q(status__in=Appeal.OPEN_STATUSES, deadline__lt=today)
            | Q(status=Appeal.Status.ANSWERED, answered_on__gt=F("deadline"))
        )
    if which == "overdue":
        return queryset.open().filter(deadline__lt=today)
    if which == "soon":
        return queryset.open().filter(
            deadline__gte=today, deadline__lte=deadlines.due_soon_until(today)
        )
    return queryset
