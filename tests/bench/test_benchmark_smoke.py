"""The benchmark works: a short run on two seeded communities (not a timed test; the
full run, with its targets, is the README's command)."""

import re
import subprocess
import sys

from django.db import connection

from bench.appserver import ROOT
from tests.markers import app_servers

pytestmark = app_servers("the benchmark measures the production setup, which is PostgreSQL")


def test_a_short_run_measures_every_page(tmp_path):
    db = connection.settings_dict
    table_file = tmp_path / "table.md"

    subprocess.run(
        [
            sys.executable,
            "bench/run.py",
            "--communities=2",
            "--users=2",
            "--workers=2",
            "--phase-seconds=0.2",
            f"--database-url=postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "--redis-url=redis://127.0.0.1:6379/13",
            f"--output={table_file}",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )

    table = table_file.read_text()
    rows = [line.split("|")[1:-1] for line in table.splitlines() if line.startswith("| ")]
    header, pages = rows[0], rows[1:]
    assert [cell.strip() for cell in header[:3]] == ["Page", "As", "Queries"]
    names = [cells[0].strip() for cells in pages]
    for expected in (
        "health (trivial view)",
        "dashboard · officer",
        "incidents · staff",
        "incident",
        "search",
        "monthly report",
        "map data",
        "admin: incidents",
    ):
        assert expected in names
    for cells in pages:
        queries, per_second = int(cells[2]), float(cells[3])
        assert 0 < queries < 40, cells
        assert per_second > 0, cells
        assert "failed" not in cells[7], cells
    assert re.search(r"Gunicorn workers after the run: \d+ MB", table)
    assert "2 communities" in table
