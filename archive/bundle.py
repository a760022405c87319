"""A complete, versioned archive of the site: every table's rows and every media file.

``export_archive`` writes it; ``import_archive`` restores it into an empty database, of
either kind, which is how a community moves from SQLite to PostgreSQL.
"""

import contextlib
import io
import json
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.test.utils import override_settings
from django.utils import timezone

from archive import checks
from archive.checks import FORMAT_VERSION, ArchiveError, checksum

__all__ = ["ArchiveError", "export_archive", "import_archive", "media_files"]
# Rebuilt by ``migrate`` itself, or of no lasting use.
LEFT_OUT = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


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
    manifest: dict[str, Any] = {
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


def import_archive(source: Path) -> dict:
    """Restore an archive into an empty database: all of it, or nothing.

    The whole archive is unpacked into a temporary folder and checked there first (see
    archive.checks). The rows then load in one transaction, and only once they
    have loaded do the media files move into MEDIA_ROOT; a failure while moving takes
    back the rows and the files moved so far.
    """
    from django.contrib.auth import get_user_model

    try:
        occupied = get_user_model().objects.exists()
    except DatabaseError as error:
        raise ArchiveError(f"The database is not migrated: run migrate first ({error}).") from error
    if occupied:
        raise ArchiveError("The database is not empty: restore into a freshly migrated one.")
    with tempfile.TemporaryDirectory() as folder:
        staging = Path(folder)
        manifest = _unpack(source, staging)
        for name, digest in manifest["media"].items():
            checks.check_media_file(staging / checks.MEDIA / name, name, digest)
        checks.check_xml(staging / checks.DATA)
        _restore(manifest["media"], staging)
    return manifest


def _unpack(source: Path, staging: Path) -> dict:
    """Check the manifest, paths and sizes, then copy data.xml and the media to staging."""
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = checks.read_manifest(archive)
            root = Path(settings.MEDIA_ROOT)
            data = checks.entry(archive, checks.DATA, f"The archive has no {checks.DATA}.")
            media, copies = {}, [(data, staging / checks.DATA)]
            for name in manifest["media"]:
                checks.inside(root, name)
                media[name] = checks.entry(
                    archive,
                    f"{checks.MEDIA}/{name}",
                    f"Media file {name!r} is listed in {checks.MANIFEST} but not in the archive.",
                )
                copies.append((media[name], checks.inside(staging / checks.MEDIA, name)))
            checks.check_sizes(data, media, staging, root)
            for info, target in copies:
                target.parent.mkdir(parents=True, exist_ok=True)
                # zipfile stops at the entry's declared size and checks its CRC.
                with archive.open(info) as entry, target.open("xb") as copy:
                    shutil.copyfileobj(entry, copy)
    except zipfile.BadZipFile as error:
        raise ArchiveError(f"{source} is not a readable ZIP archive: {error}") from error
    except (OSError, EOFError, RuntimeError, NotImplementedError, zlib.error) as error:
        raise ArchiveError(f"Cannot unpack {source}: {error}") from error
    return manifest


def _restore(media: dict[str, str], staging: Path) -> None:
    from audit import record as audit

    root = Path(settings.MEDIA_ROOT)
    targets = {}
    for name, digest in media.items():
        target = checks.inside(root, name)
        if not target.exists():
            targets[name] = target
        elif not target.is_file() or checks.checksum(target) != digest:
            raise ArchiveError(f"A different file is already in the media folder: {name!r}")
    made: list[Path] = []  # files and folders this restore created, outermost first
    try:
        with transaction.atomic():
            # The history and audit rows come from the archive: loading writes no new ones.
            with override_settings(SIMPLE_HISTORY_ENABLED=False), audit.suspended():
                _load(staging / checks.DATA)
            for name, target in targets.items():
                folders = [p for p in [target.parent, *target.parent.parents] if not p.exists()]
                made.extend(reversed(folders))
                made.append(target)
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(staging / checks.MEDIA / name, target)
                except OSError as error:
                    raise ArchiveError(f"Cannot write media file {name!r}: {error}") from error
    except Exception as error:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                if path.is_dir():
                    path.rmdir()  # only if empty: a folder someone else filled stays
                else:
                    path.unlink(missing_ok=True)
        if isinstance(error, ArchiveError):
            raise
        # The commit itself may refuse the rows (constraints PostgreSQL checks at commit).
        raise ArchiveError(f"The archive did not restore: {error}") from error


def _load(fixture: Path) -> None:
    try:
        call_command("loaddata", str(fixture), verbosity=0)
    except Exception as error:
        # Rows from outside fail in as many ways as models and databases can refuse them
        # (DeserializationError, IntegrityError, LookupError, ValidationError, ...).
        raise ArchiveError(f"The rows of {checks.DATA} do not load: {error}") from error
