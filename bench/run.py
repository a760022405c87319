"""Measure the site under load, on PostgreSQL with production settings.

    .venv/bin/python bench/run.py --communities 300 --readme

Seeds the database up to N communities (seed_scale) if it has fewer, signs one set of
logins per simulated user in, counts each page's queries, starts gunicorn, and lets
locust load every page in turn with all users at once. Prints a table of requests per
second, median and 95th percentile per page, and each page's throughput as a share of
the trivial view's; ``--readme`` also puts it into README.md.
"""

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import appserver  # noqa: E402

P95_LIMIT_MS = 250
SUMMARY_LIMIT_MS = 300
MIN_SHARE = 0.10
RSS_LIMIT_MB = 250
README_START = "<!-- benchmark:start -->"
README_END = "<!-- benchmark:end -->"


def arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communities", type=int, default=300)
    parser.add_argument("--users", type=int, default=8, help="concurrent simulated users")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--phase-seconds", type=float, default=10, help="time per page")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/policing_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    parser.add_argument("--readme", action="store_true", help="put the table into README.md")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = arguments(argv)
    env = appserver.production_env(args.database_url, args.redis_url)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "policing.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import plan

    call_command("migrate", verbosity=0)
    appserver.collect_static(env)
    missing = args.communities - len(plan.seeded_communities(args.communities))
    if missing > 0:
        call_command("seed_scale", communities=missing)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    password = "bench-" + os.urandom(8).hex()
    users = plan.prepare_logins(plan.seeded_communities(args.users), password)
    queries = count_queries(users[0])
    data = data_size()

    port = appserver.free_port()
    server = appserver.start_gunicorn(env, port, workers=args.workers)
    try:
        stats = load(users, password, port, args)
        rss = appserver.worker_rss_mb(server)
    finally:
        appserver.stop(server)

    table = report(users[0]["pages"], queries, stats, rss, data, args)
    print(table)
    if args.output:
        args.output.write_text(table)
    if args.readme:
        put_into_readme(table)
    return 0


def count_queries(user: dict) -> dict[str, int]:
    """Each page's number of database queries, asked for once in this process."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    clients = {}
    for role, login in user["logins"].items():
        client = Client(HTTP_HOST="127.0.0.1")
        person = get_user_model().objects.get(pk=login["user_id"])
        client.force_login(person)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=person).persistent_id
        session.save()
        clients[role] = client
    counts = {}
    for page in user["pages"]:
        with CaptureQueriesContext(connection) as captured:
            response = clients[page.role].get(page.path)
        if response.status_code != 200:
            raise RuntimeError(f"{page.path} as {page.role}: {response.status_code}")
        counts[page.key] = len(captured)
    return counts


def data_size() -> dict[str, int]:
    from officers.models import Incident, Shift
    from stations.models import Community

    return {
        "communities": Community.objects.count(),
        "incidents": Incident.objects.count(),
        "shifts": Shift.objects.count(),
    }


def load(users: list[dict], password: str, port: int, args) -> dict[str, dict]:
    """Run locust headless; return its statistics per page name."""
    with tempfile.TemporaryDirectory() as folder:
        plan_file = Path(folder) / "plan.json"
        plan_file.write_text(
            json.dumps(
                {
                    "password": password,
                    "phase_seconds": args.phase_seconds,
                    "users": [
                        {"logins": u["logins"], "pages": [vars(p) for p in u["pages"]]}
                        for u in users
                    ],
                }
            )
        )
        pages = len(users[0]["pages"])
        limit = int(pages * args.phase_seconds + 120)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "--locustfile",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--users",
                str(len(users)),
                "--spawn-rate",
                str(len(users)),
                "--host",
                f"http://127.0.0.1:{port}",
                "--run-time",
                f"{limit}s",
                "--csv",
                str(Path(folder) / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=os.environ | {"BENCH_PLAN": str(plan_file)},
            check=False,  # locust exits 1 when a request failed; the table says which
            stdout=subprocess.DEVNULL,
        )
        with open(Path(folder) / "locust_stats.csv", newline="") as stats:
            return {row["Name"]: row for row in csv.DictReader(stats)}


def report(pages, queries, stats, rss, data, args) -> str:
    from bench import plan

    empty = {"Request Count": "0", "Failure Count": "0", "50%": "0", "95%": "0"}
    rows = {p.key: stats.get(p.key, empty) for p in pages}
    rps = {key: int(row["Request Count"]) / args.phase_seconds for key, row in rows.items()}
    trivial = rps[next(p.key for p in pages if p.kind == plan.TRIVIAL)]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}; "
        f"{data['communities']:,} communities, {data['incidents']:,} incidents, "
        f"{data['shifts']:,} shifts; {args.users} concurrent users, gunicorn with "
        f"{args.workers} sync workers, {args.phase_seconds:g} s per page.",
        "",
        "| Page | As | Queries | Requests/s | Median, ms | p95, ms | Share of trivial | Target |",
        "|---|---|--:|--:|--:|--:|--:|---|",
    ]
    misses = 0
    for page in pages:
        row = rows[page.key]
        p95 = int(row["95%"])
        share = rps[page.key] / trivial if trivial else 0
        missed = verdict(
            page.kind, int(row["Request Count"]), p95, share, int(row["Failure Count"])
        )
        misses += bool(missed)
        lines.append(
            f"| {page.key} | {page.role} | {queries[page.key]} | {rps[page.key]:.1f} | "
            f"{int(row['50%'])} | {p95} | {share:.0%} | {missed or 'met'} |"
        )
    heavy = [size for size in rss if size > RSS_LIMIT_MB]
    lines += [
        "",
        f"Gunicorn workers after the run: {', '.join(f'{s} MB' for s in rss)} resident "
        f"({'over' if heavy else 'under'} {RSS_LIMIT_MB} MB). Pages missing a target: {misses}.",
        "",
        f"Command: `.venv/bin/python bench/run.py --communities {args.communities} "
        f"--users {args.users} --phase-seconds {args.phase_seconds:g}`",
    ]
    return "\n".join(lines) + "\n"


def verdict(kind: str, requests: int, p95: int, share: float, failures: int) -> str:
    """What target a page missed, and by how much; empty when it met them all."""
    from bench import plan  # models inside: only once Django is set up

    if not requests:
        return "not measured: no answer within its turn"
    missed = []
    if failures:
        missed.append(f"{failures} failed")
    limit = SUMMARY_LIMIT_MS if kind == plan.SUMMARY else P95_LIMIT_MS
    if p95 > limit:
        missed.append(f"p95 {p95 - limit} ms over {limit}")
    if kind in (plan.LIST, plan.DETAIL) and share < MIN_SHARE:
        missed.append(f"share {share:.0%} < {MIN_SHARE:.0%}")
    return "; ".join(missed)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kb // 1024 // 1024} GB RAM, "
        f"PostgreSQL {postgres}, Python {platform.python_version()}; the load generator, "
        "the database and the app server share the machine"
    )


def put_into_readme(table: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text()
    start, end = text.index(README_START), text.index(README_END)
    readme.write_text(text[: start + len(README_START)] + "\n" + table + text[end:])


if __name__ == "__main__":
    sys.exit(main())
