"""A form's write through a service: done, with a message and the next page; or refused,
with the service's reason on the form, which is shown again as it was typed."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_stubs_ext import StrOrPromise

from core.once import create_once

T = TypeVar("T")


def write_or_explain(
    request: HttpRequest,
    form: forms.BaseForm,
    write: Callable[[], T],
    *,
    refusal: type[Exception],
    done: StrOrPromise | Callable[[T], StrOrPromise],
    then: Any = None,
    field: str | None = None,
    once: bool = False,
) -> HttpResponse | None:
    """Run ``write``. When it is done: the ``done`` message (or the message it makes of
    the record written) and a redirect to ``then`` (default: the record). When it raises
    ``refusal``: None, and its reason on ``field`` of the form (default: the whole form).
    With ``once``, ``write`` creates a record, once per form (core.once)."""
    try:
        written = create_once(request, write) if once else write()  # type: ignore[type-var]  # with once, write makes a model
    except refusal as error:
        form.add_error(field, error if isinstance(error, ValidationError) else str(error))
        return None
    messages.success(request, done(written) if callable(done) else done)
    target: Any = then if then is not None else written
    return redirect(target)
