"""The page of the officer's report to the council: choose whose and which period, read
it, print it on A4, download its XLSX, mark it presented."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from core import exports
from core.breadcrumbs import breadcrumbs
from officers.models import Officer
from reports import council
from reports.forms import PeriodForm, PresentedForm
from reports.models import PresentedReport
from stations.models import Station
from stations.rules import supervised_ids


def _scope(request: HttpRequest) -> council.Scope | None:
    """Whose report the query asks for; an officer's own, for an officer asking none."""
    user = request.user
    assert user.is_authenticated  # login_required
    if (pk := request.GET.get("officer", "")).isdigit():
        officer = get_object_or_404(
            Officer.objects.visible_to(user).select_related("station"), pk=pk
        )
        if not user.has_perm("reports.read_council_report", officer):
            raise Http404
        return council.Scope(officer=officer)
    if (pk := request.GET.get("station", "")).isdigit():
        return council.Scope(station=get_object_or_404(Station.objects.visible_to(user), pk=pk))
    own = Officer.objects.filter(user=user).select_related("station").first()
    if own is not None and not supervised_ids(user):
        return council.Scope(officer=own)
    return None


def _chooser(request: HttpRequest) -> list[Officer]:
    """The officers whose reports the person reads, with their last report presented."""
    officers = (
        council.with_last_presented(Officer.objects.visible_to(request.user).active())
        .select_related("station")
        .order_by("station__name", "surname", "name")
    )
    if not request.user.has_perm("stations.view_all_stations"):
        officers = officers.filter(station__in=supervised_ids(request.user))
    rows = list(officers[:200])
    for officer in rows:
        officer.next_due = (
            council.same_day_months_later(officer.last_presented, council.REPORT_EVERY_MONTHS)
            if officer.last_presented
            else None
        )
    return rows


@login_required
def council_report(request: HttpRequest) -> HttpResponse:
    crumbs = breadcrumbs(here=_("Report to the council"))
    scope = _scope(request)
    period_form = PeriodForm(request.GET if "since" in request.GET else None)
    today = timezone.localdate()
    if scope is None:
        return render(
            request,
            "reports/council.html",
            {"officers": _chooser(request), "today": today, "breadcrumbs": crumbs},
        )
    if period_form.is_bound and period_form.is_valid():
        period = council.Period(
            period_form.cleaned_data["since"], period_form.cleaned_data["until"]
        )
    else:
        period = _default_period(scope, today)
        if not period_form.is_bound:
            period_form = PeriodForm(initial={"since": period.start, "until": period.end})
    report = council.build(scope, period)
    if request.GET.get("export") in exports.FORMATS:
        return _xlsx(report)
    officer = scope.officer
    can_mark = officer is not None and request.user.has_perm("reports.mark_presented", officer)
    return render(
        request,
        "reports/council.html",
        {
            **report,
            "period_form": period_form,
            "query": request.GET.urlencode(),
            "presented": list(officer.council_reports.all()[:10]) if officer else [],
            "next_due": council.next_due(officer) if officer else None,
            "presented_form": PresentedForm(initial={"since": period.start, "until": period.end})
            if can_mark
            else None,
            "today": today,
            "breadcrumbs": crumbs,
        },
    )


def _default_period(scope: council.Scope, today) -> council.Period:
    """The half-year to today; for an officer, from the day after their last report
    presented if that is later (no day is reported twice)."""
    period = council.Period.half_year_to(today)
    last = council.last_presented(scope.officer) if scope.officer is not None else None
    if last is not None and period.start <= last.until < today:
        return council.Period(last.until + datetime.timedelta(days=1), today)
    return period


def _xlsx(report: dict) -> HttpResponse:
    period, before = report["period"], report["before"]

    def span(p: council.Period) -> str:
        return f"{p.start:%d.%m.%Y}–{p.end:%d.%m.%Y}"

    tables: list[exports.Table] = [
        (
            (section.title, span(period), span(before), pgettext("difference", "Change")),
            [(f.label, f.now, f.before, f.change) for f in section.figures],
        )
        for section in report["sections"]
    ]
    return exports.tables_response(
        (_("Report to the council"), report["scope"].name, span(period)),
        tables,
        f"council-report-{_whose(report['scope'])}-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.xlsx",
    )


def _whose(scope: council.Scope) -> str:
    """The file name's part that tells whose report it is (ASCII, for the header)."""
    if scope.officer is not None:
        return f"officer-{scope.officer.pk}"
    return f"station-{scope.station.pk}" if scope.station is not None else "all"


@require_POST
@login_required
def report_presented(request: HttpRequest, officer_pk: int) -> HttpResponse:
    officer = get_object_or_404(Officer.objects.visible_to(request.user), pk=officer_pk)
    if not request.user.has_perm("reports.mark_presented", officer):
        raise PermissionDenied
    form = PresentedForm(request.POST)
    back = redirect(f"{reverse('council_report')}?officer={officer.pk}")
    if not form.is_valid():
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, _("Not saved: %(errors)s") % {"errors": errors})
        return back
    earlier = PresentedReport.objects.filter(
        officer=officer, since=form.cleaned_data["since"], until=form.cleaned_data["until"]
    ).first()
    if earlier is not None:  # a second tap, or the same period again
        messages.info(
            request,
            _("The report of this period was marked as presented on %(date)s already.")
            % {"date": earlier.presented_on.strftime("%d.%m.%Y")},
        )
        return back
    report = form.save(commit=False)
    report.officer, report.created_by = officer, request.user
    report.save()
    messages.success(
        request,
        _("Marked as presented on %(date)s; the next report is due by %(due)s.")
        % {
            "date": report.presented_on.strftime("%d.%m.%Y"),
            "due": council.next_due(officer).strftime("%d.%m.%Y"),  # type: ignore[union-attr]
        },
    )
    return back
