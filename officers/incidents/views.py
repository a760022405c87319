"""The incident log: officers draft and submit, supervisors review and decide cases.

Restricted (domestic violence) details are shown only where the rules
(``officers.incidents.rules``) say, and each view of them is logged.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from core.breadcrumbs import Crumb, breadcrumbs
from core.forms import bound_data
from core.history import history_entries
from core.images import takes_photos
from core.mixins import RegistryListView, readable_or_404
from core.offline import keep_offline
from core.once import already_sent, create_once
from core.refusals import Refused
from officers.duty import own_officer
from officers.rules import police_station_ids

from . import rules
from . import services as service
from .filters import IncidentFilter
from .forms import (
    AttachmentForm,
    CommentForm,
    IncidentCreateForm,
    IncidentForm,
    PartyForm,
    ReferForm,
    RestrainingOrderForm,
    SupplementForm,
)
from .models import Incident, Party, RestrainingOrder, RestrictedView
from .restricted_views import log_map_views, log_restricted_view


def get_incident_for_user(user, pk: int) -> Incident:
    return readable_or_404(
        user, Incident, pk, "village", "station", "reporting_officer__user", "shift", "community"
    )


def _details_visible(incident: Incident, police_ids: frozenset[int]) -> bool:
    return not incident.is_restricted or incident.station_id in police_ids


def _export_columns(police_ids: frozenset[int]):
    def guarded(getter):
        return lambda i: getter(i) if _details_visible(i, police_ids) else ""

    return [
        (gettext_lazy("Number"), lambda i: i.number),
        (gettext_lazy("Category"), lambda i: i.get_category_display()),
        (gettext_lazy("Occurred at"), lambda i: i.occurred_at),
        (gettext_lazy("Reported at"), lambda i: i.reported_at),
        (gettext_lazy("Village"), lambda i: i.village.name),
        (gettext_lazy("Report"), lambda i: i.get_report_status_display()),
        (gettext_lazy("Case"), lambda i: i.get_case_status_display()),
        (gettext_lazy("Reporting officer"), lambda i: i.reporting_officer.full_name),
        (gettext_lazy("Place"), guarded(lambda i: i.place)),
        (gettext_lazy("Description"), guarded(lambda i: i.description)),
        (gettext_lazy("Actions taken"), guarded(lambda i: i.actions_taken)),
    ]


class IncidentList(RegistryListView):
    model = Incident
    filterset_class = IncidentFilter
    template_name = "officers/incidents/list.html"
    select_related = ("village", "reporting_officer")
    export_name = "incidents"

    @cached_property
    def police_ids(self) -> frozenset[int]:
        return police_station_ids(self.request.user)

    def get_export_columns(self) -> list:
        return _export_columns(self.police_ids)  # which details the person may see

    def exporting(self, rows) -> None:
        user = self.request.user
        assert user.is_authenticated  # the list's permission check lets no visitor in
        RestrictedView.objects.bulk_create(
            RestrictedView(incident_id=pk, user=user, what=RestrictedView.How.EXPORT)
            for pk in rows.filter(
                category__in=Incident.RESTRICTED, station__in=self.police_ids
            ).values_list("pk", flat=True)
        )

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["police_ids"] = self.police_ids
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["police_ids"] = self.police_ids
        return context


def _crumbs(here: str, incident: Incident | None = None) -> list[Crumb]:
    """Incidents, then the incident (by its number) on a page of one of its own."""
    links = [(_("Incidents"), reverse("officers:incident_list"))]
    if incident is not None:
        links.append((incident.number, incident.get_absolute_url()))
    return breadcrumbs(*links, here=here)


@login_required
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, get_incident_for_user(request.user, pk))


# The forms of the workflow's steps, one each, with ids of their own on the one page.
STEP_FORMS = {
    "photo": AttachmentForm,
    "supplement": SupplementForm,
    "return": CommentForm,
    "refer": ReferForm,
    "request_closure": CommentForm,
    "close": CommentForm,
    "reopen": CommentForm,
}


def _step_form(step: str, request: HttpRequest | None = None):
    # an unbound form without a request (None is the forms' own default)
    data, files = (request.POST, request.FILES) if request is not None else (None, None)
    return STEP_FORMS[step](data, files, auto_id=f"id_{step}_%s")


def _detail_page(request: HttpRequest, incident: Incident, sent=None) -> HttpResponse:
    """The incident's page; ``sent`` is a step's form sent back with its mistakes."""
    details = request.user.has_perm("officers.read_incident_details", incident)
    if details:
        log_restricted_view(request.user, incident, RestrictedView.How.DETAIL)
    order = RestrainingOrder.objects.filter(incident=incident).first() if details else None
    steps = steps_for(request.user, incident)
    forms = {step: _step_form(step) for step in STEP_FORMS}
    if sent is not None:
        forms[sent[0]] = sent[1]
    return render(
        request,
        "officers/incidents/detail.html",
        {
            "incident": incident,
            "details": details,
            "parties": list(incident.parties.all()) if details else [],
            "attachments": list(incident.attachments.all()) if details else [],
            "supplements": list(incident.supplements.select_related("author")) if details else [],
            "order": order,
            "events": list(incident.events.select_related("user")),
            "history": history_entries(incident) if details else [],
            "may_edit": request.user.has_perm("officers.edit_incident", incident),
            "steps": steps,
            "case_steps": steps & CASE_STEPS,
            "missing": service.missing_for_submission(incident),
            "step_forms": forms,
            "sent_step": sent[0] if sent else "",
            "breadcrumbs": _crumbs(incident.number),
        },
    )


@takes_photos
@login_required
@permission_required("officers.add_incident", raise_exception=True)
def incident_create(request: HttpRequest) -> HttpResponse:
    officer = own_officer(request.user)
    if sent := already_sent(request):
        return sent
    keep_offline(request)  # an incident is logged where it happens, signal or not
    files = request.FILES if request.method == "POST" else None
    form = IncidentCreateForm(bound_data(request), files, user=request.user, officer=officer)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "photo"}
        # the photo as uploaded: the service checks and re-encodes it (as the photo step)
        photo = request.FILES.get("photo") if form.cleaned_data.get("photo") else None
        incident = create_once(
            request,
            lambda: service.incident_create(
                officer=officer, user=request.user, photo=photo, **fields
            ),
        )
        messages.success(request, _("Incident %(number)s drafted.") % {"number": incident.number})
        return redirect(incident)
    return render(
        request,
        "officers/incidents/form.html",
        {"form": form, "breadcrumbs": _crumbs(_("Log an incident"))},
    )


@login_required
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_incident_for_user(request.user, pk)
    if not request.user.has_perm("officers.edit_incident", incident):
        raise PermissionDenied
    form = IncidentForm(
        bound_data(request),
        instance=incident,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        service.incident_update(incident=incident, user=request.user, **form.cleaned_data)
        messages.success(request, _("Saved: %(record)s.") % {"record": incident})
        return redirect(incident)
    return render(
        request,
        "officers/incidents/form.html",
        {
            "form": form,
            "incident": incident,
            "breadcrumbs": _crumbs(pgettext("page title", "Edit"), incident),
        },
    )


def _child_form(request, pk, form_class, instance_for, template, title):
    """Add a party or an order while the report can still be edited."""
    incident = get_incident_for_user(request.user, pk)
    if not request.user.has_perm("officers.edit_incident", incident):
        raise PermissionDenied
    instance = instance_for(incident)
    if instance.pk is None and (sent := already_sent(request, then=incident)):
        return sent
    form = form_class(bound_data(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        create_once(request, form.save) if instance.pk is None else form.save()
        messages.success(request, _("Saved: %(record)s.") % {"record": title})
        return redirect(incident)
    return render(
        request,
        template,
        {
            "form": form,
            "incident": incident,
            "title": title,
            "breadcrumbs": _crumbs(title, incident),
        },
    )


@login_required
def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _child_form(
        request,
        pk,
        PartyForm,
        lambda i: Party(incident=i),
        "officers/incidents/child_form.html",
        _("Party"),
    )


@login_required
def party_edit(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    return _child_form(
        request,
        pk,
        PartyForm,
        lambda i: get_object_or_404(i.parties, pk=party_pk),
        "officers/incidents/child_form.html",
        _("Party"),
    )


@login_required
def order_edit(request: HttpRequest, pk: int) -> HttpResponse:
    def instance_for(incident):
        if not incident.is_restricted:
            raise Http404
        return RestrainingOrder.objects.filter(incident=incident).first() or RestrainingOrder(
            incident=incident
        )

    return _child_form(
        request,
        pk,
        RestrainingOrderForm,
        instance_for,
        "officers/incidents/child_form.html",
        _("Urgent restraining order"),
    )


# Steps nobody takes on their own incident, and what they are told if they try.
OWN_WORK_REFUSALS = {
    "approve": rules.OWN_REPORT,
    "return": rules.OWN_REPORT,
    "close": rules.OWN_CASE,
    "reopen": rules.OWN_CASE,
}


CASE_STEPS = Incident.step_names("case_status")
# Steps beside the workflow's transitions (Incident.steps_for), with the rule of each.
ACTIONS = {"supplement": "officers.add_supplement", "photo": "officers.work_on_incident"}


def steps_for(user, incident: Incident) -> set[str]:
    """What the person may do to the incident now: the buttons of its page."""
    actions = {name for name, rule in ACTIONS.items() if user.has_perm(rule, incident)}
    return set(incident.steps_for(user)) | actions


@takes_photos  # one of the steps is a photo
@login_required
@require_POST
def incident_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step of the report or case workflow, from a button on the incident page."""
    incident = get_incident_for_user(request.user, pk)
    user = request.user
    if step not in Incident.step_names() | set(ACTIONS):
        raise Http404
    if step in OWN_WORK_REFUSALS and rules.is_own_incident(user, incident):
        raise Refused(OWN_WORK_REFUSALS[step])
    if step not in steps_for(user, incident) and not incident.rule_allows(step, user):
        raise PermissionDenied
    if step in ACTIONS and (sent := already_sent(request, then=incident)):
        return sent  # a supplement or a photo that arrived before
    form = _step_form(step, request) if step in STEP_FORMS else None
    if form is not None and not form.is_valid():
        return _detail_page(request, incident, sent=(step, form))
    try:
        _do_step(request, incident, step, form.cleaned_data if form else {})
    except service.IncidentError as error:
        messages.error(request, str(error))
    return redirect(incident)


