"""Create forms that create once: however often the same form arrives, one record.

The form's page renders ``{% form_key %}`` (core.templatetags.once), a hidden random
key that stays the same while the form is shown again with its mistakes. The view asks
``sent_before(request)`` first, and writes through ``create_once(request, create)``.
"""

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.models import SentForm

FIELD = "form_key"

M = TypeVar("M", bound=models.Model)


def key_of(request: HttpRequest) -> uuid.UUID | None:
    """The one-time key the form was sent with, if it is one."""
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def sent_before(request: HttpRequest) -> models.Model | None:
    """The record this very form created when it arrived before, if it did."""
    key = key_of(request) if request.method == "POST" else None
    if key is None or not request.user.is_authenticated:
        return None
    sent = SentForm.objects.filter(user=request.user, key=key).first()
    return sent.record if sent is not None else None


def already_sent(request: HttpRequest, then: object = None) -> HttpResponse | None:
    """For a form that arrives again: the page of what it created the first time (or
    ``then``), saying so; None for a form that is new."""
    earlier = sent_before(request)
    if earlier is None:
        return None
    messages.info(request, _("This form had arrived already; nothing was saved twice."))
    target: Any = then if then is not None else earlier
    return redirect(target)


def create_once(request: HttpRequest, create: Callable[[], M]) -> M:
    """Create the record with ``create`` and keep the form's key beside it, in one
    transaction. If the same form won a race meanwhile (two at once), this one's record
    is undone and the first one's is returned."""
    key = key_of(request)
    if key is None or not request.user.is_authenticated:  # an old page, without its key
        with transaction.atomic():
            return create()
    try:
        with transaction.atomic():
            record = create()
            SentForm.objects.create(
                user=request.user,
                key=key,
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
            )
    except IntegrityError:
        first = sent_before(request)
        if first is None:  # the integrity error was the record's own
            raise
        return first  # type: ignore[return-value]  # the same form creates the same model
    return record
