"""The officer's report to the council (Order No. 650): its figures are the rows it links
to, in both periods; it names nobody; the XLSX is the screen; the mark of a report
presented sets when the next is due."""

import csv
import datetime
import io
from urllib.parse import parse_qs, urlencode, urlsplit

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from core.months import add_months
from officers.models import Incident, RestrainingOrder
from reports.council import Period, same_day_months_later
from reports.models import PresentedReport
from tests import factories
from tests.factories import APPEAL_SUBJECT, OFFENDER_NAME, RESIDENT_NAME

URL = reverse("council_report")
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
HALF_YEAR_AGO = TODAY - 200 * DAY  # in the period before the default half-year
DESCRIPTION = "Опис, який ніколи не йде до ради."


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def scene(officer, officer_user, other_officer):
    """This half-year and the one before, for the officer; and a stranger's incident."""
    for day, category in [
        (TODAY - 10 * DAY, "theft"),
        (TODAY - 20 * DAY, "theft"),
        (TODAY - 5 * DAY, "domestic_violence"),
        (HALF_YEAR_AGO, "theft"),
    ]:
        factories.make_incident(officer, category, occurred_at=at(day), reported_at=at(day),
                                description=DESCRIPTION)  # fmt: skip
    RestrainingOrder.objects.create(
        incident=Incident.objects.get(category="domestic_violence"),
        number="5", issued_at=at(TODAY - 5 * DAY), valid_until=at(TODAY), no_contact=True,
    )  # fmt: skip
    factories.make_incident(other_officer, "theft")
    answered = factories.make_appeal(officer, received_on=TODAY - 30 * DAY)
    from appeals.services import appeal_answer

    appeal_answer(appeal=answered, answer="Відповідь", answered_on=TODAY - 20 * DAY,
                  answer_method="in_person")  # fmt: skip
    factories.make_appeal(officer, received_on=TODAY - 2 * DAY, channel="phone")
    factories.make_appeal(officer, received_on=HALF_YEAR_AGO)
    factories.make_event(officer, held_on=TODAY - 3 * DAY, audience=40)
    factories.make_event(officer, held_on=TODAY - 4 * DAY, kind="school_talk", audience=120)
    factories.make_event(officer, held_on=HALF_YEAR_AGO, audience=10)
    court = {"grounds": "court_order", "court_order_number": "2-17/26"}
    factories.make_offender(officer, taken_on=TODAY - 15 * DAY, **court)
    factories.make_offender(officer, taken_on=HALF_YEAR_AGO, full_name="Інший Кривдник", **court)
    factories.make_shift(officer, at(TODAY - 7 * DAY), hours=8, odometer_start=100,
                         odometer_end=160)  # fmt: skip
    return officer


def rows_behind(client, url: str, period: Period | None = None) -> int:
    """How many rows the figure's list exports (for ``period``, or the link's own)."""
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    if period is not None:
        query.update(since=period.start.isoformat(), until=period.end.isoformat())
    query["export"] = "csv"
    response = client.get(f"{parts.path}?{urlencode(query)}")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return len(list(csv.reader(io.StringIO(text)))) - 1


def test_the_periods_are_half_years_and_the_same_length_before():
    whole = Period.half_year_to(datetime.date(2024, 12, 31))
    mid = Period.half_year_to(datetime.date(2026, 12, 2))

    assert (whole.start, whole.end) == (datetime.date(2024, 7, 1), datetime.date(2024, 12, 31))
    assert mid.start == datetime.date(2026, 6, 3)
    assert mid.before().end == datetime.date(2026, 6, 2)
    assert mid.before().end - mid.before().start == mid.end - mid.start
    assert same_day_months_later(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)