# What the person is told when a step is done (the case's steps show in its history).
STEP_DONE = {
    "submit": gettext_lazy("Report submitted to the supervisor."),
    "approve": gettext_lazy("Report approved."),
    "discard": gettext_lazy("Draft discarded. It keeps its number and stays in the log."),
    "return": gettext_lazy("Report returned to the officer for correction."),
    "start": gettext_lazy("The case is now in progress."),
    "refer": gettext_lazy("The case is referred."),
    "request_closure": gettext_lazy("The supervisor is asked to close the case."),
    "close": gettext_lazy("Case closed."),
    "reopen": gettext_lazy("Case reopened."),
}


def _do_step(request, incident, step, data: dict) -> None:
    """The step's service; the machine (and the rules) said already that it may be taken."""
    user, comment = request.user, data.get("comment", "")
    services = {
        "submit": lambda: service.incident_submit(incident=incident, user=user),
        "discard": lambda: service.incident_discard(incident=incident, user=user),
        "approve": lambda: service.incident_review(incident=incident, user=user, approve=True),
        "return": lambda: service.incident_review(
            incident=incident, user=user, approve=False, comment=comment
        ),
        "start": lambda: service.case_start(incident=incident, user=user),
        "refer": lambda: service.case_refer(incident=incident, user=user, **data),
        "request_closure": lambda: service.case_request_closure(
            incident=incident, user=user, comment=comment
        ),
        "close": lambda: service.case_close(incident=incident, user=user, outcome=comment),
        "reopen": lambda: service.case_reopen(incident=incident, user=user, reason=comment),
        "supplement": lambda: service.supplement_add(
            incident=incident, user=user, text=data["text"]
        ),
        "photo": lambda: service.attachment_add(
            incident=incident, user=user, upload=request.FILES["image"], caption=data["caption"]
        ),
    }
    if step in ACTIONS:  # these add a record: once per form
        create_once(request, services[step])
    else:
        services[step]()
    if step in STEP_DONE:
        messages.success(request, STEP_DONE[step])


