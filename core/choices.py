"""Choices of the list filters' selects, kept in the cache until a registry changes.

A clerk who reads every station sees a select of 2,400 villages on the incident list;
building it means reading and making 2,400 records on every page. The choices are the
same for everyone who reads the same rows (the key is the query itself), so they are
kept in Redis (several app servers), and dropped whenever a community, village,
station or officer is saved or deleted, or a station's supervisors change.
"""

import contextlib
import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import get_language

GENERATION = "filter-choices-generation"
KEEP_SECONDS = 600
REGISTRIES = {
    "stations.community",
    "stations.village",
    "stations.station",
    "stations.station_supervisors",
    "officers.officer",
}


# A model choice: the field's own value (the record's, with the record) or, from the
# cache, its text; and the label.
Choice = tuple[ModelChoiceIteratorValue | str, str]


def choices_of(iterator: ModelChoiceIterator) -> list[Choice]:
    """(value, label) pairs of a model choice field, from the cache when it is Redis
    (a cache in the database would cost more queries than it saves)."""
    if not settings.REDIS_URL:
        return [choice for choice in iterator]  # list() would count the rows first
    query = str(iterator.queryset.query)
    generation = cache.get_or_set(GENERATION, 0)
    digest = hashlib.sha256(f"{query}|{iterator.field.empty_label}".encode()).hexdigest()
    key = f"filter-choices:{generation}:{get_language()}:{digest}"
    choices: list[Choice] | None = cache.get(key)
    if choices is None:
        choices = [(str(value), str(label)) for value, label in iterator]
        cache.set(key, choices, KEEP_SECONDS)
    return choices


def _forget(sender: type[Model], **kwargs: Any) -> None:
    if sender._meta.label_lower in REGISTRIES:
        with contextlib.suppress(ValueError):  # not set yet: nothing is kept
            cache.incr(GENERATION)


receiver(post_save, dispatch_uid="filter_choices_save")(_forget)
receiver(post_delete, dispatch_uid="filter_choices_delete")(_forget)
receiver(m2m_changed, dispatch_uid="filter_choices_m2m")(_forget)
