"""One search box for the whole site.

On PostgreSQL names are compared by trigram similarity after folding both sides into one
rough Latin spelling, so "Vinogradnoye", "Vynohradne" and "Виноградне" find the same
village and "Timofeev" finds "Тимофєєв"; incident text uses the database's full-text
search. On SQLite the same box matches plain substrings (in any letter case).
Restricted incident text is searched only where the person may read it.
"""

import re

from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Coalesce, Greatest, Lower

from officers.models import Incident, Officer
from officers.rules import police_station_ids
from stations.models import EquipmentItem, Station, Vehicle, Village
from stations.plates import normalize_plate

# One rough Latin letter for each Cyrillic letter, and Latin letters that spell the same
# sounds folded together; soft signs and apostrophes are dropped.
LETTERS = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщюяёыэygwjqx",
    "abvhhdeezziiiiklmnoprstufhccssuaeieihvikh",
    strict=True,
))  # fmt: skip
DROPPED = "ьъ'’"
FOLD_FROM = "".join(LETTERS) + DROPPED
FOLD_TO = "".join(LETTERS.values())
FOLDING = str.maketrans({**LETTERS, **dict.fromkeys(DROPPED)})
DIGRAPHS = [("shch", "s"), ("kh", "h"), ("zh", "z"), ("ch", "c"), ("sh", "s"), ("ts", "c"),
            ("iu", "u"), ("ia", "a"), ("ie", "e"), ("ii", "i")]  # fmt: skip
LIMIT = 10
THRESHOLD = 0.3


def fold(text: str) -> str:
    """The rough Latin spelling the database computes for names (plus digraphs)."""
    folded = re.sub(r"\s+", " ", text.lower().translate(FOLDING)).strip()
    for pair, single in DIGRAPHS:
        folded = folded.replace(pair, single)
    return folded


class Fold(Func):
    """translate(lower(field), …): the same folding, in PostgreSQL."""

    function = "TRANSLATE"

    def __init__(self, expression, **extra):
        super().__init__(Lower(expression), Value(FOLD_FROM), Value(FOLD_TO), **extra)


def _similar(queryset, term: str, *fields: str, word: bool = False):
    # the term as a plain string: Django makes it a Value itself
    scores = [
        TrigramWordSimilarity(term, Fold(F(name)))
        if word
        else TrigramSimilarity(Fold(F(name)), term)
        for name in fields
    ]
    score = scores[0] if len(scores) == 1 else Greatest(*scores)
    return queryset.annotate(score=score).filter(score__gte=THRESHOLD).order_by("-score")[:LIMIT]


def _contains(queryset, term: str, *fields: str):
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": term})
    return queryset.filter(condition)[:LIMIT]


def find(user, term: str) -> dict:
    """Results per kind of record, each at most ten, each only what ``user`` may read."""
    # Control characters (a NUL above all, which PostgreSQL refuses) are never meant.
    term = "".join(ch for ch in term if ch.isprintable()).strip()[:100]
    if len(term) < 2:
        return {}
    postgres = connection.vendor == "postgresql"
    folded = fold(term)
    results = {}
    if user.has_perm("stations.view_village"):
        villages = Village.objects.visible_to(user).select_related("community")
        results["villages"] = (
            _similar(villages, folded, "name", "name_latin")
            if postgres
            else _contains(villages, term, "name", "name_latin")
        )
    if user.has_perm("stations.view_station"):
        stations = Station.objects.visible_to(user).select_related("village")
        results["stations"] = (
            _similar(stations, folded, "name", word=True)
            if postgres
            else _contains(stations, term, "name", "address")
        )
    if user.has_perm("officers.view_officer"):
        officers = Officer.objects.visible_to(user).select_related("station")
        results["officers"] = (
            _similar(officers, folded, "surname", "name", word=True)
            if postgres
            else _contains(officers, term, "surname", "name", "badge_number")
        )
    if user.has_perm("stations.view_vehicle"):
        plate = normalize_plate(term)
        results["vehicles"] = Vehicle.objects.visible_to(user).filter(
            Q(plate__icontains=plate) | Q(vin__icontains=term) | Q(model__icontains=term)
        )[:LIMIT]
    if user.has_perm("stations.view_equipmentitem"):
        results["items"] = EquipmentItem.objects.visible_to(user).filter(
            Q(inventory_number__icontains=term) | Q(serial_number__icontains=term)
        )[:LIMIT]
    if user.has_perm("officers.view_incident"):
        results["incidents"] = _incidents(user, term, postgres)
    return results


def _incidents(user, term: str, postgres: bool):
    """Incidents whose number holds the term, or whose text the person may read does.

    Two queries, each served by its own index (a trigram index on the number, the
    full-text index on the text), then the newest of both: one query with OR would
    read every incident to test the number.
    """
    readable = ~Q(category__in=Incident.RESTRICTED) | Q(station__in=police_station_ids(user))
    incidents = Incident.objects.visible_to(user)
    if postgres:
        text = SearchVector("description", "place", config="simple")
        by_text = incidents.annotate(text=text).filter(
            readable, text=SearchQuery(term, config="simple")
        )
    else:
        by_text = incidents.filter(
            readable & (Q(description__icontains=term) | Q(place__icontains=term))
        )
    by_number = (
        incidents.filter(number__icontains=term)
        if any(c.isdigit() for c in term)
        else incidents.none()
    )
    # Sorted by an expression the date index cannot serve: otherwise the planner walks
    # the date index testing every incident's text, to stop at the tenth match.
    newest_first = Coalesce("occurred_at", "reported_at").desc()
    newest = [
        pk
        for matches in (by_number, by_text)
        for pk in matches.order_by(newest_first).values_list("pk", flat=True)[:LIMIT]
    ]
    return (
        Incident.objects.filter(pk__in=newest)
        .select_related("village")
        .order_by("-occurred_at")[:LIMIT]
    )
