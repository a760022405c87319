"""View mixins shared by the registries of every app.

Reading: a model permission, then the rows the person may see (``visible_to``), so
a record of another station answers 404 and its existence stays hidden. Writing: a
model permission (403 for read-only roles), a form narrowed to visible choices and
one database transaction per form.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from core import exports
from core.breadcrumbs import Crumb, breadcrumbs
from core.history import history_entries
from core.once import already_sent, create_once
from core.paging import CappedCountPaginator

if TYPE_CHECKING:
    from django.db.models import Model, Prefetch, QuerySet
    from django.forms import BaseModelForm
    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase
    from django.views.generic.edit import ModelFormMixin
    from django_stubs_ext import StrOrPromise

    # Django's views take no type argument at run time; the registries serve any model.
    _DetailView = DetailView[Any]
    _CreateView = CreateView[Any, Any]
    _UpdateView = UpdateView[Any, Any]
    _ModelFormMixin = ModelFormMixin[Any, Any]  # what RegistryFormMixin is mixed into
else:
    _DetailView, _CreateView, _UpdateView = DetailView, CreateView, UpdateView
    _ModelFormMixin = object


def perm_name(model: type[Model], action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


_M = TypeVar("_M", bound="Model")


def readable_or_404(user: Any, model: type[_M], pk: int, *related: str) -> _M:
    """The record ``pk`` if the user may read it: 403 without the model's view
    permission, 404 for a record outside what they may see (it hides that it exists)."""
    if not user.has_perm(perm_name(model, "view")):
        raise PermissionDenied
    visible = model.objects.visible_to(user)  # type: ignore[attr-defined]  # every registry's manager has it
    return get_object_or_404(visible.select_related(*related), pk=pk)  # type: ignore[no-any-return]


def page_url(model: type[Model], page: str, *args: object) -> str:
    """The registry's page by the naming convention ``<app>:<model>_<page>``."""
    return reverse(f"{model._meta.app_label}:{model._meta.model_name}_{page}", args=args)


def registry_crumb(model: type[Model]) -> tuple[StrOrPromise, str]:
    """The registry's list page as a crumb, named as its heading: "Vehicles"."""
    return registry_name(model), page_url(model, "list")


def registry_name(model: type[Model]) -> StrOrPromise:
    return capfirst(model._meta.verbose_name_plural) or ""


class BreadcrumbsMixin:
    """Put the view's ``breadcrumbs`` (``core.breadcrumbs``) into its context."""

    def get_breadcrumbs(self) -> list[Crumb]:
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]  # a mixin: the view it is mixed into has the method
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context


class ModelPermissionMixin(PermissionRequiredMixin):
    """Require ``<app>.<action>_<model>``; anonymous visitors go to the sign-in page."""

    action = "view"
    model: type[Model]

    def get_permission_required(self) -> list[str]:
        return [perm_name(self.model, self.action)]


class VisibleQuerysetMixin:
    """Only the rows the signed-in person may read, with the joins the page needs."""

    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str | Prefetch[Any], ...] = ()
    # figures of each row (a count of its villages, say), as QuerySet.annotate takes them
    annotations: Mapping[str, Any] = MappingProxyType({})
    model: type[Model]
    request: HttpRequest

    def get_queryset(self) -> QuerySet[Any]:
        # every registry's manager has visible_to (docs/architecture.md); Model has none
        manager = self.model.objects  # type: ignore[attr-defined]
        # Explicit order: Meta.ordering does not apply to the grouped (annotated) lists.
        # (The stubs let Options.ordering be None; Django's check models.E014 does not.)
        queryset: QuerySet[Any] = manager.visible_to(self.request.user).order_by(  # type: ignore[misc]
            *self.model._meta.ordering, "pk"
        )
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        if self.annotations:
            queryset = queryset.annotate(**self.annotations)
        return queryset


