"""Pages of preventive work: the officer records from the phone; supervisors and staff read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from core import exports
from core.breadcrumbs import breadcrumbs
from core.forms import bound_data
from core.images import takes_photos
from core.mixins import RegistryDetailView, RegistryListView, readable_or_404, registry_crumb
from core.offline import keep_offline
from core.once import already_sent, create_once
from officers.duty import own_officer

from . import services
from .filters import PreventiveEventFilter
from .forms import PreventiveEventForm
from .models import PreventiveEvent


class PreventiveEventList(RegistryListView):
    model = PreventiveEvent
    filterset_class = PreventiveEventFilter
    template_name = "prevention/preventiveevent_list.html"
    select_related = ("village", "officer", "station")
    export_name = "preventive-work"
    export_columns: tuple[exports.Column, ...] = (
        (gettext_lazy("Date"), lambda e: e.held_on),
        (gettext_lazy("Kind"), lambda e: e.get_kind_display()),
        (gettext_lazy("Topic"), lambda e: e.get_topic_display()),
        (gettext_lazy("Village"), lambda e: e.village.name),
        (gettext_lazy("Audience"), lambda e: e.audience),
        (gettext_lazy("Officer"), lambda e: e.officer.full_name),
        (gettext_lazy("Station"), lambda e: e.station.name),
        (gettext_lazy("Note"), lambda e: e.note),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # of every row the filters keep, not only this page's
        rows = context["filter"].qs
        context["audience_total"] = rows.aggregate(total=Sum("audience"))["total"] or 0
        return context


class PreventiveEventDetail(RegistryDetailView):
    model = PreventiveEvent
    template_name = "prevention/preventiveevent_detail.html"
    select_related = ("village", "officer", "station", "shift")
    editable = False  # the officer's own edit page, by its rule, not the model permission

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = self.request.user.has_perm(
            "prevention.edit_preventiveevent", self.object
        )
        return context


@takes_photos
@login_required
@permission_required("prevention.add_preventiveevent", raise_exception=True)
def event_create(request: HttpRequest) -> HttpResponse:
    officer = own_officer(request.user)
    if sent := already_sent(request):
        return sent
    keep_offline(request)  # a talk in a village school happens where the signal is weak
    form = PreventiveEventForm(
        bound_data(request), request.FILES or None, user=request.user, officer=officer
    )
    if request.method == "POST" and form.is_valid():
        event = create_once(
            request,
            lambda: services.event_record(officer=officer, user=request.user, **_fields(form)),
        )
        messages.success(request, _("Recorded: %(record)s.") % {"record": event})
        return redirect(event)
    crumbs = breadcrumbs(registry_crumb(PreventiveEvent), here=_("Record preventive work"))
    return render(
        request, "prevention/preventiveevent_form.html", {"form": form, "breadcrumbs": crumbs}
    )


@takes_photos
@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = readable_or_404(request.user, PreventiveEvent, pk, "village", "officer")
    if not request.user.has_perm("prevention.edit_preventiveevent", event):
        raise PermissionDenied
    form = PreventiveEventForm(
        bound_data(request), request.FILES or None, instance=event, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        services.event_update(event=event, **_fields(form))
        messages.success(request, _("Saved: %(record)s.") % {"record": event})
        return redirect(event)
    crumbs = breadcrumbs(
        registry_crumb(PreventiveEvent),
        (str(event), event.get_absolute_url()),
        here=pgettext("page title", "Edit"),
    )
    return render(
        request,
        "prevention/preventiveevent_form.html",
        {"form": form, "event": event, "breadcrumbs": crumbs},
    )


def _fields(form: PreventiveEventForm) -> dict:
    """What the form sets on the event: its fields, and the photo's thumbnail with it."""
    fields = dict(form.cleaned_data)
    photo = fields.pop("photo", None)
    if photo is False:  # "clear" ticked
        fields.update(photo="", photo_thumbnail="")
    elif photo is not None and hasattr(photo, "thumbnail"):
        fields.update(photo=photo, photo_thumbnail=photo.thumbnail)
    return fields


@login_required
def event_photo(request: HttpRequest, pk: int, size: str) -> FileResponse:
    """An event's photo (residents, children at a school) to those who may read the event,
    never from an open media folder."""
    event = readable_or_404(request.user, PreventiveEvent, pk)
    stored = event.photo_thumbnail if size == "thumb" else event.photo
    if not stored:
        raise Http404
    response = FileResponse(stored.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
