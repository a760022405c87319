"""Handover acts: drawn up by staff, confirmed by the receiving officer, printed.

Nothing here edits an act: an act is drawn up once, confirmed once, and corrected
only by another act.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import exports
from core.breadcrumbs import Crumb, breadcrumbs
from core.forms import bound_data
from core.mixins import RegistryDetailView, RegistryListView, readable_or_404
from core.once import already_sent
from core.writes import write_or_explain
from stations import services
from stations.filters import HandoverFilter
from stations.forms import (
    ActForm,
    InPersonConfirmForm,
    IssueLineFormSet,
    ReturnActForm,
    ReturnLinesForm,
)
from stations.models import Custody, EquipmentItem, Handover, HandoverLine


def get_act_for_user(user, pk: int) -> Handover:
    return readable_or_404(
        user, Handover, pk, "officer__station", "officer__user", "created_by", "confirmed_by"
    )


class HandoverList(RegistryListView):
    model = Handover
    filterset_class = HandoverFilter
    template_name = "stations/handover_list.html"
    select_related = ("officer__station",)
    export_columns: tuple[exports.Column, ...] = (
        (gettext_lazy("Number"), lambda h: h.number),
        (gettext_lazy("Kind"), lambda h: h.get_kind_display()),
        (gettext_lazy("Date and time"), lambda h: h.occurred_at),
        (gettext_lazy("Place"), lambda h: h.place),
        (gettext_lazy("Officer"), lambda h: h.officer.full_name),
        (gettext_lazy("Station"), lambda h: h.officer.station.name),
        (gettext_lazy("Official"), lambda h: f"{h.official_name}, {h.official_role}"),
        (gettext_lazy("Items"), lambda h: h.line_count),
        (gettext_lazy("Confirmed at"), lambda h: h.confirmed_at),
    )

    def get_queryset(self):
        # Counted per row shown (a subquery), not by grouping every act before paging.
        lines = (
            HandoverLine.objects.filter(handover=OuterRef("pk"))
            .order_by()
            .values("handover")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset().annotate(line_count=Coalesce(Subquery(lines), 0))


class HandoverDetail(RegistryDetailView):
    model = Handover
    template_name = "stations/handover_detail.html"
    select_related = ("officer__station", "officer__user", "created_by", "confirmed_by")
    prefetch_related = ("lines__item",)
    editable = False  # an act is corrected by another act, never edited

    def confirms_in_person(self) -> bool:
        """Staff may take the officer's signature on their screen at the handover."""
        return self.request.user.has_perm("stations.confirm_handover_in_person", self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        act = self.object
        context["may_confirm"] = self.request.user.has_perm("stations.confirm_handover", act)
        if "in_person_form" not in kwargs and self.confirms_in_person():
            form = InPersonConfirmForm(handover=act, request=self.request)
            context["in_person_form"] = form
            context["officer_locked"] = form.officer_locked()
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The officer types their password on the staff member's screen."""
        self.object = self.get_object()
        if not self.confirms_in_person():
            raise PermissionDenied
        form = InPersonConfirmForm(request.POST, handover=self.object, request=request)
        if form.is_valid():
            services.handover_confirm(
                handover=self.object,
                user=self.object.officer.user,
                address=_client_address(request),
                how=Handover.ConfirmedHow.IN_PERSON,
            )
            messages.success(
                request, _("Act %(number)s confirmed.") % {"number": self.object.number}
            )
            return redirect(self.object)
        return self.render_to_response(self.get_context_data(in_person_form=form))


def _crumbs(here: str) -> list[Crumb]:
    return breadcrumbs((_("Handover acts"), reverse("stations:handover_list")), here=here)


def _draw_up(request: HttpRequest, form, write: Callable[[], Handover]) -> HttpResponse | None:
    """Draw up the act with ``write`` (a service): its page when it is done, or None
    with the reason it cannot be, on the form."""
    return write_or_explain(
        request,
        form,
        write,
        refusal=services.CustodyError,
        done=lambda act: _("Act %(number)s drawn up.") % {"number": act.number},
        once=True,
    )


@login_required
@permission_required("stations.add_handover", raise_exception=True)
def handover_issue(request: HttpRequest) -> HttpResponse:
    """Draw up an act that issues one or more items to an officer."""
    available = (
        EquipmentItem.objects.visible_to(request.user)
        .available()
        .select_related("vehicle")
        .order_by("kind", "inventory_number")
    )
    if sent := already_sent(request):
        return sent
    form = ActForm(bound_data(request), user=request.user)
    lines = IssueLineFormSet(bound_data(request), form_kwargs={"items": available})
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        issue_lines = [
            services.IssueLine(
                item=line["item"],
                condition=line["condition"],
                expected_return_on=line["expected_return_on"],
            )
            for line in lines.cleaned_data
            if line.get("item")
        ]
        drawn_up = _draw_up(
            request,
            form,
            lambda: services.handover_issue(
                **form.cleaned_data, lines=issue_lines, created_by=request.user
            ),
        )
        if drawn_up:
            return drawn_up
    return render(
        request,
        "stations/handover_issue_form.html",
        {"form": form, "lines": lines, "breadcrumbs": _crumbs(_("Issue items"))},
    )


@login_required
@permission_required("stations.add_handover", raise_exception=True)
def handover_return(request: HttpRequest) -> HttpResponse:
    """Draw up an act that takes items back from an officer (chosen first)."""
    from django.apps import apps

    officers = apps.get_model("officers", "Officer").objects.visible_to(request.user)
    officer_id = request.GET.get("officer")
    if not officer_id or not officer_id.isdigit():
        holders = officers.filter(custodies__until__isnull=True).distinct().order_by("surname")
        return render(
            request,
            "stations/handover_return_choose.html",
            {"officers": holders, "breadcrumbs": _crumbs(_("Take items back"))},
        )
    officer = get_object_or_404(officers, pk=officer_id)
    custodies = (
        Custody.objects.open().filter(officer=officer).select_related("item").order_by("item__kind")
    )
    if sent := already_sent(request):
        return sent
    form = ReturnActForm(bound_data(request), user=request.user, officer=officer)
    lines = ReturnLinesForm(bound_data(request), custodies=custodies)
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        return_lines = [
            services.ReturnLine(item=item, condition=condition)
            for item, condition in lines.returned()
        ]
        drawn_up = _draw_up(
            request,
            form,
            lambda: services.handover_return(
                officer=officer, **form.cleaned_data, lines=return_lines, created_by=request.user
            ),
        )
        if drawn_up:
            return drawn_up
    return render(
        request,
        "stations/handover_return_form.html",
        {
            "form": form,
            "lines": lines,
            "officer": officer,
            "breadcrumbs": _crumbs(_("Take items back")),
        },
    )


def _client_address(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@login_required
@require_POST
def handover_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The receiving officer (or, for a return, council staff) confirms from own login."""
    act = get_act_for_user(request.user, pk)
    if not request.user.has_perm("stations.confirm_handover", act):
        raise PermissionDenied
    try:
        services.handover_confirm(
            handover=act,
            user=request.user,
            address=_client_address(request),
            how=Handover.ConfirmedHow.OWN_LOGIN,
        )
    except services.CustodyError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Act %(number)s confirmed.") % {"number": act.number})
    return redirect(act)


@login_required
def handover_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The act laid out for A4 paper, with signature lines."""
    act = get_act_for_user(request.user, pk)
    lines = act.lines.select_related("item__vehicle")
    return render(request, "stations/handover_print.html", {"act": act, "lines": lines})
