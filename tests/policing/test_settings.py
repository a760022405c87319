"""Start-up refuses unsafe production settings with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(code: str = "import policing.settings", **env) -> subprocess.CompletedProcess:
    """Import the settings in a fresh process with only the given DJANGO_* variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_it_refuses_to_start_without_allowed_hosts_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_it_starts_with_production_settings():
    result = load_settings(
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="example.org"
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value", ["yes", "1", "True!", ""])
def test_booleans_are_parsed_strictly(value):
    result = load_settings(DJANGO_DEBUG=value)

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be 'true' or 'false'" in result.stderr


def test_the_deployment_check_passes_with_production_settings():
    import secrets

    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="policing.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_uploads_are_kept_outside_the_code_tree_by_default(tmp_path):
    result = load_settings(
        "import policing.settings as s; print(s.MEDIA_ROOT)",
        DJANGO_DEBUG="true",
        HOME=str(tmp_path),
        XDG_DATA_HOME="",
    )

    media_root = Path(result.stdout.strip())
    assert media_root.is_relative_to(tmp_path)
    assert not media_root.is_relative_to(ROOT)