def test_an_officer_opens_their_own_report_with_both_periods(client, officer_user, scene):
    client.force_login(officer_user)

    response = client.get(URL)

    sections = {s.key: s for s in response.context["sections"]}
    figures = {f.label: f for s in sections.values() for f in s.figures}
    assert response.context["scope"].officer == scene
    assert (figures["Зареєстровано подій"].now, figures["Зареєстровано подій"].before) == (3, 1)
    assert figures["Крадіжка"].now == 2
    assert figures["Отримано звернень"].now == 2
    assert figures["Отримано звернень"].before == 1
    assert figures["Отримано: Телефоном"].now == 1
    assert figures["Не розглянуто вчасно"].before == 1  # the one of half a year ago
    assert figures["Охоплено людей"].now == 160
    assert figures["Взято на профілактичний облік"].now == 1
    assert figures["На обліку наприкінці періоду"].now == 2
    assert figures["Кілометрів пройдено"].now == 60
    assert figures["Винесено термінових заборонних приписів"].now == 1
    assert figures["Годин на чергуванні"].now == 8.0


def test_each_figure_is_the_rows_its_link_lists_in_both_periods(client, staff_user, scene):
    client.force_login(staff_user)

    response = client.get(URL, {"officer": scene.pk})

    before = response.context["before"]
    linked = [f for s in response.context["sections"] for f in s.figures if f.url]
    assert len(linked) > 10
    for figure in linked:
        if "/shifts/" in figure.url or figure.label == "Охоплено людей":
            continue  # hours, kilometres and people: sums over the rows, not their count
        assert rows_behind(client, figure.url) == figure.now, figure.label
        assert rows_behind(client, figure.url, before) == figure.before, figure.label


def linked_rows_match(client, section, before: Period) -> int:
    """Each linked figure of ``section`` is the rows its list exports, now and before."""
    checked = 0
    for figure in section.figures:
        if not figure.url or figure.key == "people":
            continue
        assert rows_behind(client, figure.url) == figure.now, figure.label
        assert rows_behind(client, figure.url, before) == figure.before, figure.label
        checked += 1
    return checked


def test_the_monthly_report_sets_prevention_beside_response(client, staff_user, scene):
    month = add_months(TODAY.replace(day=1), -1)
    before = Period(add_months(month, -1), month - DAY)
    client.force_login(staff_user)

    response = client.get(reverse("monthly_report"), {"month": f"{month:%Y-%m}"})

    balance = response.context["balance"]
    keys = [f.key for f in balance.figures]
    assert keys == ["incidents", "orders", "events", "people", "received", "late", "on_register"]
    assert linked_rows_match(client, balance, before) == 5
    assert "Профілактика і реагування" in response.content.decode()


def test_the_dashboard_sets_prevention_beside_response(client, staff_user, scene):
    client.force_login(staff_user)

    balance = client.get(reverse("home")).context["dashboard"]["balance"]

    figures = {f.key: f for f in balance.figures}
    assert (figures["incidents"].now, figures["events"].now, figures["people"].now) == (4, 2, 160)
    assert figures["on_register"].now == 2
    assert linked_rows_match(client, balance, Period(TODAY - 59 * DAY, TODAY - 30 * DAY)) == 5


