"""Form pieces shared by the apps."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape  # the standard one: plain strings, thousands of times a page
from typing import TYPE_CHECKING, Any

from dal_alight.widgets import AlightWidgetMixin, ModelAlight
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db.models import Model, QuerySet
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import BaseRenderer
from django.forms.utils import flatatt
from django.http import HttpRequest, QueryDict
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.choice_search import kind_of
from core.choices import choices_of

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    # Django's form classes take no type argument at run time
    _ModelMultipleChoiceField = forms.ModelMultipleChoiceField[Any]
    _ModelForm = forms.ModelForm[Any]
else:
    _ModelMultipleChoiceField = forms.ModelMultipleChoiceField
    _ModelForm = forms.ModelForm

PDF_MAX_BYTES = 10 * 1024 * 1024


def bound_data(request: HttpRequest) -> QueryDict | None:
    """What a view's form is bound to: the data of a POST, or None (an unbound form,
    showing its initial values) for a GET."""
    return request.POST if request.method == "POST" else None


class DateInput(forms.DateInput):
    """A native date picker; the value travels in ISO format whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker (local Kyiv time)."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class QuickSelect(forms.Select):
    """A select that writes its options directly instead of through a template each.

    The same markup as Django's ``Select`` for flat choices, about twenty times faster,
    with model choices kept in the cache (core.choices): a filter listing a
    country's 2,400 villages renders in milliseconds.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        choices = self.choices
        if isinstance(choices, ModelChoiceIterator):
            choices = choices_of(choices)
        options = "".join(
            f'<option value="{escape(str(key))}"{" selected" if str(key) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for key, label in choices
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{options}</select>')


class SearchSelect(ModelAlight):  # type: ignore[misc]  # django-autocomplete-light has no types
    """django-autocomplete-light's search box, holding only the chosen record.

    The text box takes the field's id, so the field's label names it; it has no name,
    so the words typed stay out of the filtered page's address.
    """

    @property
    def media(self) -> forms.Media:
        library: forms.Media = super().media
        # first: it mends the library's elements as the library defines them
        return forms.Media(js=["js/search_select.js"]) + library

    def filter_choices_to_render(self, selected_choices: Iterable[str]) -> None:
        """Only the chosen record. ``pk=`` finds no row for a number too large for the
        database, where the library's ``pk__in`` fails: junk in the address is no error."""
        chosen = next((choice for choice in selected_choices if choice), None)
        queryset = self.choices.queryset
        try:
            self.choices.queryset = queryset.filter(pk=chosen) if chosen else queryset.none()
        except (TypeError, ValueError):
            self.choices.queryset = queryset.none()

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        # The select only carries the value; people use the search box, which has the
        # field's label, so the select is kept out of sight and of the accessibility tree.
        attrs = dict(attrs or {}, slot="select", hidden=True)
        box_id = attrs.get("id") or f"id_{name}"
        attrs["id"] = f"{box_id}_chosen"
        self.choices.field.empty_label = None
        chosen = super(AlightWidgetMixin, self).render(name, value, attrs, renderer)
        return format_html(
            '<autocomplete-select clear-label="{}">{}<span slot="deck"></span>'
            '<autocomplete-select-input slot="input" url="{}" no-results-text="{}">'
            '<input type="search" id="{}" slot="input" class="form-control" role="combobox" '
            'autocomplete="off" placeholder="{}"></autocomplete-select-input>'
            "</autocomplete-select>",
            _("Clear"),
            chosen,
            self.url,
            _("Nothing found"),
            box_id,
            _("Search"),
        )


class AllYesNo(forms.Select):
    """A yes-or-no filter whose empty choice reads "All", not django-filter's "Unknown"."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])


def search_widget(model: type[Model]) -> forms.Widget:
    """A search box over ``model``'s records (core.choice_search); a quick select
    for a model that is not searched that way."""
    kind = kind_of(model)
    if kind is None:
        return QuickSelect()
    return SearchSelect(url=reverse("choice_search", kwargs={"kind": kind}))


def offer_only(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Narrow the form's model choice field ``name`` to ``queryset``: what this person,
    for this record, may choose (a crafted POST of anything else is refused)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # declared as a model choice
    field.queryset = queryset


class ModelMultipleChoiceField(_ModelMultipleChoiceField):
    """Django's, refusing a number too large for the database's integers as it refuses
    any choice that is not offered (SQLite raises OverflowError on it)."""

    def _check_values(self, value: Iterable[Any]) -> Any:
        try:
            # Django's own helper of clean(), which the stubs leave out
            return super()._check_values(value)  # type: ignore[misc]
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": next((v for v in value if len(str(v)) > 18), "")},
            ) from None


class ScopedModelForm(_ModelForm):
    """A ModelForm whose choices hold only what the signed-in person may see.

    Every choice field over a model with a ``visible_to`` queryset method is narrowed to
    the user's records, so that a crafted POST cannot point at another station's record.
    """

    def __init__(self, *args: Any, user: AbstractBaseUser | AnonymousUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset, "visible_to"):
                # a field with a queryset (a model choice); Field declares none
                field.queryset = queryset.visible_to(user)  # type: ignore[attr-defined]
            self._preselect_the_only_choice(name, field)

    def _preselect_the_only_choice(self, name: str, field: forms.Field) -> None:
        """A required choice with one possible value (one community, one station) comes
        chosen: nobody should have to pick the only item of a list."""
        if (
            self.is_bound
            or self.instance.pk
            or not field.required
            or not isinstance(field, forms.ModelChoiceField)
            or isinstance(field, forms.ModelMultipleChoiceField)
            or self.initial.get(name) is not None
        ):
            return
        assert field.queryset is not None  # a model choice field is given its queryset
        only = list(field.queryset.values_list("pk", flat=True)[:2])
        if len(only) == 1:
            self.initial[name] = only[0]


def validate_pdf(upload: File[bytes]) -> None:
    """Accept only a real PDF of reasonable size."""
    if upload.size > PDF_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest document accepted is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(PDF_MAX_BYTES)},
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("This file is not a PDF document."), code="not_a_pdf")


def not_in_future(day: datetime.date | None) -> datetime.date | None:
    """A field's date that has not come yet is refused (a talk held, an appeal received,
    a person taken onto the register: each happened already)."""
    if day and day > timezone.localdate():
        raise ValidationError(_("This date is in the future."))
    return day
