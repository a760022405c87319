"""Pages of residents' appeals. Personal data (who, about what, the answer) go only to
police of the appeal's station, and each time they are shown it is logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from core import exports
from core.breadcrumbs import breadcrumbs
from core.forms import bound_data
from core.history import history_entries
from core.mixins import RegistryListView, readable_or_404, registry_crumb
from core.offline import keep_offline
from core.once import already_sent, create_once
from core.refusals import Refused
from officers.duty import own_officer

from . import deadlines, services
from .filters import AppealFilter
from .forms import STEP_FORMS, AppealForm
from .models import Appeal

STEP_DONE = {
    "start": gettext_lazy("The appeal is in work."),
    "extend": gettext_lazy("The term is extended to 45 days."),
    "answer": gettext_lazy("The answer is recorded; the appeal is closed."),
    "refer": gettext_lazy("The appeal is recorded as referred."),
}


class AppealList(RegistryListView):
    model = Appeal
    filterset_class = AppealFilter
    template_name = "appeals/appeal_list.html"
    select_related = ("village", "officer")
    export_name = "appeals"
    # no personal data: who appealed and about what stay on the appeal's own page
    export_columns: tuple[exports.Column, ...] = (
        (gettext_lazy("Number"), lambda a: a.number),
        (gettext_lazy("Received on"), lambda a: a.received_on),
        (gettext_lazy("How received"), lambda a: a.get_channel_display()),
        (gettext_lazy("Village"), lambda a: a.village.name),
        (gettext_lazy("Urgent"), lambda a: _("Yes") if a.urgent else _("No")),
        (gettext_lazy("Status"), lambda a: a.get_status_display()),
        (gettext_lazy("Deadline"), lambda a: a.deadline),
        (gettext_lazy("Answered on"), lambda a: a.answered_on or ""),
        (gettext_lazy("Officer"), lambda a: a.officer.full_name),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = today = timezone.localdate()
        context["soon"] = deadlines.due_soon_until(today)
        return context


def _crumbs(here, appeal: Appeal | None = None):
    links = [registry_crumb(Appeal)]
    if appeal is not None:
        links.append((str(appeal), appeal.get_absolute_url()))
    return breadcrumbs(*links, here=here)


@login_required
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = readable_or_404(request.user, Appeal, pk, "village", "officer", "station", "incident")
    details = request.user.has_perm("appeals.read_appeal_details", appeal)
    if details:
        services.log_view(request.user, appeal)
    can_work = request.user.has_perm("appeals.work_appeal", appeal)
    return render(
        request,
        "appeals/appeal_detail.html",
        {
            "appeal": appeal,
            "details": details,
            "can_work": can_work,
            "forms": {step: form() for step, form in STEP_FORMS.items()} if details else {},
            "to_incident": details
            and appeal.incident_id is None
            and request.user.has_perm("officers.add_incident"),
            # the history names the resident and the subject: only with the details
            "history": history_entries(appeal) if details else [],
            "today": timezone.localdate(),
            "breadcrumbs": _crumbs(str(appeal)),
        },
    )


@login_required
@permission_required("appeals.add_appeal", raise_exception=True)
def appeal_create(request: HttpRequest) -> HttpResponse:
    officer = own_officer(request.user)
    if sent := already_sent(request):
        return sent
    keep_offline(request)  # an appeal is taken in the village, signal or not
    form = AppealForm(bound_data(request), user=request.user, officer=officer)
    if request.method == "POST" and form.is_valid():
        appeal = create_once(
            request,
            lambda: services.appeal_record(officer=officer, user=request.user, **form.cleaned_data),
        )
        messages.success(
            request,
            _("Appeal %(number)s registered; to be answered by %(deadline)s.")
            % {"number": appeal.number, "deadline": appeal.deadline.strftime("%d.%m.%Y")},
        )
        return redirect(appeal)
    return render(
        request,
        "appeals/appeal_form.html",
        {"form": form, "breadcrumbs": _crumbs(_("Register an appeal"))},
    )


@login_required
def appeal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = readable_or_404(request.user, Appeal, pk, "village", "station")
    if not request.user.has_perm("appeals.work_appeal", appeal):
        raise PermissionDenied
    form = AppealForm(bound_data(request), instance=appeal, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.appeal_update(appeal=appeal, **form.cleaned_data)
        messages.success(request, _("Saved: %(record)s.") % {"record": appeal})
        return redirect(appeal)
    services.log_view(request.user, appeal)  # the form shows the personal data
    return render(
        request,
        "appeals/appeal_form.html",
        {
            "form": form,
            "appeal": appeal,
            "breadcrumbs": _crumbs(pgettext("page title", "Edit"), appeal),
        },
    )


@require_POST
@login_required
def appeal_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEP_FORMS:
        raise Http404
    appeal = readable_or_404(request.user, Appeal, pk, "village", "station")
    if not request.user.has_perm("appeals.read_appeal_details", appeal):
        raise PermissionDenied
    # a second tap, or a page left open: told, not refused (an answered appeal may still
    # turn out to tell of an incident)
    if step != "incident" and not appeal.is_open:
        messages.info(request, _("This appeal has been answered or referred already."))
        return redirect(appeal)
    form = STEP_FORMS[step](request.POST)
    if not form.is_valid():
        messages.error(request, _("Not saved: %(errors)s") % {"errors": _errors(form)})
        return redirect(appeal)
    data = form.cleaned_data
    try:
        if step == "incident":
            officer = own_officer(request.user)
            incident = services.appeal_to_incident(
                appeal=appeal, officer=officer, user=request.user, category=data["category"]
            )
            messages.success(
                request,
                _("Incident %(number)s drafted from the appeal: complete it.")
                % {"number": incident.number},
            )
            return redirect("officers:incident_update", incident.pk)
        if step == "start":
            services.appeal_start(appeal=appeal)
        elif step == "extend":
            services.appeal_extend(appeal=appeal, reason=data["reason"])
        elif step == "answer":
            services.appeal_answer(appeal=appeal, **data)
        elif step == "refer":
            services.appeal_refer(appeal=appeal, **data)
    except Refused as refusal:
        messages.error(request, refusal.reason)
        return redirect(appeal)
    messages.success(request, STEP_DONE[step])
    return redirect(appeal)


def _errors(form) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )
