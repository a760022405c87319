"""Pages of the officers registry: officers, their trainings and departures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core.breadcrumbs import breadcrumbs
from core.forms import bound_data
from core.images import takes_photos
from core.mixins import (
    RegistryCreateView,
    RegistryDetailView,
    RegistryListView,
    RegistryUpdateView,
)
from officers import services
from officers.filters import OfficerFilter
from officers.forms import DepartureForm, OfficerForm, TrainingForm
from officers.models import Officer, Training
from stations import selectors


def get_officer_for_user(user, pk: int) -> Officer:
    """The officer ``pk`` if the user may read it; 404 hides anyone else's."""
    return get_object_or_404(Officer.objects.visible_to(user).select_related("user"), pk=pk)


class OfficerList(RegistryListView):
    model = Officer
    filterset_class = OfficerFilter
    template_name = "officers/officer_list.html"
    select_related = ("station",)
    prefetch_related = ("villages",)


class OfficerDetail(RegistryDetailView):
    model = Officer
    template_name = "officers/officer_detail.html"
    select_related = ("station__village__community", "user")
    prefetch_related = ("villages", "trainings")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_add_training"] = self.request.user.has_perm("officers.add_training")
        context["can_change_training"] = self.request.user.has_perm("officers.change_training")
        context["holdings"] = selectors.holdings(self.object)
        return context


@takes_photos
class OfficerCreate(RegistryCreateView):
    form_class = OfficerForm


@takes_photos
class OfficerUpdate(RegistryUpdateView):
    form_class = OfficerForm


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    """An officer's own record; people without one are told so on their home page."""
    assert request.user.is_authenticated  # login_required
    officer = Officer.objects.filter(user=request.user).first()
    if officer is None:
        messages.info(request, _("Your account is not linked to an officer record."))
        return redirect("home")
    return redirect(officer)


@login_required
@permission_required("officers.change_officer", raise_exception=True)
def officer_leave(request: HttpRequest, pk: int) -> HttpResponse:
    officer = get_officer_for_user(request.user, pk)
    form = DepartureForm(bound_data(request), officer=officer)
    if request.method == "POST" and form.is_valid():
        services.officer_leave(officer=officer, left_on=form.cleaned_data["left_on"])
        messages.success(
            request,
            _("%(officer)s is recorded as having left the service.") % {"officer": officer},
        )
        return redirect(officer)
    crumbs = breadcrumbs(
        (_("Officers"), reverse("officers:officer_list")),
        (officer.full_name, officer.get_absolute_url()),
        here=_("Record departure"),
    )
    return render(
        request,
        "officers/officer_leave.html",
        {"officer": officer, "form": form, "breadcrumbs": crumbs},
    )


class TrainingCreate(RegistryCreateView):
    form_class = TrainingForm
    list_model = Officer

    @cached_property
    def officer(self) -> Officer:
        return get_officer_for_user(self.request.user, self.kwargs["officer_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Training(officer=self.officer)
        return kwargs

    def get_parent(self) -> Officer:
        return self.officer


class TrainingUpdate(RegistryUpdateView):
    form_class = TrainingForm
    list_model = Officer
    select_related = ("officer",)

    def get_parent(self) -> Officer:
        assert isinstance(self.object, Training)  # an update: the training is there
        return self.object.officer
