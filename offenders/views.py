"""Pages of the preventive register. They open only to police of a station (not to council
staff, not to administrators), show only the entries of their stations, and each time an
entry is shown it is logged. Nothing here is exported: the register leaves the site only
as counts (``figures``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.breadcrumbs import breadcrumbs
from core.forms import bound_data
from core.history import history_entries
from core.mixins import RegistryListView, registry_crumb
from core.once import already_sent, create_once, sent_before
from core.refusals import Refused
from officers.duty import own_officer
from officers.models import Incident, Party
from stations.rules import supervised_ids

from . import services
from .filters import OffenderFilter
from .forms import OffenderForm, TakeOffForm, WorkForm
from .models import Offender
from .rules import keeps_a_register

VIEWS_SHOWN = 20


def police_only(view):
    """403 for anyone who is not police of a station, whatever their other permissions."""

    def wrapped(request, *args, **kwargs):
        if not keeps_a_register(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def _entry_or_404(request: HttpRequest, pk: int) -> Offender:
    visible = Offender.objects.visible_to(request.user)
    return get_object_or_404(visible.select_related("station", "officer", "incident"), pk=pk)


@method_decorator(police_only, name="dispatch")
class OffenderList(RegistryListView):
    model = Offender
    filterset_class = OffenderFilter
    template_name = "offenders/offender_list.html"
    select_related = ("officer", "station")

    def get_queryset(self):
        # those on the register first, the newest first; then those taken off
        return (
            super()
            .get_queryset()
            .order_by(F("taken_off_on").desc(nulls_first=True), "-taken_on", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        return context


def _crumbs(here, offender: Offender | None = None):
    links = [registry_crumb(Offender)]
    if offender is not None:
        links.append((str(offender), offender.get_absolute_url()))
    return breadcrumbs(*links, here=here)


@police_only
def offender_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _entry_or_404(request, pk))


def _page(request, offender: Offender, sent=None) -> HttpResponse:
    """The entry's page (its view logged); ``sent`` is a step and its form sent back with
    errors on its fields."""
    services.log_view(request.user, offender)
    can_work = request.user.has_perm("offenders.work_offender", offender)
    forms = {}
    if can_work:
        forms = {
            "work": WorkForm(auto_id="id_work_%s"),
            "off": TakeOffForm(offender=offender, auto_id="id_off_%s"),
        }
    if sent:
        forms[sent[0]] = sent[1]
    return render(
        request,
        "offenders/offender_detail.html",
        {
            "offender": offender,
            "work": list(offender.work.select_related("officer")),
            "can_work": can_work,
            "forms": forms,
            "sent_step": sent[0] if sent else "",
            "history": history_entries(offender),
            # who opened it, for the station's supervisors (this view is logged first)
            "views": list(offender.views.select_related("user")[:VIEWS_SHOWN])
            if offender.station_id in supervised_ids(request.user)
            else [],
            "today": timezone.localdate(),
            "breadcrumbs": _crumbs(str(offender)),
        },
        status=400 if sent else 200,
    )


def _from_incident(request: HttpRequest) -> dict:
    """Started from a domestic-violence incident: its number, the grounds, and its suspect's
    name, date of birth and address, so that nothing is typed twice."""
    number = request.GET.get("incident", "")
    incident = (
        Incident.objects.visible_to(request.user)
        .filter(number=number, category=Incident.Category.DOMESTIC_VIOLENCE)
        .select_related("restraining_order")
        .first()
    )
    if incident is None or not request.user.has_perm("officers.read_incident_details", incident):
        return {}
    initial = {
        "incident_number": incident.number,
        "grounds": Offender.Grounds.URGENT_ORDER
        if hasattr(incident, "restraining_order")
        else Offender.Grounds.INCIDENT,
    }
    suspect = incident.parties.filter(role=Party.Role.SUSPECT, anonymised_at=None).first()
    if suspect is not None:
        initial.update(
            full_name=suspect.full_name,
            date_of_birth=suspect.date_of_birth,
            address=suspect.address,
        )
    return initial


@police_only
@permission_required("offenders.add_offender", raise_exception=True)
def offender_create(request: HttpRequest) -> HttpResponse:
    officer = own_officer(request.user)
    if sent := already_sent(request):
        return sent
    form = OffenderForm(bound_data(request), user=request.user, initial=_from_incident(request))
    if request.method == "POST" and form.is_valid():
        offender = create_once(
            request,
            lambda: services.offender_register(
                officer=officer, user=request.user, **form.record_fields()
            ),
        )
        messages.success(
            request, _("%(record)s: the person is on the register.") % {"record": offender}
        )
        return redirect(offender)
    return render(
        request,
        "offenders/offender_form.html",
        {"form": form, "breadcrumbs": _crumbs(_("Take onto the register"))},
    )


@police_only
def offender_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offender = _entry_or_404(request, pk)
    if not request.user.has_perm("offenders.work_offender", offender):
        raise PermissionDenied
    form = OffenderForm(bound_data(request), instance=offender, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.offender_update(offender=offender, **form.record_fields())
        messages.success(request, _("Saved: %(record)s.") % {"record": offender})
        return redirect(offender)
    services.log_view(request.user, offender)  # the form shows the person
    return render(
        request,
        "offenders/offender_form.html",
        {
            "form": form,
            "offender": offender,
            "breadcrumbs": _crumbs(pgettext("page title", "Edit"), offender),
        },
    )


@police_only
def offender_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """POST only: a work entry ("work") or taking the person off ("off")."""
    if step not in ("work", "off") or request.method != "POST":
        raise Http404
    offender = _entry_or_404(request, pk)
    if not offender.on_register:  # a second tap, or a page left open
        messages.info(request, _("This person has been taken off the register already."))
        return redirect(offender)
    if not request.user.has_perm("offenders.work_offender", offender):
        raise PermissionDenied
    if step == "work":
        if sent_before(request) is not None:  # the same work entry, tapped twice
            messages.info(request, _("This form had arrived already; nothing was saved twice."))
            return redirect(offender)
        form = WorkForm(request.POST, auto_id="id_work_%s")
    else:
        form = TakeOffForm(request.POST, offender=offender, auto_id="id_off_%s")
    if not form.is_valid():
        return _page(request, offender, sent=(step, form))
    try:
        if step == "work":
            officer = own_officer(request.user)
            create_once(
                request,
                lambda: services.work_record(
                    offender=offender, officer=officer, user=request.user, **form.cleaned_data
                ),
            )
            messages.success(request, _("The preventive work is recorded."))
        else:
            services.take_off(offender=offender, **form.cleaned_data)
            messages.success(request, _("The person is taken off the register."))
    except Refused as refusal:
        messages.error(request, refusal.reason)
    return redirect(offender)
