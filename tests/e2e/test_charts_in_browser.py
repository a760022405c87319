"""The dashboard's charts as Chromium draws them, in Ukrainian, on a phone and a desktop:
each label on one line beside its bar, legible, and saying what the table beside it says."""

import pytest

from tests import factories
from tests.e2e.test_registries_in_browser import sign_in

pytestmark = pytest.mark.e2e

READ_CHARTS = """() => [...document.querySelectorAll('figure.chart')].filter(
  figure => figure.querySelector('svg')).map(figure => {
  const svg = figure.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return {
    title: figure.querySelector('figcaption').textContent.trim(),
    bars: [...svg.querySelectorAll('g.chart-row')].map(row => {
      const label = row.querySelector('.chart-label');
      const value = row.querySelector('.chart-value');
      const rows = [...Array(label.getNumberOfChars()).keys()].map(
        i => label.getStartPositionOfChar(i).y);
      return {
        label: label.textContent,
        full: row.querySelector('title').textContent,
        value: value.textContent,
        oneLine: new Set(rows).size === 1 && value.getNumberOfChars() === value.textContent.length
          && new Set([...Array(value.getNumberOfChars()).keys()].map(
            i => value.getStartPositionOfChar(i).y)).size === 1,
        labelEnd: label.getBBox().x + label.getBBox().width,
        barStart: row.querySelector('rect').x.baseVal.value,
        px: parseFloat(getComputedStyle(label).fontSize) * scale,
      };
    }),
    table: [...figure.querySelectorAll('tbody tr')].map(
      tr => [...tr.querySelectorAll('td')].map(td => td.textContent.trim())),
  };
})"""


@pytest.mark.parametrize("width", [360, 1280])
def test_each_bar_says_what_its_table_row_says(
    browser, live_server, officer, second_village, staff_user, radio, screenshot, width
):
    for _ in range(22):
        factories.make_incident(officer, "domestic_violence", village=officer.villages.get())
    factories.make_incident(officer, "theft", village=second_village)
    factories.issue(officer, radio, by=staff_user)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="uk-UA")
    page = context.new_page()
    sign_in(page, live_server, "staff")

    charts = page.evaluate(READ_CHARTS)
    screenshot(page, f"charts-{width}")

    assert len(charts) >= 3
    for chart in charts:
        assert len(chart["bars"]) == len(chart["table"]), chart["title"]
        for bar, (label, value) in zip(chart["bars"], chart["table"], strict=True):
            assert bar["oneLine"], (chart["title"], bar)
            assert bar["full"] == f"{label}: {value}"
            assert label.startswith(bar["label"].rstrip("…"))
            assert bar["value"] == value
            assert bar["labelEnd"] < bar["barStart"], (chart["title"], bar)
            assert bar["px"] >= 12, (chart["title"], bar)
    values = [bar["value"] for chart in charts for bar in chart["bars"]]
    assert "22" in values
    context.close()
