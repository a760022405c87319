"""The council's view: dashboard figures, the monthly report and the search box."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from officers.models import Incident, Party
from stations.models import MaintenanceRecord
from tests import factories
from tests.querycount import queries_for

KYIV = ZoneInfo("Europe/Kyiv")
SECRET = "погрожував сокирою"
VICTIM = "Оксана Таємна"


def kyiv(*args):
    return datetime.datetime(*args, tzinfo=KYIV)


@pytest.fixture
def scene(officer, officer_user, station, village, second_village, staff_user):
    """January 2022: 3 DV and 2 thefts in Stary Krym, 1 theft in Vynohradne; December: 1."""
    made = []
    for n, (category, where, day) in enumerate(
        [
            ("domestic_violence", village, 5),
            ("domestic_violence", village, 6),
            ("domestic_violence", village, 7),
            ("theft", village, 8),
            ("theft", village, 9),
            ("theft", second_village, 10),
        ]
    ):
        made.append(
            factories.make_incident(
                officer,
                category,
                village=where,
                occurred_at=kyiv(2022, 1, day, 10),
                reported_at=kyiv(2022, 1, day, 10, 30 + n),
                description=SECRET if category == "domestic_violence" else "Крадіжка",
            )
        )
    Party.objects.create(incident=made[0], role="victim", full_name=VICTIM)
    factories.make_incident(
        officer, "theft", occurred_at=kyiv(2021, 12, 20, 9), reported_at=kyiv(2021, 12, 20, 9, 20)
    )
    factories.make_incident(
        officer, "fraud", occurred_at=kyiv(2021, 1, 15, 9), reported_at=kyiv(2021, 1, 15, 9, 20)
    )
    shift = factories.make_shift(officer, kyiv(2022, 1, 19, 8), hours=9)
    shift.villages.set([village, second_village])
    return made


def test_the_report_counts_by_category_with_the_months_compared(client, staff_user, scene, village):
    client.force_login(staff_user)

    response = client.get(
        reverse("monthly_report"), {"community": village.community_id, "month": "2022-01"}
    )

    rows = {row.label: row for row in response.context["by_category"]}
    assert (rows["Домашнє насильство"].now, rows["Крадіжка"].now) == (3, 3)
    assert (rows["Крадіжка"].previous, rows["Крадіжка"].change) == (1, 2)
    assert rows["Шахрайство"].year_ago == 1
    villages = {row.label: row.now for row in response.context["by_village"]}
    assert villages == {"Старий Крим": 5, "Виноградне": 1}
    assert response.context["response"]["total"] == 6
    assert response.context["response"]["median_report_minutes"] == 33
    assert {r["village"]: r["hours"] for r in response.context["coverage"]} == {
        "Старий Крим": 9.0,
        "Виноградне": 9.0,
    }


def test_the_report_holds_no_restricted_detail(client, supervisor_user, scene, village):
    client.force_login(supervisor_user)  # even the police's own report stays clean

    html = client.get(reverse("monthly_report"), {"month": "2022-01"}).content.decode()
    xlsx = client.get(reverse("monthly_report"), {"month": "2022-01", "export": "xlsx"})

    import io

    cells = " ".join(
        str(value) for row in load_workbook(io.BytesIO(xlsx.content)).active.values for value in row
    )
    for text in (html, cells):
        assert SECRET not in text
        assert VICTIM not in text
    assert "Домашнє насильство" in cells


def test_the_dashboard_counts_what_it_shows(client, staff_user, scene, officer, station):
    car = factories.make_vehicle(station, status="in_repair")
    healthy = factories.make_vehicle(station)
    MaintenanceRecord.objects.create(
        vehicle=healthy,
        done_on=timezone.localdate(),
        work="ТО",
        cost_uah=100,
        odometer_km=10,
        next_due_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    factories.issue(officer, factories.make_item(station), factories.make_item(station))
    client.force_login(staff_user)

    board = client.get(reverse("home")).context["dashboard"]

    open_by_village = {bar.label: bar.value for bar in board["open_by_village"].bars}
    assert open_by_village == {"Старий Крим": 7, "Виноградне": 1}  # 5 + December + 2021
    assert board["vehicles"]["in_repair"] == 1
    assert car.status == "in_repair"
    assert board["vehicles"]["maintenance_due"] == [healthy]
    assert [(bar.label, bar.value) for bar in board["items"].bars] == [("Тимофєєв Артем", 2)]
    assert board["acts_waiting"] == 1
    assert board["open_by_village"].bars[0].url.startswith(reverse("officers:incident_list"))


def test_the_dashboard_holds_no_restricted_detail_for_staff(client, staff_user, scene, officer):
    recent = factories.make_incident(officer, "domestic_violence", description=SECRET)
    Party.objects.create(incident=recent, role="victim", full_name=VICTIM)
    client.force_login(staff_user)

    content = client.get(reverse("home")).content.decode()

    assert "<svg" in content
    assert "Домашнє насильство" in content
    assert SECRET not in content
    assert VICTIM not in content


def test_search_finds_across_registries(client, staff_user, scene, officer, station):
    factories.make_vehicle(station, plate="АЕ1234КР")
    client.force_login(staff_user)

    plate = client.get(reverse("search"), {"q": "ae1234"}).context["results"]
    name = client.get(reverse("search"), {"q": "тимофєєв"}).context["results"]
    number = client.get(reverse("search"), {"q": scene[3].number}).context["results"]

    assert [v.plate for v in plate["vehicles"]] == ["АЕ1234КР"]
    assert [o.pk for o in name["officers"]] == [officer.pk]
    assert [i.pk for i in number["incidents"]] == [scene[3].pk]


def test_search_never_reaches_restricted_text_for_staff(client, staff_user, officer_user, scene):
    client.force_login(staff_user)
    staff = client.get(reverse("search"), {"q": "сокирою"}).context["results"]["incidents"]
    client.force_login(officer_user)
    police = client.get(reverse("search"), {"q": "сокирою"}).context["results"]["incidents"]

    assert staff == []
    assert len(police) == 3


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="transliteration and typos rely on PostgreSQL's trigram similarity",
)
@pytest.mark.parametrize("typed", ["Vinogradnoye", "Vynohradne", "Виноградне", "vinogradne"])
def test_postgresql_finds_a_village_in_any_spelling(client, staff_user, community, typed):
    vynohradne = factories.make_village(community, name="Виноградне", name_latin="Vynohradne")
    factories.make_village(community, name="Покровське", name_latin="Pokrovske")
    client.force_login(staff_user)

    results = client.get(reverse("search"), {"q": typed}).context["results"]

    assert [v.pk for v in results["villages"]] == [vynohradne.pk]


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="transliteration relies on PostgreSQL's trigram similarity",
)
def test_postgresql_finds_a_cyrillic_surname_typed_in_latin(client, staff_user, officer):
    client.force_login(staff_user)

    results = client.get(reverse("search"), {"q": "Timofeev"}).context["results"]

    assert [o.pk for o in results["officers"]] == [officer.pk]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite fallback is tested here")
def test_sqlite_matches_plain_substrings_only(client, staff_user, community):
    factories.make_village(community, name="Виноградне", name_latin="Vynohradne")
    client.force_login(staff_user)

    cyrillic = client.get(reverse("search"), {"q": "виноград"}).context["results"]["villages"]
    latin = client.get(reverse("search"), {"q": "Vinogradnoye"}).context["results"]["villages"]

    assert len(cyrillic) == 1
    assert latin == []


def grow(officer, village, n):
    for index in range(n):
        factories.make_incident(
            officer,
            "theft" if index % 2 else "domestic_violence",
            village=village,
            occurred_at=kyiv(2022, 1, 1 + index % 27, 10),
            reported_at=kyiv(2022, 1, 1 + index % 27, 11),
            description="велосипед",
        )
        factories.make_vehicle(officer.station)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/report/?month=2022-01",
        "/search/?q=велосипед",
        "/report/council/?station={station}&since=2021-12-01&until=2022-02-01",
    ],
)
def test_council_pages_do_not_grow_in_queries(client, staff_user, officer, village, url):
    client.force_login(staff_user)
    url = url.format(station=officer.station_id)
    assert client.get(url).status_code == 200

    grow(officer, village, 3)
    with_few = queries_for(client, url)
    grow(officer, village, 30)
    with_many = queries_for(client, url)

    assert Incident.objects.count() == 33
    assert with_few == with_many


def test_the_dashboard_counts_again_only_every_few_minutes(
    client, staff_user, supervisor_user, officer, village, settings
):
    grow(officer, village, 2)
    client.force_login(staff_user)
    first = client.get(reverse("home"))
    grow(officer, village, 1)

    again = client.get(reverse("home"))
    client.force_login(supervisor_user)  # reads only own stations: counted for them
    supervisor = client.get(reverse("home"))
    cache.clear()  # as when the minutes have passed
    client.force_login(staff_user)
    later = client.get(reverse("home"))

    def open_cases(response):
        return sum(bar.value for bar in response.context["dashboard"]["open_by_village"].bars)

    assert open_cases(first) == open_cases(again) == 2
    assert open_cases(supervisor) == open_cases(later) == 3
    assert "Пораховано о" in first.content.decode()


def test_a_dashboard_chart_shows_the_ten_largest_and_links_to_all(
    client, staff_user, officer, community
):
    for index in range(12):
        place = factories.make_village(community, name=f"Село {index:02d}", station=officer.station)
        for _ in range(index + 1):
            factories.make_incident(officer, village=place)
    client.force_login(staff_user)

    response = client.get(reverse("home"))

    chart = response.context["dashboard"]["open_by_village"]
    assert [bar.label for bar in chart.bars] == [f"Село {i:02d}" for i in range(11, 1, -1)]
    assert f'href="{chart.more_url}"' in response.content.decode()
    assert Incident.objects.filter(case_status="open").count() == 78


def test_each_dashboard_figure_links_to_the_list_it_counts(client, staff_user, scene, village):
    from officers.incidents import services as service

    service.case_close(incident=scene[0], user=staff_user, outcome="x")
    client.force_login(staff_user)
    board = client.get(reverse("home")).context["dashboard"]
    bar = next(b for b in board["open_by_village"].bars if b.label == village.name)

    listed = client.get(bar.url + "&export=csv")

    rows = b"".join(listed.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(rows) - 1 == bar.value == 6
