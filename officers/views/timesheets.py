"""Monthly timesheets per station and per officer; closing a checked month; the week."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import exports
from core.breadcrumbs import breadcrumbs
from core.months import month_pager, parse_month, working_month
from officers import rules, services
from officers.forms import MonthCloseForm
from officers.models import MonthClosure, Officer, Shift
from officers.timesheets import timesheet
from officers.worktime import at, hours, week_start
from stations.models import Station

EXPORT_COLUMNS: list[exports.Column] = [
    (gettext_lazy("Officer"), lambda row: row.officer.full_name),
    (gettext_lazy("Badge"), lambda row: row.officer.badge_number),
    (gettext_lazy("Days"), lambda row: row.day_count),
    (gettext_lazy("Hours"), lambda row: hours(row.time)),
    (gettext_lazy("Night hours"), lambda row: hours(row.night)),
    (gettext_lazy("Kilometres"), lambda row: row.km),
    (gettext_lazy("Villages"), lambda row: ", ".join(row.villages)),
]


@login_required
@permission_required("officers.view_shift", raise_exception=True)
def station_timesheet(request: HttpRequest, pk: int) -> HttpResponseBase:
    station = get_object_or_404(Station.objects.visible_to(request.user), pk=pk)
    month = parse_month(request.GET.get("month"), working_month(timezone.localdate()))
    officers = Officer.objects.visible_to(request.user).filter(station=station)
    if not request.user.has_perm("officers.read_station_timesheet", station):
        officers = officers.filter(user=request.user)  # an officer sees their own line
    rows = timesheet(month, list(officers.order_by("surname", "name")))
    fmt = request.GET.get("export")
    if fmt in exports.FORMATS:
        return exports.export_response(rows, EXPORT_COLUMNS, f"timesheet-{month:%Y-%m}", fmt)
    closure = MonthClosure.objects.filter(station=station, month=month).first()
    may_close = (
        closure is None
        and request.user.has_perm("officers.close_station_month", station)
        and month < timezone.localdate().replace(day=1)
    )
    own_unapproved = may_close and rules.has_own_unapproved_shifts(request.user, station.pk, month)
    return render(
        request,
        "officers/timesheet_station.html",
        {
            "station": station,
            **month_pager(month),
            "rows": rows,
            "closure": closure,
            "may_close": may_close and not own_unapproved,
            "not_closable_because": rules.OWN_MONTH if own_unapproved else "",
            "breadcrumbs": breadcrumbs(
                (station.name, station.get_absolute_url()), here=_("Timesheet")
            ),
        },
    )


@login_required
@permission_required("officers.view_shift", raise_exception=True)
def officer_timesheet(request: HttpRequest, pk: int) -> HttpResponse:
    officer = get_object_or_404(
        Officer.objects.visible_to(request.user).select_related("station"), pk=pk
    )
    if not request.user.has_perm("officers.read_officer_timesheet", officer):
        raise PermissionDenied
    month = parse_month(request.GET.get("month"), working_month(timezone.localdate()))
    row = timesheet(month, [officer])[0]
    return render(
        request,
        "officers/timesheet_officer.html",
        {
            "officer": officer,
            **month_pager(month),
            "row": row,
            "breadcrumbs": breadcrumbs(
                (officer.full_name, officer.get_absolute_url()), here=_("Timesheet")
            ),
        },
    )


@login_required
@require_POST
@permission_required("officers.add_monthclosure", raise_exception=True)
def month_close(request: HttpRequest, pk: int) -> HttpResponse:
    station = get_object_or_404(Station.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("officers.close_station_month", station):
        raise PermissionDenied
    form = MonthCloseForm(request.POST)
    if form.is_valid():
        try:
            services.month_close(
                station=station, month=form.cleaned_data["month"], user=request.user
            )
        except services.ShiftError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The month is closed."))
    month = form.cleaned_data.get("month") if form.is_valid() else None
    url = reverse("officers:station_timesheet", args=[station.pk])
    return redirect(f"{url}?month={month:%Y-%m}" if month else url)


@login_required
@permission_required("officers.view_shift", raise_exception=True)
def station_week(request: HttpRequest, pk: int) -> HttpResponse:
    """A calendar-like week of a station: officers down, days across."""
    station = get_object_or_404(Station.objects.visible_to(request.user), pk=pk)
    first = week_start(request.GET.get("week"))
    days = [first + datetime.timedelta(days=n) for n in range(7)]
    start, end = at(first, datetime.time()), at(first + datetime.timedelta(days=7), datetime.time())
    officers = list(Officer.objects.filter(station=station).active().order_by("surname", "name"))
    shifts = (
        Shift.objects.visible_to(request.user)
        .filter(officer__station=station, started_at__lt=end)
        .exclude(ended_at__lte=start)
        .order_by("started_at")
    )
    grid: dict[int, dict[datetime.date, list[Shift]]] = {
        officer.pk: {day: [] for day in days} for officer in officers
    }
    for shift in shifts:
        day = timezone.localtime(shift.started_at).date()
        if shift.officer_id in grid and day in grid[shift.officer_id]:
            grid[shift.officer_id][day].append(shift)
    return render(
        request,
        "officers/station_week.html",
        {
            "station": station,
            "days": days,
            "rows": [(officer, [grid[officer.pk][day] for day in days]) for officer in officers],
            "previous": first - datetime.timedelta(days=7),
            "next": first + datetime.timedelta(days=7),
            "breadcrumbs": breadcrumbs((station.name, station.get_absolute_url()), here=_("Week")),
        },
    )
