"""Search-as-you-type for the list filters of people who read every station.

A clerk of a country-wide site would otherwise get selects of 2,400 villages and 1,800
officers on every list page: hundreds of kilobytes to send and to scroll through. For
them a filter shows only the chosen record and a search box, and the browser asks this
view for ten matches at a time (django-autocomplete-light's web component).
"""

from dataclasses import dataclass
from typing import Any

from dal_alight.views import AlightQuerySetView
from django.apps import apps
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_noop

from core.mixins import ModelPermissionMixin

# The library's words, translated in this project's catalogue.
gettext_noop("More results…")


@dataclass(frozen=True)
class Searchable:
    model: str
    search_fields: tuple[str, ...]
    related: tuple[str, ...] = ()
    place: str = ""  # what tells two records of the same name apart


SEARCHABLE = {
    "communities": Searchable("stations.Community", ("name", "oblast"), place="oblast"),
    "villages": Searchable(
        "stations.Village", ("name", "name_latin"), ("community",), "community.name"
    ),
    "stations": Searchable(
        "stations.Station", ("name",), ("village__community",), "village.community.name"
    ),
    "officers": Searchable(
        "officers.Officer", ("surname", "name", "patronymic"), ("station",), "station.name"
    ),
}


def kind_of(model: type[Model]) -> str | None:
    """The name under which ``model``'s records are searched, if they are."""
    return next(
        (kind for kind, entry in SEARCHABLE.items() if entry.model == model._meta.label), None
    )


class ChoiceSearch(ModelPermissionMixin, AlightQuerySetView):  # type: ignore[misc]  # django-autocomplete-light has no types
    """Ten records the person may read whose names hold every word typed."""

    http_method_allowed = ("GET",)
    split_words = "and"

    def dispatch(
        self, request: HttpRequest, *args: Any, kind: str, **kwargs: Any
    ) -> HttpResponseBase:
        if kind not in SEARCHABLE:
            raise Http404
        self.searchable = SEARCHABLE[kind]
        self.model = apps.get_model(self.searchable.model)
        self.search_fields = self.searchable.search_fields
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        # every registry's manager has visible_to (docs/architecture.md); Model has none
        manager = self.model.objects  # type: ignore[attr-defined]
        queryset = (
            manager.visible_to(self.request.user)
            .select_related(*self.searchable.related)
            # the stubs let Options.ordering be None; Django's check models.E014 does not
            .order_by(*self.model._meta.ordering, "pk")  # type: ignore[misc]
        )
        found: QuerySet[Any] = self.get_search_results(queryset, self.q.strip())
        return found

    def get_result_label(self, result: Model) -> str:
        place: object = result
        for step in self.searchable.place.split("."):
            place = getattr(place, step, None) if place is not None else None
        return f"{result} · {place}" if place else str(result)
