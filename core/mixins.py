"""View mixins shared by the registries of every app.

Reading: a model permission, then the rows the person may see (``visible_to``), so
a record of another station answers 404 and its existence stays hidden. Writing: a
model permission (403 for read-only roles), a form narrowed to visible choices and
one database transaction per form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from core import exports
from core.history import history_entries
from core.paging import CappedCountPaginator

if TYPE_CHECKING:
    from django.db.models import Model, Prefetch, QuerySet
    from django.forms import BaseModelForm
    from django.http import HttpRequest, HttpResponse
    from django.http.response import HttpResponseBase
    from django.views.generic.edit import ModelFormMixin

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


def page_url(model: type[Model], page: str, *args: object) -> str:
    """The registry's page by the naming convention ``<app>:<model>_<page>``."""
    return reverse(f"{model._meta.app_label}:{model._meta.model_name}_{page}", args=args)


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
        return queryset


class RegistryListView(ModelPermissionMixin, VisibleQuerysetMixin, FilterView):  # type: ignore[misc]  # django-filter has no types
    """A filtered, paginated list; with ``?export=csv|xlsx`` the same rows, all pages."""

    paginate_by = 25
    paginator_class = CappedCountPaginator
    export_columns: list[exports.Column] = []
    export_name = ""  # the download's file name, ASCII (an HTTP header); default: the model's
    addable = True  # False for logs that only the site itself writes to

    def get_export_columns(self) -> list[exports.Column]:
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


class RegistryDetailView(ModelPermissionMixin, VisibleQuerysetMixin, _DetailView):
    editable = True  # False for records that no page may change (acts)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["list_url"] = page_url(self.model, "list")
        context["can_change"] = self.editable and self.request.user.has_perm(
            perm_name(self.model, "change")
        )
        if context["can_change"]:
            context["update_url"] = page_url(self.model, "update", self.object.pk)
        context["history"] = history_entries(self.object)
        return context


class RegistryFormMixin(ModelPermissionMixin, _ModelFormMixin):
    """Create and edit views: a scoped form, saved in one transaction, with a message."""

    template_name: str | None = "registry_form.html"
    # the registry the breadcrumbs lead back to; default: self.model
    list_model: type[Model] | None = None
    object: Model | None  # the record, once the form saved it
    request: HttpRequest

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form: BaseModelForm[Any]) -> HttpResponse:
        with transaction.atomic():
            response = super().form_valid(form)
        messages.success(self.request, self.get_success_message())
        return response

    def get_success_message(self) -> str:
        return _("Saved: %(record)s.") % {"record": self.object}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        list_model = self.list_model or self.model
        context["list_url"] = page_url(list_model, "list")
        context["list_label"] = list_model._meta.verbose_name_plural
        return context


class RegistryCreateView(RegistryFormMixin, _CreateView):
    action = "add"


class RegistryUpdateView(RegistryFormMixin, VisibleQuerysetMixin, _UpdateView):
    action = "change"
