"""A complete, versioned archive of the site: every table's rows and every media file.

``export_archive`` writes it; ``import_archive`` restores it into an empty database, of
either kind, which is how a community moves from SQLite to PostgreSQL.
"""

import hashlib
import io
import json
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone

FORMAT_VERSION = 1
# Rebuilt by ``migrate`` itself, or of no lasting use.
LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def export_archive(target: Path) -> dict:
    data = io.StringIO()
    # XML keeps times to the microsecond (Django's JSON rounds them to milliseconds).
    call_command(
        "dumpdata",
        format="xml",
        natural_foreign=True,
        natural_primary=True,
        exclude=LEFT_OUT,
        stdout=data,
    )
    root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT_VERSION,
        "created": timezone.now().isoformat(),
        "media": {str(p.relative_to(root)): checksum(p) for p in media_files()},
    }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("data.xml", data.getvalue())
        for name in manifest["media"]:
            archive.write(root / name, f"media/{name}")
    return manifest


class ArchiveError(Exception):
    pass


def import_archive(source: Path) -> dict:
    from django.contrib.auth import get_user_model

    from audit import record as audit

    if get_user_model().objects.exists():
        raise ArchiveError("The database is not empty: restore into a freshly migrated one.")
    root = Path(settings.MEDIA_ROOT)
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise ArchiveError(f"Unknown archive format {manifest.get('format')!r}.")
        for name, digest in manifest["media"].items():
            target = (root / name).resolve()
            if root.resolve() not in target.parents:
                raise ArchiveError(f"A media path leaves the media folder: {name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(f"media/{name}"))
            if checksum(target) != digest:
                raise ArchiveError(f"Media file damaged in the archive: {name}")
        with tempfile.TemporaryDirectory() as folder:
            fixture = Path(folder) / "data.xml"
            fixture.write_bytes(archive.read("data.xml"))
            # The history and audit rows come from the archive: loading writes no new ones.
            with override_settings(SIMPLE_HISTORY_ENABLED=False), audit.suspended():
                call_command("loaddata", str(fixture), verbosity=0)
    return manifest
