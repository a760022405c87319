"""What an archive must pass before anything of it is restored.

An archive comes from outside the running site (a backup, a file handed over on a
stick), so it is read as untrusted: its manifest must have the expected shape, its
paths must stay inside the media folder, its entries must be of sane size, each media
file must match its checksum and, for images and PDFs, be what its name says, and
data.xml must declare no DTD (no entity expansion, no external entities).
"""

import hashlib
import json
import shutil
import warnings
import zipfile
from pathlib import Path, PurePosixPath
from typing import NoReturn
from xml.parsers import expat

from django.conf import settings
from PIL import Image, UnidentifiedImageError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.xml"
MEDIA = "media"
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
# The formats Pillow must find in a file by its extension (MPO is a camera's JPEG).
IMAGE_FORMATS = {
    ".jpg": {"JPEG", "MPO"},
    ".jpeg": {"JPEG", "MPO"},
    ".png": {"PNG"},
    ".webp": {"WEBP"},
    ".gif": {"GIF"},
}


class ArchiveError(Exception):
    """A refusal, said to the administrator at the console in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


def checksum(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def media_file_limit() -> int:
    return settings.IMAGE_UPLOAD_MAX_BYTES * 4


def entry(archive: zipfile.ZipFile, name: str, missing: str) -> zipfile.ZipInfo:
    try:
        return archive.getinfo(name)
    except KeyError:
        raise ArchiveError(missing) from None


def read_manifest(archive: zipfile.ZipFile) -> dict:
    info = entry(archive, MANIFEST, f"The archive has no {MANIFEST}: is it from export_archive?")
    if info.file_size > MANIFEST_MAX_BYTES:
        raise ArchiveError(f"{MANIFEST} is {info.file_size} bytes, too large to be a manifest.")
    try:
        manifest = json.loads(archive.read(info))
    except (ValueError, RecursionError) as error:
        raise ArchiveError(f"{MANIFEST} is not JSON: {error}") from error
    if not isinstance(manifest, dict):
        raise ArchiveError(f"{MANIFEST} is not an archive manifest.")
    if manifest.get("format") != FORMAT_VERSION:
        raise ArchiveError(f"Unknown archive format {manifest.get('format')!r:.40}.")
    media = manifest.get("media")
    if not isinstance(media, dict) or not all(
        isinstance(name, str) and isinstance(digest, str) for name, digest in media.items()
    ):
        raise ArchiveError(f"{MANIFEST} does not list the media files as name: checksum.")
    return manifest


def inside(folder: Path, name: str) -> Path:
    """The path of media file ``name`` under ``folder``, refused if it would leave it."""
    path = PurePosixPath(name)
    plain = name and "\0" not in name and "\\" not in name and str(path) == name
    if not plain or path.is_absolute() or ".." in path.parts:
        raise ArchiveError(f"A media path leaves the media folder: {name!r}")
    target = (folder / path).resolve()
    if folder.resolve() not in target.parents:
        raise ArchiveError(f"A media path leaves the media folder: {name!r}")
    return target


def check_sizes(
    data: zipfile.ZipInfo, media: dict[str, zipfile.ZipInfo], staging: Path, media_root: Path
) -> None:
    """Each media file within the limit, and room on the disks for all of them."""
    limit = media_file_limit()
    for name, info in media.items():
        if info.file_size > limit:
            raise ArchiveError(
                f"Media file {name!r} is {info.file_size} bytes; the limit is {limit} bytes."
            )
    media_total = sum(info.file_size for info in media.values())
    existing = next(p for p in [media_root, *media_root.parents] if p.exists())
    for folder, needed in ((staging, data.file_size + media_total), (existing, media_total)):
        free = shutil.disk_usage(folder).free
        if needed > free:
            raise ArchiveError(
                f"The archive unpacks to {needed} bytes but the disk at {folder} "
                f"has {free} bytes free."
            )


def check_media_file(path: Path, name: str, digest: str) -> None:
    if checksum(path) != digest:
        raise ArchiveError(f"Media file damaged in the archive: {name!r}")
    suffix = path.suffix.lower()
    if suffix in IMAGE_FORMATS and image_format(path) not in IMAGE_FORMATS[suffix]:
        raise ArchiveError(f"Media file {name!r} is not the image its name says.")
    if suffix == ".pdf":
        with path.open("rb") as file:
            if file.read(5) != b"%PDF-":
                raise ArchiveError(f"Media file {name!r} is not the PDF its name says.")


def image_format(path: Path) -> str | None:
    """The format Pillow finds in a whole, decodable image file, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.load()  # decodes every pixel: a truncated file fails here
                return image.format
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None  # far more pixels than any photo the site stores
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None


def check_xml(path: Path) -> None:
    """Well-formed XML with no DTD: export_archive never writes one, and a DTD is how
    entity bombs and external entities get in."""

    def refuse(*args: object) -> NoReturn:
        raise ArchiveError(f"{DATA} declares a DTD; an archive from export_archive never does.")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        with path.open("rb") as file:
            parser.ParseFile(file)
    except expat.ExpatError as error:
        raise ArchiveError(f"{DATA} is not well-formed XML: {error}") from error
