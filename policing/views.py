"""Project-wide pages: the home page, the password change and the error pages."""

import datetime
import mimetypes

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from officers import duty
from officers.models import Incident, Officer
from policing import aggregates
from policing.charts import BarChart
from policing.refusals import Refused
from stations import selectors
from stations.models import Community, Handover, Station, Village


def health(request: HttpRequest) -> HttpResponse:
    """Says the app server answers, for a load balancer; touches no database or cache,
    so the benchmark measures every page against it."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """A start page that fits the role: own record for an officer, counts for others."""
    user = request.user
    officer = Officer.objects.select_related("station__village").filter(user=user).first()
    counts = []
    for model, url_name in (
        (Community, "stations:community_list"),
        (Village, "stations:village_list"),
        (Station, "stations:station_list"),
        (Officer, "officers:officer_list"),
    ):
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"):
            queryset = model.objects.visible_to(user)
            if model is Officer:
                queryset = queryset.active()
            counts.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "count": queryset.count(),
                    "url": url_name,
                }
            )
    supervised = user.supervised_stations.select_related("village").order_by("name")
    context = {"officer": officer, "counts": counts, "supervised": supervised}
    if officer is not None:
        context["holdings"] = selectors.holdings(officer)
        context["pending_acts"] = selectors.pending_acts(officer)
        context.update(duty.officer_panel(officer))
    if user.has_perm("officers.view_incident"):
        context["expiring_orders"] = duty.expiring_orders(user)
    if user.has_perm("officers.view_shift") and (counts or supervised):
        context.update(duty.on_duty_panel(user))
    if user.has_perm("officers.view_incident") and officer is None:
        context["dashboard"] = dashboard(user)
    if officer is not None:
        context["own_open_incidents"] = list(
            Incident.objects.filter(reporting_officer=officer)
            .exclude(case_status=Incident.Case.CLOSED)
            .select_related("village")
            .order_by("-occurred_at")[:10]
        )
    if user.has_perm("stations.add_handover"):
        context["unconfirmed_count"] = Handover.objects.unconfirmed().count()
    return render(request, "policing/home.html", context)


# Folders of uploads that every signed-in person may open. Incident photos are not
# among them: they go out only through officers:attachment_file, which checks who asks.
MEDIA_FOLDERS = ("officers/", "stations/", "memoranda/")


def is_open_media_path(path: str) -> bool:
    """Whether ``path`` names a file in one of the open folders, as written: a path
    with ``..``, ``.``, an empty segment or a backslash could climb out of the folder
    it starts with after the check, so it is refused rather than normalised."""
    parts = path.split("/")
    return (
        path.startswith(MEDIA_FOLDERS)
        and "\\" not in path
        and all(part not in ("", ".", "..") for part in parts)
    )


@login_required
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded photos and documents, to signed-in people only (not public)."""
    if not is_open_media_path(path) or not default_storage.exists(path):
        raise Http404
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(
        default_storage.open(path), content_type=content_type or "application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def dashboard(user) -> dict:
    """The picture at a glance for staff and supervisors; each figure links onward.

    Counting a country's incidents takes a second, so the figures are kept for
    ``DASHBOARD_CACHE_SECONDS``: shared by everyone who reads every station, per person
    otherwise (and per language, as the labels are translated).
    """
    scope = "all" if user.has_perm("stations.view_all_stations") else f"user-{user.pk}"
    return cache.get_or_set(
        f"dashboard:{scope}:{get_language()}",
        lambda: _dashboard_figures(user),
        settings.DASHBOARD_CACHE_SECONDS,
    )


def _dashboard_figures(user) -> dict:
    now = timezone.now()
    year_ago = now - datetime.timedelta(days=365)
    return {
        "counted_at": now,
        "open_by_village": BarChart(
            _("Open incidents by village"),
            aggregates.open_incidents_by_village(user),
            aggregates.incidents_url(not_closed="true"),
        ),
        "by_category": BarChart(
            _("Incidents by category, last 12 months"),
            aggregates.incidents_by_category(user, year_ago),
        ),
        "by_village": BarChart(
            _("Incidents by village, last 12 months"),
            aggregates.incidents_by_village(user, year_ago),
            aggregates.incidents_url(since=timezone.localtime(year_ago).date().isoformat()),
        ),
        # A rolling month, so that the first days of a month do not show an empty panel.
        "patrol": aggregates.patrol_by_village(
            user, now - datetime.timedelta(days=30), now, top=aggregates.TOP
        ),
        "vehicles": aggregates.vehicles_needing_attention(user),
        "items": BarChart(
            _("Items held per officer"),
            aggregates.items_per_officer(user),
            reverse("stations:custody_report"),
        ),
        "acts_waiting": aggregates.acts_waiting(user),
    }


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, which also lifts the forced change of an initial one."""

    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.request.user.must_change_password:
            self.request.user.must_change_password = False
            self.request.user.save(update_fields=["must_change_password"])
        return response


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    # Only a Refused carries a reason meant for the person; other messages stay unsaid.
    reason = exception.reason if isinstance(exception, Refused) else ""
    return render(request, "errors/403.html", {"reason": reason}, status=403)


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No request context: the page must render even when the database is down.
    reference = getattr(request, "error_reference", "")
    return HttpResponseServerError(render_to_string("errors/500.html", {"reference": reference}))