def test_the_report_names_nobody_on_screen_or_in_the_xlsx(client, staff_user, scene):
    client.force_login(staff_user)

    page = client.get(URL, {"officer": scene.pk}).content.decode()
    xlsx = client.get(URL, {"officer": scene.pk, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)

    for secret in (OFFENDER_NAME, "Інший Кривдник", RESIDENT_NAME, APPEAL_SUBJECT, DESCRIPTION):
        assert secret not in page
        assert secret not in cells


def test_the_xlsx_has_every_section_and_figure_of_the_screen(client, officer_user, scene):
    client.force_login(officer_user)

    response = client.get(URL)
    xlsx = client.get(URL, {"export": "xlsx"})
    assert f"council-report-officer-{scene.pk}-" in xlsx["Content-Disposition"]
    rows = [
        tuple(c.value for c in row)
        for row in openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows()
    ]

    for section in response.context["sections"]:
        assert any(row[0] == section.title for row in rows), section.title
        for figure in section.figures:
            assert (figure.label, figure.now, figure.before) in {r[:3] for r in rows}


def test_a_station_report_counts_all_its_officers(client, supervisor_user, scene, station):
    colleague = factories.make_officer(station)
    factories.make_incident(colleague, "theft")
    client.force_login(supervisor_user)

    response = client.get(URL, {"station": station.pk})

    total = response.context["sections"][0].figures[0]
    assert total.now == 4


def test_an_officer_reads_no_other_officers_report(client, officer_user, station, other_officer):
    colleague = factories.make_officer(station)
    client.force_login(officer_user)

    assert client.get(URL, {"officer": colleague.pk}).status_code == 404
    assert client.get(URL, {"officer": other_officer.pk}).status_code == 404


def test_marking_it_presented_sets_the_next_due_date_on_the_home_page(
    client, officer_user, officer, supervisor_user
):
    client.force_login(officer_user)
    home_before = client.get(reverse("home")).content.decode()
    presented_on = TODAY - 10 * DAY

    client.post(
        reverse("council_report_presented", args=[officer.pk]),
        {"since": (TODAY - 180 * DAY).isoformat(), "until": (TODAY - 11 * DAY).isoformat(),
         "presented_on": presented_on.isoformat(), "presented_to": "Засідання виконкому"},
    )  # fmt: skip

    report = PresentedReport.objects.get()
    due = same_day_months_later(presented_on, 6)
    assert report.officer == officer
    assert "жодного ще не позначено" in home_before
    assert due.strftime("%d.%m.%Y") in client.get(reverse("home")).content.decode()
    client.force_login(supervisor_user)
    assert "Засідання виконкому" in client.get(URL, {"officer": officer.pk}).content.decode()


def test_the_supervisor_is_told_whose_report_is_owed(client, supervisor_user, officer):
    client.force_login(supervisor_user)

    home = client.get(reverse("home")).content.decode()
    chooser = client.get(URL).content.decode()

    assert "винен раді звіт" in home
    assert officer.full_name in chooser


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"presented_on": (TODAY + DAY).isoformat()}, "presented_on"),
        ({"presented_on": (TODAY - 400 * DAY).isoformat()}, "presented_on"),
        ({"until": (TODAY - 300 * DAY).isoformat()}, "until"),
    ],
)
def test_a_bad_mark_is_refused_and_nothing_stored(client, officer_user, officer, data, field):
    client.force_login(officer_user)
    sent = {"since": (TODAY - 180 * DAY).isoformat(), "until": TODAY.isoformat(),
            "presented_on": TODAY.isoformat(), **data}  # fmt: skip

    response = client.post(
        reverse("council_report_presented", args=[officer.pk]), sent, follow=True
    )

    assert "Не збережено" in response.content.decode()
    assert not PresentedReport.objects.exists()


@pytest.mark.parametrize("who", ["staff_user", "other_officer_user"])
def test_only_the_officer_and_their_supervisor_mark_it(client, request, officer, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("council_report_presented", args=[officer.pk]),
        {"since": "2026-06-01", "until": "2026-11-30", "presented_on": TODAY.isoformat()},
    )

    assert response.status_code in (403, 404)
    assert not PresentedReport.objects.exists()


def test_the_same_period_is_marked_presented_once(client, officer_user, officer):
    client.force_login(officer_user)
    url = reverse("council_report_presented", args=[officer.pk])
    sent = {"since": (TODAY - 180 * DAY).isoformat(), "until": (TODAY - DAY).isoformat(),
            "presented_on": TODAY.isoformat()}  # fmt: skip

    client.post(url, sent)
    again = client.post(url, {**sent, "presented_to": "Повторно"}, follow=True)

    assert PresentedReport.objects.count() == 1
    assert "уже позначено" in again.content.decode()


def test_the_next_report_starts_the_day_after_the_last_one_presented(client, officer_user, officer):
    PresentedReport.objects.create(
        officer=officer, since=TODAY - 250 * DAY, until=TODAY - 60 * DAY,
        presented_on=TODAY - 50 * DAY, created_by=officer_user,
    )  # fmt: skip
    client.force_login(officer_user)

    period = client.get(URL).context["period"]

    assert (period.start, period.end) == (TODAY - 59 * DAY, TODAY)


def test_shifts_under_way_count_as_the_shift_list_shows_them(client, officer_user, scene):
    factories.make_shift(scene, timezone.now() - datetime.timedelta(hours=2), hours=None)
    client.force_login(officer_user)

    sections = {s.key: s for s in client.get(URL).context["sections"]}

    shifts = sections["work"].figures[0]
    assert shifts.now == 2
    assert client.get(shifts.url).context["paginator"].count == 2  # the list, no export
