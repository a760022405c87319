"""Charts carry machine numbers in every language, and names short enough to read."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import timezone

from reports.charts import LABEL_CHARACTERS, Bar, BarChart, machine_number
from tests import factories

GEOMETRY = {"x", "y", "width", "height", "rx", "viewbox"}


class SvgNumbers(HTMLParser):
    """Collects every geometry attribute inside the page's SVG elements."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.values: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth += 1
        if self.depth:
            self.values += [(name, value) for name, value in attrs if name in GEOMETRY]

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth -= 1


def svg_numbers(html: str) -> list[tuple[str, str]]:
    parser = SvgNumbers()
    parser.feed(html)
    return parser.values


@pytest.fixture
def charted(officer, second_village, staff_user, radio):
    """Incidents of two villages with a fractional bar geometry, and an item out."""
    for _ in range(3):
        factories.make_incident(officer, "theft", village=officer.villages.get())
    factories.make_incident(officer, "domestic_violence", village=second_village)
    factories.issue(officer, radio, by=staff_user)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("persona", ["staff_user", "supervisor_user", "officer_user"])
def test_every_chart_number_is_a_machine_number(
    request, client, charted, persona, language, officer_user
):
    client.force_login(request.getfixturevalue(persona))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    month = timezone.localdate().strftime("%Y-%m")

    for path in ["/", f"/report/?month={month}"]:
        html = client.get(path).content.decode()
        for name, value in svg_numbers(html):
            numbers = value.split() if name == "viewbox" else [value]
            for number in numbers:
                assert re.fullmatch(r"-?\d+(\.\d+)?%?", number), f"{path}: {name}={value!r}"
                float(number.rstrip("%"))


def test_the_staff_home_page_has_charts_to_check(client, charted, staff_user):
    client.force_login(staff_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "uk"

    html = client.get("/").content.decode()

    assert html.count("<svg") >= 3
    assert len(svg_numbers(html)) > 20


def test_a_long_name_is_shortened_with_the_full_name_in_its_title(client, staff_user, officer):
    long_name = "Новоолександрівка-Друга Приазовська"
    village = factories.make_village(officer.station.village.community, name=long_name)
    village.station = officer.station
    village.save()
    factories.make_incident(officer, "theft", village=village)
    client.force_login(staff_user)

    html = client.get("/").content.decode()

    assert f"<title>{long_name}: 1</title>" in html
    assert f">{long_name[: LABEL_CHARACTERS - 1]}…</text>" in html


def test_machine_numbers_ignore_the_language():
    assert machine_number(16.12345) == "16.12"
    assert machine_number(20.0) == "20"
    chart = BarChart("t", [Bar("a", 22), Bar("b", 7.5)])
    assert [row["length"] for row in chart.rows()] == ["136", "46"]
