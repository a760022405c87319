"""The home page: the person's own record for an officer, the picture at a glance for
staff and supervisors."""

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.roles import ADMINISTRATOR, COUNCIL_STAFF, OFFICER, SUPERVISOR, user_role
from appeals.filters import due
from appeals.models import Appeal
from core.offline import keep_offline
from offenders.filters import in_state
from offenders.models import Offender
from officers import duty
from officers.districts import over_limit_count
from officers.incidents.orders import expiring_orders
from officers.models import Incident, Officer
from officers.models.people import OfficerQuerySet
from prevention.models import PreventiveEvent
from reports import aggregates, council
from reports.charts import BarChart
from stations import selectors
from stations.models import Community, Handover, Station, Village
from stations.rules import reads_every_station


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """A start page that fits the role: own record for an officer, counts for others."""
    user = request.user
    assert user.is_authenticated  # login_required
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
            if isinstance(queryset, OfficerQuerySet):  # the officers: those in service
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
        context["expiring_orders"] = expiring_orders(user)
    if user.has_perm("officers.view_shift") and (counts or supervised):
        context.update(duty.on_duty_panel(user))
    if user.has_perm("officers.view_incident") and officer is None:
        context["dashboard"] = dashboard(user)
    if officer is not None:
        context["own_open_incidents"] = list(
            Incident.objects.filter(reporting_officer=officer)
            .counted()
            .exclude(case_status=Incident.Case.CLOSED)
            .select_related("village")
            .order_by("-occurred_at")[:10]
        )
    if officer is not None and user.has_perm("prevention.view_preventiveevent"):
        context["own_events"] = list(
            PreventiveEvent.objects.filter(officer=officer)
            .select_related("village")
            .order_by("-held_on", "-created_at")[:5]
        )
    if user_role(user) in (OFFICER, SUPERVISOR):  # the police who answer them
        appeals = Appeal.objects.visible_to(user)
        context["appeals_overdue"] = due(appeals, "overdue").count()
        context["appeals_due_soon"] = due(appeals, "soon").count()
        context["checks_overdue"] = in_state(Offender.objects.visible_to(user), "check_due").count()
    if officer is not None:
        context["council_due"] = council.next_due(officer)
        context["council_never"] = context["council_due"] is None
        context["today"] = timezone.localdate()
    if user_role(user) == SUPERVISOR:
        supervised_officers = Officer.objects.active().filter(station__in=supervised)
        context["council_reports_due"] = council.reports_due(
            supervised_officers, timezone.localdate()
        )
    if user.has_perm("stations.add_handover"):
        context["unconfirmed_count"] = Handover.objects.unconfirmed().count()
    if user_role(user) in (COUNCIL_STAFF, SUPERVISOR, ADMINISTRATOR):
        context["districts_over"] = over_limit_count(Officer.objects.visible_to(user))
    if officer is not None:
        keep_offline(request)  # an officer's own page (holdings, shift, open incidents)
    return render(request, "reports/home.html", context)


def dashboard(user) -> dict:
    """The picture at a glance for staff and supervisors; each figure links onward.

    Counting a country's incidents takes a second, so the figures are kept for
    ``DASHBOARD_CACHE_SECONDS``: shared by everyone who reads every station, per person
    otherwise (and per language, as the labels are translated).
    """
    scope = "all" if reads_every_station(user) else f"user-{user.pk}"
    figures = cache.get_or_set(
        f"dashboard:{scope}:{get_language()}",
        lambda: _dashboard_figures(user),
        settings.DASHBOARD_CACHE_SECONDS,
    )
    assert figures is not None  # kept or just counted: get_or_set has a default
    return figures


def _dashboard_figures(user) -> dict:
    now = timezone.now()
    today = timezone.localdate()
    year_ago = now - datetime.timedelta(days=365)
    month = council.Period(today - datetime.timedelta(days=29), today)  # the last 30 days
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
        # A rolling month, so that the first days of a month do not show an empty panel:
        # from a midnight, as the shift list it links to counts whole days.
        "patrol": aggregates.patrol_by_village(user, month.moments()[0], now, top=aggregates.TOP),
        "vehicles": aggregates.vehicles_needing_attention(user),
        "items": BarChart(
            _("Items held per officer"),
            aggregates.items_per_officer(user),
            reverse("stations:custody_report"),
        ),
        "acts_waiting": aggregates.acts_waiting(user),
        "balance": council.balance(
            council.Scope(
                stations=tuple(Station.objects.visible_to(user).values_list("pk", flat=True))
            ),
            month,
        ),
    }
