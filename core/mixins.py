"""View mixins shared by the registries of every app.

Reading: a model permission, then the rows the person may see (``visible_to``), so
a record of another station answers 404 and its existence stays hidden. Writing: a
model permission (403 for read-only roles), a form narrowed to visible choices and
one database transaction per form.
"""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from core import exports
from core.breadcrumbs import Crumb, breadcrumbs
from core.history import history_entries
from core.paging import CappedCountPaginator


def perm_name(model, action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def page_url(model, page: str, *args) -> str:
    """The registry's page by the naming convention ``<app>:<model>_<page>``."""
    return reverse(f"{model._meta.app_label}:{model._meta.model_name}_{page}", args=args)


def registry_crumb(model) -> tuple[str, str]:
    """The registry's list page as a crumb, named as its heading: "Vehicles"."""
    return registry_name(model), page_url(model, "list")


def registry_name(model) -> str:
    return capfirst(model._meta.verbose_name_plural)


class BreadcrumbsMixin:
    """Put the view's ``breadcrumbs`` (``core.breadcrumbs``) into its context."""

    def get_breadcrumbs(self) -> list[Crumb]:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context


class ModelPermissionMixin(PermissionRequiredMixin):
    """Require ``<app>.<action>_<model>``; anonymous visitors go to the sign-in page."""

    action = "view"

    def get_permission_required(self):
        return [perm_name(self.model, self.action)]


class VisibleQuerysetMixin:
    """Only the rows the signed-in person may read, with the joins the page needs."""

    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()

    def get_queryset(self):
        # Explicit order: Meta.ordering does not apply to the grouped (annotated) lists.
        queryset = self.model.objects.visible_to(self.request.user).order_by(
            *self.model._meta.ordering, "pk"
        )
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset


class RegistryListView(BreadcrumbsMixin, ModelPermissionMixin, VisibleQuerysetMixin, FilterView):
    """A filtered, paginated list; with ``?export=csv|xlsx`` the same rows, all pages."""

    paginate_by = 25
    paginator_class = CappedCountPaginator
    export_columns: tuple[exports.Column, ...] = ()
    export_name = ""  # the download's file name, ASCII (an HTTP header); default: the model's
    addable = True  # False for logs that only the site itself writes to

    def get_export_columns(self) -> list[exports.Column]:
        """The download's columns; a list whose columns depend on who asks (details
        only some may read) builds them here, per request."""
        return self.export_columns

    def exporting(self, rows) -> None:
        """Called with the rows of a download before it is written: where a list
        logs who took what."""

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt in exports.FORMATS and (columns := self.get_export_columns()):
            filterset = self.get_filterset(self.get_filterset_class())
            rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
            self.exporting(rows)
            name = self.export_name or self.model._meta.model_name
            return exports.export_response(rows, columns, name, fmt)
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs(self) -> list[Crumb]:
        return breadcrumbs(here=registry_name(self.model))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
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


class RegistryDetailView(BreadcrumbsMixin, ModelPermissionMixin, VisibleQuerysetMixin, DetailView):
    editable = True  # False for records that no page may change (acts)

    def get_breadcrumbs(self) -> list[Crumb]:
        return breadcrumbs(registry_crumb(self.model), here=str(self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["can_change"] = self.editable and self.request.user.has_perm(
            perm_name(self.model, "change")
        )
        if context["can_change"]:
            context["update_url"] = page_url(self.model, "update", self.object.pk)
        context["history"] = history_entries(self.object)
        return context


class RegistryFormMixin(BreadcrumbsMixin, ModelPermissionMixin):
    """Create and edit views: a scoped form, saved in one transaction, with a message."""

    template_name = "registry_form.html"
    list_model = None  # the registry the breadcrumbs lead back to; default: self.model

    def get_parent(self) -> models.Model | None:
        """The record this one belongs to (an officer's training), shown on the page."""
        return None

    def get_breadcrumbs(self) -> list[Crumb]:
        links = [registry_crumb(self.list_model or self.model)]
        for record in (self.get_parent(), self.object):
            if record is not None:
                links.append((str(record), record.get_absolute_url()))
        here = pgettext("page title", "Edit") if self.object else _("New")
        return breadcrumbs(*links, here=here)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
        messages.success(self.request, self.get_success_message())
        return response

    def get_success_message(self) -> str:
        return _("Saved: %(record)s.") % {"record": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["list_url"] = page_url(self.list_model or self.model, "list")
        context["parent"] = self.get_parent()
        return context


class RegistryCreateView(RegistryFormMixin, CreateView):
    action = "add"


class RegistryUpdateView(RegistryFormMixin, VisibleQuerysetMixin, UpdateView):
    action = "change"