class RegistryListView(
    BreadcrumbsMixin,
    ModelPermissionMixin,
    VisibleQuerysetMixin,
    FilterView,  # type: ignore[misc]  # django-filter has no types
):
    """A filtered, paginated list; with ``?export=csv|xlsx`` the same rows, all pages."""

    paginate_by = 25
    paginator_class = CappedCountPaginator
    export_columns: tuple[exports.Column, ...] = ()
    export_name = ""  # the download's file name, ASCII (an HTTP header); default: the model's
    addable = True  # False for logs that only the site itself writes to

    def get_export_columns(self) -> tuple[exports.Column, ...] | list[exports.Column]:
        """The download's columns; a list whose columns depend on who asks (details
        only some may read) builds them here, per request."""
        return self.export_columns

    def exporting(self, rows: QuerySet[Any]) -> None:
        """Called with the rows of a download before it is written: where a list
        logs who took what."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        fmt = request.GET.get("export")
        if fmt in exports.FORMATS and (columns := self.get_export_columns()):
            filterset = self.get_filterset(self.get_filterset_class())
            rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
            self.exporting(rows)
            name = self.export_name or self.model._meta.model_name
            assert name is not None  # a concrete model has a name
            return exports.export_response(rows, columns, name, fmt)
        response: HttpResponseBase = super().get(request, *args, **kwargs)
        return response

    def get_breadcrumbs(self) -> list[Crumb]:
        return breadcrumbs(here=registry_name(self.model))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["can_add"] = self.addable and self.request.user.has_perm(
            perm_name(self.model, "add")
        )
        if context["can_add"]:
            context["create_url"] = page_url(self.model, "create")
        context["can_export"] = bool(self.get_export_columns())
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        return context


class RegistryDetailView(BreadcrumbsMixin, ModelPermissionMixin, VisibleQuerysetMixin, _DetailView):
    editable = True  # False for records that no page may change (acts)

    def get_breadcrumbs(self) -> list[Crumb]:
        return breadcrumbs(registry_crumb(self.model), here=str(self.object))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["can_change"] = self.editable and self.request.user.has_perm(
            perm_name(self.model, "change")
        )
        if context["can_change"]:
            context["update_url"] = page_url(self.model, "update", self.object.pk)
        context["history"] = history_entries(self.object)
        return context


class RegistryFormMixin(BreadcrumbsMixin, ModelPermissionMixin, _ModelFormMixin):
    """Create and edit views: a scoped form, saved in one transaction, with a message."""

    template_name: str | None = "registry_form.html"
    # the registry the breadcrumbs lead back to; default: self.model
    list_model: type[Model] | None = None
    object: Model | None  # the record, once the form saved it
    request: HttpRequest

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """The model is the form's: a registry's create and edit views name only it."""
        super().__init_subclass__(**kwargs)
        form_class = cls.__dict__.get("form_class")
        if form_class is not None and "model" not in cls.__dict__:
            cls.model = form_class._meta.model

    def get_parent(self) -> models.Model | None:
        """The record this one belongs to (an officer's training), shown on the page."""
        return None

    def get_breadcrumbs(self) -> list[Crumb]:
        links = [registry_crumb(self.list_model or self.model)]
        for record in (self.get_parent(), self.object):
            if record is not None:
                links.append((str(record), record.get_absolute_url()))  # type: ignore[attr-defined]  # every registry's model has its page
        here = pgettext("page title", "Edit") if self.object else _("New")
        return breadcrumbs(*links, here=here)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form: BaseModelForm[Any]) -> HttpResponse:
        with transaction.atomic():
            self.object = self.save(form)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())

    def save(self, form: BaseModelForm[Any]) -> Model:
        record: Model = form.save()
        return record

    def get_success_message(self) -> str:
        return _("Saved: %(record)s.") % {"record": self.object}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["list_url"] = page_url(self.list_model or self.model, "list")
        context["parent"] = parent = self.get_parent()
        # Cancel goes back to the record, else to what it belongs to, else to the list.
        back = self.object or parent
        context["cancel_url"] = back.get_absolute_url() if back else context["list_url"]  # type: ignore[attr-defined]  # every registry's model has its page
        return context


class RegistryCreateView(RegistryFormMixin, _CreateView):
    """A new record, once however often its form arrives (core.once)."""

    action = "add"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return already_sent(request) or super().post(request, *args, **kwargs)

    def save(self, form: BaseModelForm[Any]) -> Model:
        record: Model = create_once(self.request, form.save)
        return record


class RegistryUpdateView(RegistryFormMixin, VisibleQuerysetMixin, _UpdateView):
    action = "change"
