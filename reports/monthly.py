"""The monthly community report: what the council puts in front of its members.

It counts only what is not restricted (categories, villages, dates, statuses): no
description or party of any incident ever appears in it.
"""

import datetime

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import exports
from core.breadcrumbs import breadcrumbs
from core.months import add_months, parse_month
from officers.models import Incident, Officer
from officers.worktime import month_bounds
from reports import aggregates, council
from stations.models import Community, Custody, Vehicle


def build(user, community: Community, month: datetime.date) -> dict:
    incidents = Incident.objects.visible_to(user).counted().filter(community=community)
    start, end = month_bounds(month)
    vehicles = Vehicle.objects.visible_to(user).filter(station__village__community=community)
    officers = Officer.objects.visible_to(user).filter(station__village__community=community)
    custodies = Custody.objects.visible_to(user).filter(item__station__village__community=community)
    return {
        "community": community,
        "month": month,
        "coverage": aggregates.patrol_by_village(user, start, end, community),
        "by_category": aggregates.incident_comparison(
            incidents, month, "category", dict(Incident.Category.choices)
        ),
        "by_village": aggregates.incident_comparison(incidents, month, "village__name"),
        "response": aggregates.response_and_closure(incidents, month),
        "people": aggregates.officers_and_trainings(officers, month),
        "vehicles": aggregates.vehicle_costs(vehicles, month),
        "equipment": aggregates.equipment_issued(custodies, month),
        "balance": council.balance(
            council.Scope(community=community),
            _month_period(month),
            _month_period(add_months(month, -1)),
        ),
    }


def _month_period(month: datetime.date) -> council.Period:
    return council.Period(month, add_months(month, 1) - datetime.timedelta(days=1))


def _xlsx(report: dict) -> HttpResponse:
    comparison = (_("This month"), _("Month before"), _("A year before"))
    tables: list[exports.Table] = [
        (
            (_("Village"), _("Shifts"), _("Hours")),
            [(row["village"], row["visits"], row["hours"]) for row in report["coverage"]],
        ),
        (
            (_("Category"), *comparison),
            [(r.label, r.now, r.previous, r.year_ago) for r in report["by_category"]],
        ),
        (
            (_("Village"), *comparison),
            [(r.label, r.now, r.previous, r.year_ago) for r in report["by_village"]],
        ),
        (
            (_("Vehicle"), _("Kilometres"), _("Litres"), _("Fuel, UAH"), _("Maintenance, UAH")),
            [
                (
                    str(row["vehicle"]),
                    row["km"],
                    float(row["litres"]),
                    float(row["fuel_uah"]),
                    float(row["maintenance_uah"]),
                )
                for row in report["vehicles"]
            ],
        ),
        (
            (report["balance"].title, *comparison[:2], pgettext("difference", "Change")),
            [(f.label, f.now, f.before, f.change) for f in report["balance"].figures],
        ),
        (
            (_("Kind"), _("Issued this month"), _("Held at month end")),
            [(str(row["kind"]), row["issued"], row["held"]) for row in report["equipment"]],
        ),
    ]
    return exports.tables_response(
        (str(report["community"]), report["month"].strftime("%Y-%m")),
        tables,
        f"report-{report['community'].pk}-{report['month']:%Y-%m}.xlsx",
    )


@login_required
@permission_required("officers.view_incident", raise_exception=True)
def monthly_report(request: HttpRequest) -> HttpResponse:
    communities = Community.objects.visible_to(request.user).order_by("name")
    chosen = request.GET.get("community")
    community = (
        get_object_or_404(communities, pk=chosen)
        if chosen and chosen.isdigit()
        else communities.first()
    )
    month = parse_month(request.GET.get("month"), timezone.localdate())
    if month >= timezone.localdate().replace(day=1) and not request.GET.get("month"):
        month = (month - datetime.timedelta(days=1)).replace(day=1)  # last full month
    crumbs = breadcrumbs(here=_("Monthly report"))
    if community is None:
        return render(
            request,
            "reports/monthly.html",
            {"communities": communities, "report": None, "breadcrumbs": crumbs},
        )
    report = build(request.user, community, month)
    if request.GET.get("export") in exports.FORMATS:
        return _xlsx(report)
    return render(
        request,
        "reports/monthly.html",
        {"communities": communities, "report": report, **report, "breadcrumbs": crumbs},
    )