@login_required
def attachment_file(request: HttpRequest, pk: int, attachment_pk: int, size: str) -> FileResponse:
    """A photo of an incident, to those who may see the incident's details."""
    incident = get_incident_for_user(request.user, pk)
    if not request.user.has_perm("officers.read_incident_details", incident):
        raise PermissionDenied
    attachment = get_object_or_404(incident.attachments, pk=attachment_pk)
    stored = attachment.thumbnail if size == "thumb" else attachment.image
    response = FileResponse(stored.open("rb"), content_type="image/jpeg")
    response["Content-Disposition"] = (
        f'inline; filename="incident-{incident.number}-{attachment.pk}.jpg"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@permission_required("officers.view_incident", raise_exception=True)
def incident_map(request: HttpRequest) -> HttpResponse:
    from django.conf import settings

    filterset = IncidentFilter(
        request.GET,
        queryset=Incident.objects.visible_to(request.user),
        request=request,
        police_ids=police_station_ids(request.user),
    )
    return render(
        request,
        "officers/incidents/map.html",
        {
            "filter": filterset,
            "tiles_url": settings.MAP_TILES_URL,
            "query": request.GET.urlencode(),
            "breadcrumbs": _crumbs(_("Map")),
        },
    )


@login_required
@permission_required("officers.view_incident", raise_exception=True)
def incident_map_data(request: HttpRequest) -> JsonResponse:
    """Points of the incidents the filters select (at most 2,000), as GeoJSON."""
    filterset = IncidentFilter(
        request.GET,
        queryset=Incident.objects.visible_to(request.user).counted().select_related("village"),
        request=request,
        police_ids=police_station_ids(request.user),
    )
    rows = filterset.qs if filterset.is_valid() else Incident.objects.none()
    police_ids = filterset.police_ids
    # Plain values, not records: a map of 2,000 points is built in a few milliseconds.
    points = rows.order_by("-occurred_at").values_list(
        "pk",
        "number",
        "category",
        "occurred_at",
        "village__name",
        "station_id",
        "latitude",
        "longitude",
        "village__latitude",
        "village__longitude",
    )[:2000]
    # Each label translated once, not once per point.
    labels = {value: str(label) for value, label in Incident.Category.choices}
    page = reverse("officers:incident_detail", args=[0]).removesuffix("0/")
    kyiv = timezone.get_current_timezone()
    features, seen_restricted = [], []
    for pk, number, category, occurred_at, village, station_id, lat, lon, v_lat, v_lon in points:
        restricted = category in Incident.RESTRICTED
        # A restricted incident's own point is often the victim's home: it is a detail,
        # shown to its station's police (and logged); others get the village's point.
        if lat is None or lon is None or (restricted and station_id not in police_ids):
            lat, lon = v_lat, v_lon
        elif restricted:
            seen_restricted.append(pk)
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {
                    "number": number,
                    "category": labels[category],
                    "village": village,
                    "date": occurred_at.astimezone(kyiv).date().isoformat(),
                    "url": f"{page}{pk}/",
                    "restricted": restricted,
                },
            }
        )
    log_map_views(request.user, seen_restricted)
    return JsonResponse({"type": "FeatureCollection", "features": features})


@login_required
@permission_required("officers.view_restrictedview", raise_exception=True)
def restricted_log(request: HttpRequest) -> HttpResponse:
    """Who saw restricted details, when and of which incident: supervisors and admins."""
    from django.core.paginator import Paginator

    views = RestrictedView.objects.select_related("user", "incident")
    if not request.user.is_superuser:
        views = views.filter(incident__in=Incident.objects.visible_to(request.user))
    page = Paginator(views.order_by("-at", "-id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "officers/incidents/restricted_log.html",
        {
            "page_obj": page,
            "object_list": page.object_list,
            "is_paginated": page.has_other_pages(),
            "paginator": page.paginator,
            "breadcrumbs": _crumbs(_("Who saw restricted details")),
        },
    )
