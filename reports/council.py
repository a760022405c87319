"""The officer's report to the council (MVS Order No. 650): for an officer or a station
and a period (a half-year by default), every figure beside the same length of time
before, each linking to the list of the rows it counts.

Only counts: no name, no description, no subject of an appeal, nothing of the register
but how many. The screen, the printout and the XLSX are the same sections.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from appeals.models import Appeal
from core.months import add_months
from offenders.figures import register_counts
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


def _compare(counts_of, now: Period, before: Period, rows) -> list[Figure]:
    """``rows``: (key, label, url of the rows now); ``counts_of(period)`` → {key: n}."""
    this, last = counts_of(now), counts_of(before)
    return [
        Figure(str(label), this.get(key, 0), last.get(key, 0), url, key)
        for key, label, url in rows
        if this.get(key, 0) or last.get(key, 0) or key in BALANCE
    ]


def incident_sections(scope: Scope, now: Period, before: Period) -> list[Section]:
    incidents = Incident.objects.counted().filter(
        **scope.where("reporting_officer", "station", "community")
    )

    def grouped(column: str):
        def counts(period: Period) -> dict:
            lo, hi = period.moments()
            rows = (
                incidents.filter(occurred_at__gte=lo, occurred_at__lt=hi)
                .values(column)
                .annotate(n=Count("pk"))
            )
            return {row[column]: row["n"] for row in rows}

        return counts

    def link(**query) -> str:
        query = {**scope.filters(**query, **_dates(now))}
        if "officer" in query:  # the incident list names its officer so
            query["reporting_officer"] = query.pop("officer")
        return _url("officers:incident_list", **query)

    by_category = _compare(
        grouped("category"),
        now,
        before,
        [(key, label, link(category=key)) for key, label in Incident.Category.choices],
    )
    by_village_counts = grouped("village")
    villages = dict(
        incidents.filter(occurred_at__gte=before.moments()[0]).values_list(
            "village", "village__name"
        )
    )
    by_village = _compare(
        by_village_counts,
        now,
        before,
        [(pk, name, link(village=pk)) for pk, name in sorted(villages.items(), key=lambda v: v[1])],
    )
    total = sum(f.now for f in by_category), sum(f.before for f in by_category)

    def order_count(period: Period) -> dict:
        lo, hi = period.moments()
        in_period = incidents.filter(occurred_at__gte=lo, occurred_at__lt=hi)
        return {"orders": in_period.filter(restraining_order__isnull=False).count()}

    summary = [
        Figure(_("Incidents registered"), total[0], total[1], link(), "incidents"),
        *_compare(order_count, now, before, [("orders", _("Urgent restraining orders issued"),
                                                link(with_order="true"))]),
    ]  # fmt: skip
    return [
        Section("incidents", _("Incidents"), summary),
        Section("by_category", _("Incidents by category"), by_category),
        Section("by_village", _("Incidents by village"), by_village),
    ]


def appeal_section(scope: Scope, now: Period, before: Period) -> list[Section]:
    appeals = Appeal.objects.filter(**scope.where("officer", "station", "community"))

    def counts(period: Period) -> dict:
        start, end = period.start, period.end
        received = Q(received_on__gte=start, received_on__lte=end)
        figures = appeals.aggregate(
            received=Count("pk", filter=received),
            answered=Count(
                "pk", filter=Q(status="answered", answered_on__gte=start, answered_on__lte=end)
            ),
            referred=Count("pk", filter=received & Q(status="referred")),
            # received in the period: still open past the term, or answered after it
            late=Count(
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
        )
        return figures

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
    return [Section("appeals", _("Residents' appeals"), _compare(counts, now, before, rows))]


def prevention_sections(scope: Scope, now: Period, before: Period) -> list[Section]:
    events = PreventiveEvent.objects.filter(
        **scope.where("officer", "station", "station__village__community")
    )

    @functools.cache
    def grouped(column: str, period: Period) -> dict:
        """{value of ``column``: (events, people)} of the period: one query each."""
        rows = (
            events.filter(held_on__gte=period.start, held_on__lte=period.end)
            .values(column)
            .annotate(n=Count("pk"), people=Sum("audience"))
        )
        return {row[column]: (row["n"], row["people"] or 0) for row in rows}

    def link(**query) -> str:
        return _url("prevention:preventiveevent_list", **scope.filters(**query, **_dates(now)))

    def section(key, title, column, choices, total: bool = False) -> Section:
        def count(period: Period) -> dict:
            return {k: n for k, (n, _people) in grouped(column, period).items()}

        def sums(period: Period) -> dict:
            values = grouped(column, period).values()
            return {"events": sum(n for n, _p in values), "people": sum(p for _n, p in values)}

        held = [("events", _("Preventive events held"), link())] if total else []
        return Section(
            key,
            title,
            _compare(sums, now, before, held)
            + _compare(
                count, now, before, [(k, label, link(**{column: k})) for k, label in choices]
            )
            + _compare(sums, now, before, [("people", _("People reached"), link())]),
        )

    return [
        section("prevention_kind", _("Preventive work by kind"), "kind",
                PreventiveEvent.Kind.choices, total=True),
        section("prevention_topic", _("Preventive work by topic"), "topic",
                PreventiveEvent.Topic.choices),
    ]  # fmt: skip


def register_section(scope: Scope, now: Period, before: Period) -> list[Section]:
    where = scope.where("officer", "station", "community")
    this, last = (register_counts(p.start, p.end, **where) for p in (now, before))
    labels = [
        ("taken_on", _("Offenders taken onto the preventive register")),
        ("taken_off", _("Taken off the register")),
        ("on_register", _("On the register at the period's end")),
    ]
    return [
        Section(
            "register",
            _("Preventive register (counts only)"),
            [Figure(str(label), this[key], last[key], key=key) for key, label in labels],
        )
    ]


def work_section(scope: Scope, now: Period, before: Period) -> list[Section]:
    shifts = Shift.objects.filter(
        ended_at__isnull=False,
        **scope.where("officer", "officer__station", "officer__station__village__community"),
    )

    def counts(period: Period) -> dict:
        lo, hi = period.moments()
        figures = shifts.filter(started_at__gte=lo, started_at__lt=hi).aggregate(
            shifts=Count("pk"),
            time=Sum(SHIFT_LENGTH),
            km=Sum(F("odometer_end") - F("odometer_start")),
        )
        return {"shifts": figures["shifts"], "hours": hours_of(figures["time"]),
                "km": figures["km"] or 0}  # fmt: skip

    def link() -> str:
        return _url("officers:shift_list", **scope.filters(**_dates(now)))

    rows = [
        ("shifts", _("Shifts"), link()),
        ("hours", _("Hours on duty"), link()),
        ("km", _("Kilometres driven"), link()),
    ]
    return [Section("work", _("Shifts"), _compare(counts, now, before, rows))]


def build(scope: Scope, period: Period, before: Period | None = None) -> dict:
    before = before or period.before()
    sections = [
        *incident_sections(scope, period, before),
        *appeal_section(scope, period, before),
        *prevention_sections(scope, period, before),
        *register_section(scope, period, before),
        *work_section(scope, period, before),
    ]
    return {"scope": scope, "period": period, "before": before, "sections": sections}


def balance(scope: Scope, period: Period, before: Period | None = None) -> Section:
    """Prevention beside response, for the council's dashboard and monthly report: the
    incidents and orders, the preventive events and people reached, the appeals and
    those not answered in time, and how many are on the register."""
    report = build(scope, period, before)
    figures = {f.key: f for section in report["sections"] for f in section.figures if f.key}
    return Section(
        "balance",
        _("Prevention and response"),
        [figures[key] for key in BALANCE if key in figures],
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
