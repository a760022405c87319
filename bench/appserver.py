"""Start the site as production runs it: gunicorn, DEBUG off, static files collected.

Used by the benchmark and by the test that runs two app servers side by side.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production server: this process's, minus its DJANGO_ settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_HTTPS="false",  # plain HTTP on 127.0.0.1; the proxy adds TLS in production
        DJANGO_SECRET_KEY="production-like-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        **extra,
    )
    return env


def collect_static(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def start_gunicorn(env: dict[str, str], port: int, workers: int = 1) -> subprocess.Popen:
    """A gunicorn server on 127.0.0.1:port, answering once this returns."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "policing.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for(f"http://127.0.0.1:{port}/health/", process)
    return process


def wait_for(url: str, process: subprocess.Popen) -> None:
    for _ in range(150):
        if process.poll() is not None:
            assert process.stderr is not None  # started with stderr=PIPE
            raise RuntimeError(process.stderr.read().decode()[-3000:])
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)


def worker_rss_mb(process: subprocess.Popen) -> list[int]:
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue  # the process ended while we looked
        if int(fields["PPid"]) == process.pid:
            sizes.append(int(fields["VmRSS"].split()[0]) // 1024)
    return sorted(sizes)
