"""The shift log: an officer starts and ends shifts from a phone; supervisors review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.breadcrumbs import Crumb, breadcrumbs
from core.forms import bound_data
from core.history import history_entries
from core.mixins import RegistryListView, readable_or_404
from core.offline import keep_offline
from core.once import already_sent
from core.refusals import Refused
from core.writes import write_or_explain
from officers import rules, services
from officers.filters import ShiftFilter
from officers.forms import ShiftEditForm, ShiftEndForm, ShiftReturnForm, ShiftStartForm
from officers.models import Officer, Shift


def get_shift_for_user(user, pk: int) -> Shift:
    return readable_or_404(
        user,
        Shift,
        pk,
        "officer__station__village__community",
        "officer__user",
        "vehicle",
        "reviewed_by",
    )


def own_officer(user) -> Officer:
    officer = Officer.objects.select_related("station__village").filter(user=user).first()
    if officer is None:
        raise PermissionDenied
    return officer


class ShiftList(RegistryListView):
    model = Shift
    filterset_class = ShiftFilter
    template_name = "officers/shift_list.html"
    select_related = ("officer__station", "vehicle")
    prefetch_related = ("villages",)


def _day(shift: Shift) -> str:
    """The shift as its breadcrumb names it: the day it began."""
    return date_format(timezone.localtime(shift.started_at), "SHORT_DATE_FORMAT")


def _crumbs(here: str, shift: Shift | None = None) -> list[Crumb]:
    """Shifts, then the shift itself on a page of its own."""
    links = [(_("Shifts"), reverse("officers:shift_list"))]
    if shift is not None:
        links.append((_day(shift), shift.get_absolute_url()))
    return breadcrumbs(*links, here=here)


@login_required
@permission_required("officers.add_shift", raise_exception=True)
def shift_start(request: HttpRequest) -> HttpResponse:
    """Start a shift: one tap from the home page, or with a vehicle and an earlier time."""
    officer = own_officer(request.user)
    if sent := already_sent(request, then="home"):
        return sent
    if request.method == "GET" and (on_duty := officer.shifts.open().first()):
        messages.info(request, _("You are on duty already: end this shift to start another."))
        return redirect(on_duty)
    keep_offline(request)  # a dead zone is no reason not to start a shift
    form = ShiftStartForm(bound_data(request), officer=officer)
    if request.method == "POST" and form.is_valid():
        started = write_or_explain(
            request,
            form,
            lambda: services.shift_start(officer=officer, **form.cleaned_data),
            refusal=services.ShiftError,
            done=_("You are on duty. Stay safe."),
            then="home",
            once=True,
        )
        if started:
            return started
    return render(
        request,
        "officers/shift_start.html",
        {"form": form, "officer": officer, "breadcrumbs": _crumbs(_("Start a shift"))},
    )


@login_required
def shift_end(request: HttpRequest, pk: int) -> HttpResponse:
    shift = get_shift_for_user(request.user, pk)
    own = shift.officer.user_id == request.user.pk
    if own and shift.ended_at is not None:
        # Back to the form, or the end sent again: it ended already
        messages.info(request, _("This shift has ended already."))
        return redirect(shift)
    if not request.user.has_perm("officers.end_shift", shift):
        raise PermissionDenied
    if own:
        keep_offline(request)
    form = ShiftEndForm(bound_data(request), shift=shift)
    return _shift_form_page(
        request,
        shift,
        form,
        lambda: services.shift_end(shift=shift, user=request.user, **form.cleaned_data),
        done=_("Shift ended and sent to your supervisor."),
        template="officers/shift_end.html",
        here=_("End the shift"),
    )


@login_required
def shift_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer corrects a returned shift; an admin fixes a closed month with a reason."""
    shift = get_shift_for_user(request.user, pk)
    override = request.user.has_perm("officers.override_closed_month", shift)
    if not (request.user.has_perm("officers.edit_shift", shift) or override):
        raise PermissionDenied
    form = ShiftEditForm(bound_data(request), shift=shift, needs_reason=override)
    return _shift_form_page(
        request,
        shift,
        form,
        lambda: services.shift_update(shift=shift, **form.cleaned_data),
        done=_("Shift saved."),
        template="officers/shift_edit.html",
        here=_("Correct the shift"),
    )


def _shift_form_page(request, shift, form, write, *, done, template, here) -> HttpResponse:
    """A form about the shift: written by ``write`` once valid, then back to the shift;
    else shown again with what was typed and why it cannot be saved."""
    if request.method == "POST" and form.is_valid():
        saved = write_or_explain(
            request, form, write, refusal=services.ShiftError, done=done, then=shift
        )
        if saved:
            return saved
    return render(
        request, template, {"form": form, "shift": shift, "breadcrumbs": _crumbs(here, shift)}
    )


@login_required
def shift_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shift = get_shift_for_user(request.user, pk)
    if shift.officer.user_id == request.user.pk:
        keep_offline(request)  # the officer's own shift: readable offline as last seen
    return _shift_page(request, shift)


def _shift_page(request: HttpRequest, shift: Shift, return_form=None) -> HttpResponse:
    """The shift's page; ``return_form`` is a return sent without its reason."""
    return render(
        request,
        "officers/shift_detail.html",
        {
            "shift": shift,
            "villages": list(shift.villages.all()),
            "may_edit": request.user.has_perm("officers.correct_shift", shift),
            "may_end": request.user.has_perm("officers.end_shift", shift),
            "may_review": request.user.has_perm("officers.review_shift", shift),
            "may_override": request.user.has_perm("officers.override_closed_month", shift),
            "return_form": return_form or ShiftReturnForm(),
            "history": history_entries(shift),
            "now": timezone.now(),
            "breadcrumbs": _crumbs(_day(shift)),
        },
    )


@login_required
@require_POST
def shift_review(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    """A supervisor approves a submitted shift, or returns it with a comment."""
    shift = get_shift_for_user(request.user, pk)
    if decision not in ("approve", "return"):
        raise Http404
    if rules.is_own_shift(request.user, shift):
        raise Refused(rules.OWN_SHIFT)
    if not request.user.has_perm("officers.review_shift", shift):
        raise PermissionDenied
    if decision == "approve":
        services.shift_approve(shift=shift, user=request.user)
        messages.success(request, _("Shift approved."))
        return redirect(shift)
    form = ShiftReturnForm(request.POST)
    if form.is_valid():
        services.shift_return(shift=shift, user=request.user, comment=form.cleaned_data["comment"])
        messages.success(request, _("Shift returned to the officer."))
        return redirect(shift)
    return _shift_page(request, shift, return_form=form)


@login_required
@permission_required("officers.approve_shift", raise_exception=True)
def shift_queue(request: HttpRequest) -> HttpResponse:
    """Submitted shifts of the stations the supervisor supervises, but for their own."""
    shifts = (
        Shift.objects.visible_to(request.user)
        .filter(status=Shift.Status.SUBMITTED)
        .exclude(officer__user=request.user)
        .select_related("officer__station")
        .prefetch_related("villages")
        .order_by("started_at")[:200]
    )
    return render(
        request,
        "officers/shift_queue.html",
        {"shifts": shifts, "breadcrumbs": _crumbs(_("Shifts to review"))},
    )
