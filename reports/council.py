"""The officer's report to the council (MVS Order No. 650): for an officer or a station
and a period (a half-year by default), every figure beside the same length of time
before, each linking to the list of the rows it counts.

Only counts: no name, no description, no subject of an appeal, nothing of the register
but how many. The screen, the printout and the XLSX are the same sections.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from appeals.models import Appeal
from core.months import add_months
from offenders.figures import register_measures
from offenders.models import Offender
from officers.models import Incident, Officer, Shift
from prevention.models import PreventiveEvent
from reports.aggregates import SHIFT_LENGTH, hours_of
from reports.models import PresentedReport
from stations.models import Community, Station

REPORT_EVERY_MONTHS = 6  # Order 650: at least twice a year
# The figures of prevention beside response (``balance``), shown even when nought.
BALANCE = ("incidents", "orders", "events", "people", "received", "late", "on_register")
ONE_DAY = datetime.timedelta(days=1)


def same_day_months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (or earlier), the month's last if it has fewer days."""
    month = add_months(day.replace(day=1), months)
    return month.replace(day=min(day.day, calendar.monthrange(month.year, month.month)[1]))


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # the last day, included

    @classmethod
    def half_year_to(cls, end: datetime.date) -> "Period":
        """Six months up to ``end``: 1 July to 31 December, or 3 June to 2 December."""
        if end.day == calendar.monthrange(end.year, end.month)[1]:  # whole months
            return cls(add_months(end.replace(day=1), 1 - REPORT_EVERY_MONTHS), end)
        return cls(same_day_months_later(end, -REPORT_EVERY_MONTHS) + ONE_DAY, end)

    def before(self) -> "Period":
        """As many days, just before."""
        length = self.end - self.start
        end = self.start - ONE_DAY
        return Period(end - length, end)

    def moments(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[from, to) in Kyiv time, for the moment columns."""
        midnight = datetime.time()
        return (
            timezone.make_aware(datetime.datetime.combine(self.start, midnight)),
            timezone.make_aware(datetime.datetime.combine(self.end + ONE_DAY, midnight)),
        )


@dataclass(frozen=True)
class Figure:
    label: str
    now: float
    before: float
    url: str = ""
    key: str = ""

    @property
    def change(self) -> float:
        return round(self.now - self.before, 1)


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True)
class Scope:
    """Whose figures: one officer's, a station's (all its officers'), or a community's."""

    officer: Officer | None = None
    station: Station | None = None
    community: Community | None = None
    stations: tuple[int, ...] | None = None  # every station a person reads (the dashboard)

    @property
    def name(self) -> str:
        if self.officer is not None:
            return f"{self.officer.get_rank_display()} {self.officer.full_name}"
        return str(self.station or self.community)

    def where(self, officer: str, station: str, community: str) -> dict:
        """The rows of this scope, given each model's path to an officer, a station and
        a community."""
        if self.officer is not None:
            return {officer: self.officer}
        if self.station is not None:
            return {station: self.station}
        if self.stations is not None:
            return {f"{station}__in": self.stations}
        return {community: self.community}

    def filters(self, **extra) -> dict:
        """The list filters of this scope."""
        for name in ("officer", "station", "community"):
            if (chosen := getattr(self, name)) is not None:
                return {name: chosen.pk, **extra}
        return extra  # every station the person reads: the lists show just those


def _url(name: str, **query) -> str:
    return reverse(name) + "?" + urlencode({k: v for k, v in query.items() if v != ""})


def _dates(period: Period) -> dict:
    return {"since": period.start.isoformat(), "until": period.end.isoformat()}


def _both(queryset, now: Period, before: Period, measures) -> tuple[dict, dict]:
    """The aggregates ``measures(period)`` gives ({name: aggregate}) for this period and
    the one before, in one query."""
    names = list(measures(now))
    row = queryset.aggregate(
        **{
            f"{name}_{index}": aggregate
            for index, period in enumerate((now, before))
            for name, aggregate in measures(period).items()
        }
    )
    this, last = ({name: row[f"{name}_{index}"] or 0 for name in names} for index in (0, 1))
    return this, last


def _both_grouped(queryset, columns, now: Period, before: Period, measure):
    """Per value of ``columns``, the aggregate ``measure(period)`` of this period and the
    one before, in one grouped query: the rows, and {first column's value: figure} of
    each period."""
    rows = list(
        queryset.values(*columns).annotate(n_0=measure(now), n_1=measure(before)).order_by()
    )
    key = columns[0]
    return rows, {r[key]: r["n_0"] for r in rows}, {r[key]: r["n_1"] for r in rows}


def _compare(this: dict, last: dict, rows) -> list[Figure]:
    """``rows``: (key, label, url of the rows now); ``this``, ``last``: {key: figure}."""
    return [
        Figure(str(label), this.get(key, 0), last.get(key, 0), url, key)
        for key, label, url in rows
        if this.get(key, 0) or last.get(key, 0) or key in BALANCE
    ]


def _incidents(scope: Scope):
    return Incident.objects.counted().filter(
        **scope.where("reporting_officer", "station", "community")
    )


def _occurred(period: Period) -> Q:
    lo, hi = period.moments()
    return Q(occurred_at__gte=lo, occurred_at__lt=hi)


def _incident_link(scope: Scope, now: Period, **query) -> str:
    query = scope.filters(**query, **_dates(now))
    if "officer" in query:  # the incident list names its officer so
        query["reporting_officer"] = query.pop("officer")
    return _url("officers:incident_list", **query)


def incident_totals(scope: Scope, now: Period, before: Period) -> list[Figure]:
    """Incidents registered, and those with an urgent restraining order."""
    this, last = _both(
        _incidents(scope),
        now,
        before,
        lambda p: {
            "incidents": Count("pk", filter=_occurred(p)),
            "orders": Count("pk", filter=_occurred(p) & Q(restraining_order__isnull=False)),
        },
    )
    return _compare(this, last, [
        ("incidents", _("Incidents registered"), _incident_link(scope, now)),
        ("orders", _("Urgent restraining orders issued"),
         _incident_link(scope, now, with_order="true")),
    ])  # fmt: skip


def incident_sections(scope: Scope, now: Period, before: Period) -> list[Section]:
    either = _incidents(scope).filter(_occurred(now) | _occurred(before))

    def count(p: Period):
        return Count("pk", filter=_occurred(p))

    _rows, by_category_now, by_category_before = _both_grouped(
        either, ["category"], now, before, count
    )
    villages, by_village_now, by_village_before = _both_grouped(
        either, ["village", "village__name"], now, before, count
    )

    def link(**query) -> str:
        return _incident_link(scope, now, **query)

    by_category = _compare(
        by_category_now,
        by_category_before,
        [(key, label, link(category=key)) for key, label in Incident.Category.choices],
    )
    by_village = _compare(
        by_village_now,
        by_village_before,
        [
            (r["village"], r["village__name"], link(village=r["village"]))
            for r in sorted(villages, key=lambda r: r["village__name"])
        ],
    )
    return [
        Section("incidents", _("Incidents"), incident_totals(scope, now, before)),
        Section("by_category", _("Incidents by category"), by_category),
        Section("by_village", _("Incidents by village"), by_village),
    ]


def appeal_section(scope: Scope, now: Period, before: Period) -> list[Section]:
    appeals = Appeal.objects.filter(**scope.where("officer", "station", "community"))

    def measures(period: Period) -> dict:
        start, end = period.start, period.end
        received = Q(received_on__gte=start, received_on__lte=end)
        return {
            "received": Count("pk", filter=received),
            "answered": Count(
                "pk", filter=Q(status="answered", answered_on__gte=start, answered_on__lte=end)
            ),
            "referred": Count("pk", filter=received & Q(status="referred")),
            # received in the period: still open past the term, or answered after it
            "late": Count(
                "pk",
                filter=received
                & (
                    Q(status__in=Appeal.OPEN_STATUSES, deadline__lt=timezone.localdate())
                    | Q(status="answered", answered_on__gt=F("deadline"))
                ),
            ),
            **{
                channel: Count("pk", filter=received & Q(channel=channel))
                for channel in Appeal.Channel.values
            },
        }

    def link(**query) -> str:
        return _url("appeals:appeal_list", **scope.filters(**query, **_dates(now)))

    rows = [
        ("received", _("Appeals received"), link()),
        ("answered", _("Answered"), link(status="answered")),
        ("referred", _("Referred elsewhere"), link(status="referred")),
        ("late", _("Not answered in time"), link(due="late")),
        *[(c, _("Received: %(how)s") % {"how": label}, link(channel=c))
          for c, label in Appeal.Channel.choices],
    ]  # fmt: skip
    this, last = _both(appeals, now, before, measures)
    return [Section("appeals", _("Residents' appeals"), _compare(this, last, rows))]


def _events(scope: Scope):
    return PreventiveEvent.objects.filter(
        **scope.where("officer", "station", "station__village__community")
    )


def _held(period: Period) -> Q:
    return Q(held_on__gte=period.start, held_on__lte=period.end)


def _event_link(scope: Scope, now: Period, **query) -> str:
    return _url("prevention:preventiveevent_list", **scope.filters(**query, **_dates(now)))


def prevention_totals(scope: Scope, now: Period, before: Period) -> tuple[Figure, Figure]:
    """Preventive events held, and the people they reached."""
    this, last = _both(
        _events(scope),
        now,
        before,
        lambda p: {
            "events": Count("pk", filter=_held(p)),
            "people": Sum("audience", filter=_held(p)),
        },
    )
    link = _event_link(scope, now)
    held, people = _compare(this, last, [
        ("events", _("Preventive events held"), link),
        ("people", _("People reached"), link),
    ])  # fmt: skip
    return held, people


def prevention_sections(scope: Scope, now: Period, before: Period) -> list[Section]:
    either = _events(scope).filter(_held(now) | _held(before))
    held, people = prevention_totals(scope, now, before)

    def section(key, title, column, choices, *totals: Figure) -> Section:
        _rows, this, last = _both_grouped(
            either, [column], now, before, lambda p: Count("pk", filter=_held(p))
        )
        figures = _compare(
            this,
            last,
            [(k, label, _event_link(scope, now, **{column: k})) for k, label in choices],
        )
        return Section(key, title, [*totals[:1], *figures, *totals[1:]])

    return [
        section("prevention_kind", _("Preventive work by kind"), "kind",
                PreventiveEvent.Kind.choices, held, people),
        section("prevention_topic", _("Preventive work by topic"), "topic",
                PreventiveEvent.Topic.choices, people),
    ]  # fmt: skip


def register_totals(scope: Scope, now: Period, before: Period) -> list[Figure]:
    this, last = _both(
        Offender.objects.filter(**scope.where("officer", "station", "community")),
        now,
        before,
        lambda p: register_measures(p.start, p.end),
    )
    labels = [
        ("taken_on", _("Offenders taken onto the preventive register")),
        ("taken_off", _("Taken off the register")),
        ("on_register", _("On the register at the period's end")),
    ]
    return [Figure(str(label), this[key], last[key], key=key) for key, label in labels]


def work_section(scope: Scope, now: Period, before: Period) -> list[Section]:
    # every shift begun in the period, as the shift list shows them; hours and
    # kilometres of those ended (an open shift has neither yet)
    shifts = Shift.objects.filter(
        **scope.where("officer", "officer__station", "officer__station__village__community")
    )

    def measures(period: Period) -> dict:
        lo, hi = period.moments()
        started = Q(started_at__gte=lo, started_at__lt=hi)
        return {
            "shifts": Count("pk", filter=started),
            "time": Sum(SHIFT_LENGTH, filter=started),
            "km": Sum(F("odometer_end") - F("odometer_start"), filter=started),
        }

    this, last = _both(shifts, now, before, measures)
    for figures in (this, last):
        figures["hours"] = hours_of(figures.pop("time") or None)
    link = _url("officers:shift_list", **scope.filters(**_dates(now)))
    rows = [
        ("shifts", _("Shifts"), link),
        ("hours", _("Hours on duty"), link),
        ("km", _("Kilometres driven"), link),
    ]
    return [Section("work", _("Shifts"), _compare(this, last, rows))]


def build(scope: Scope, period: Period, before: Period | None = None) -> dict:
    before = before or period.before()
    sections = [
        *incident_sections(scope, period, before),
        *appeal_section(scope, period, before),
        *prevention_sections(scope, period, before),
        Section(
            "register",
            _("Preventive register (counts only)"),
            register_totals(scope, period, before),
        ),
        *work_section(scope, period, before),
    ]
    return {"scope": scope, "period": period, "before": before, "sections": sections}


def balance(scope: Scope, period: Period, before: Period | None = None) -> Section:
    """Prevention beside response, for the council's dashboard and monthly report: the
    incidents and orders, the preventive events and people reached, the appeals and
    those not answered in time, and how many are on the register (four queries)."""
    before = before or period.before()
    appeals = {f.key: f for f in appeal_section(scope, period, before)[0].figures}
    register = {f.key: f for f in register_totals(scope, period, before)}
    return Section(
        "balance",
        _("Prevention and response"),
        [
            *incident_totals(scope, period, before),
            *prevention_totals(scope, period, before),
            appeals["received"],
            appeals["late"],
            register["on_register"],
        ],
    )


def last_presented(officer: Officer) -> PresentedReport | None:
    return PresentedReport.objects.filter(officer=officer).first()


def next_due(officer: Officer) -> datetime.date | None:
    """Six months after the last report presented; None before the first."""
    last = last_presented(officer)
    if last is None:
        return None
    return same_day_months_later(last.presented_on, REPORT_EVERY_MONTHS)


def with_last_presented(officers):
    """Officers with ``last_presented``: the date of their latest report presented."""
    latest = PresentedReport.objects.filter(officer=OuterRef("pk")).order_by("-presented_on")
    return officers.annotate(last_presented=Subquery(latest.values("presented_on")[:1]))


def reports_due(officers, today: datetime.date) -> int:
    """How many of ``officers`` owe a report: never presented, or six months passed."""
    return sum(
        1
        for last in with_last_presented(officers).values_list("last_presented", flat=True)
        if last is None or same_day_months_later(last, REPORT_EVERY_MONTHS) <= today
    )
