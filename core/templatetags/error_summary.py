"""The error summary at the top of a page whose form came back with errors (GOV.UK's
pattern): one line per problem, each a link to its field, and the page's title says so.

It finds the page's forms and formsets in the template context itself, so that every
form page gets it from the base layout, whatever the view names its forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.forms import BaseForm, BaseFormSet, BoundField
from django.utils.functional import LazyObject

register = template.Library()


@dataclass
class Problem:
    message: str
    field_id: str = ""  # empty for an error of the whole form


def _forms(value: object) -> list[BaseForm]:
    if isinstance(value, BaseForm):
        return [value]
    if isinstance(value, BaseFormSet):
        return list(value.forms)
    return []


def _formsets(value: object) -> list[BaseFormSet[Any]]:
    return [value] if isinstance(value, BaseFormSet) else []


def _first_box(field: BoundField) -> str:
    return next((box.id_for_label for box in field.subwidgets if box.id_for_label), "")


@register.simple_tag(takes_context=True)
def page_problems(context: template.Context) -> list[Problem]:
    """Every error of every bound form on the page, in the order of the fields."""
    problems: list[Problem] = []
    seen: set[int] = set()
    # Lazy values (the CSRF token, the user) are never forms, and testing one would
    # evaluate it: the token would set a CSRF cookie on every page, forms or not.
    values: list[object] = [
        value for value in context.flatten().values() if not isinstance(value, LazyObject)
    ]
    # forms kept by name in a dict (the steps of a workflow) count as the page's too
    values += [item for value in values if isinstance(value, dict) for item in value.values()]
    for value in values:
        for formset in _formsets(value):
            if id(formset) not in seen and formset.is_bound:
                seen.add(id(formset))
                problems += [Problem(str(error)) for error in formset.non_form_errors()]
        for form in _forms(value):
            if id(form) in seen or not form.is_bound:
                continue
            seen.add(id(form))
            problems += [Problem(str(error)) for error in form.non_field_errors()]
            for field in form:
                # a group of checkboxes has no one id: its first box stands for it
                target = "" if field.is_hidden else field.id_for_label or _first_box(field)
                label = f"{field.label}: " if field.label and not field.is_hidden else ""
                problems += [Problem(f"{label}{error}", target) for error in field.errors]
    return problems
