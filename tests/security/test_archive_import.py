"""Finding 8: a damaged or hostile archive is refused whole, in one line.

``import_archive`` used to write media files as it read them and load the rows last: a
bad checksum, a missing entry or a DTD rolled the database back but left the files
written before the error in the media folder (one of them HTML named .jpg), and some
errors ended in a raw traceback. Each test here hands the command such an archive and
checks what the administrator would see: one line of refusal, an untouched media folder
and an empty database.
"""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections import namedtuple
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from archive import bundle as archive_module
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db

DATA = """<?xml version="1.0" encoding="utf-8"?>
<django-objects version="1.0">
  <object model="policing.user">
    <field name="password" type="CharField">!</field>
    <field name="username" type="CharField">restored</field>
  </object>
</django-objects>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<django-objects version="1.0">
  <object model="policing.user">
    <field name="password" type="CharField">!</field>
    <field name="username" type="CharField">&lol2;</field>
  </object>
</django-objects>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE django-objects [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<django-objects version="1.0">
  <object model="policing.user">
    <field name="password" type="CharField">!</field>
    <field name="username" type="CharField">&secret;</field>
  </object>
</django-objects>
"""

HTML = b"<!doctype html><script>alert(document.cookie)</script>"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def build(path, media, *, data=DATA, manifest=None, digests=None, leave_out=()):
    """Write an archive shaped like export_archive's; the arguments spoil it."""
    if manifest is None:
        listed = {name: sha256(content) for name, content in media.items()}
        manifest = {"format": 1, "created": "2026-01-01T00:00:00+00:00", "media": listed}
        manifest["media"].update(digests or {})
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if "manifest.json" not in leave_out:
            text = manifest if isinstance(manifest, (str, bytes)) else json.dumps(manifest)
            archive.writestr("manifest.json", text)
        if "data.xml" not in leave_out:
            archive.writestr("data.xml", data)
        for name, content in media.items():
            if name not in leave_out:
                archive.writestr(f"media/{name}", content)
    return path


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def files_under(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def refusal(path) -> str:
    """Run the command on a bad archive; return its one line after checking nothing stayed."""
    before = row_counts()
    with pytest.raises(CommandError) as caught:
        call_command("import_archive", str(path), stdout=io.StringIO())
    message = str(caught.value)
    assert message
    assert "\n" not in message
    assert files_under(settings.MEDIA_ROOT) == []
    assert not get_user_model().objects.exists()
    assert row_counts() == before
    return message


@pytest.fixture
def jpeg():
    return image_bytes("JPEG")


def test_a_good_hand_built_archive_restores_its_rows_and_media(tmp_path, jpeg):
    media = {
        "officers/a.jpg": jpeg,
        "stations/b.png": image_bytes("PNG"),
        "stations/c.webp": image_bytes("WEBP"),
        "stations/d.gif": image_bytes("GIF"),
        "memoranda/e.pdf": b"%PDF-1.4\n%%EOF\n",
    }
    path = build(tmp_path / "good.zip", media)

    call_command("import_archive", str(path), stdout=io.StringIO())

    assert get_user_model().objects.get().username == "restored"
    for name, content in media.items():
        assert (settings.MEDIA_ROOT / name).read_bytes() == content


def test_attack_damaged_media_file_after_a_good_one_leaves_neither(tmp_path, jpeg):
    path = build(
        tmp_path / "a.zip",
        {"officers/good.jpg": jpeg, "officers/bad.jpg": image_bytes("JPEG", color="red")},
        digests={"officers/bad.jpg": "0" * 64},
    )
    assert "damaged" in refusal(path)


def test_attack_entry_listed_in_the_manifest_but_missing_from_the_zip_is_refused(tmp_path, jpeg):
    media = {"officers/good.jpg": jpeg, "officers/gone.jpg": jpeg}
    path = build(tmp_path / "a.zip", media, leave_out=["officers/gone.jpg"])
    assert "officers/gone.jpg" in refusal(path)


def test_attack_archive_without_data_xml_is_refused(tmp_path, jpeg):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg}, leave_out=["data.xml"])
    assert "data.xml" in refusal(path)


def test_attack_archive_without_manifest_is_refused(tmp_path, jpeg):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg}, leave_out=["manifest.json"])
    assert "manifest.json" in refusal(path)


@pytest.mark.parametrize(
    "manifest",
    [b"\xff\xfe not json", "{", "[1, 2]", '{"format": 1, "media": ["a.jpg"]}', "[" * 100_000],
    ids=["binary", "truncated", "a-list", "media-not-a-mapping", "deeply-nested"],
)
def test_attack_manifest_that_is_not_a_manifest_is_refused(tmp_path, jpeg, manifest):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg}, manifest=manifest)
    assert "manifest.json" in refusal(path)


def test_attack_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "a.zip"
    path.write_bytes(HTML)
    assert "ZIP" in refusal(path)


def test_attack_missing_file_is_refused_in_one_line(tmp_path):
    assert "a.zip" in refusal(tmp_path / "a.zip")


@pytest.mark.parametrize(
    "data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"]
)
def test_attack_data_xml_with_a_dtd_is_refused_before_loading(tmp_path, jpeg, data):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg}, data=data)
    assert "DTD" in refusal(path)


def test_attack_data_xml_that_is_not_xml_is_refused(tmp_path, jpeg):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg}, data="<django-objects>")
    assert "data.xml" in refusal(path)


def test_attack_rows_that_do_not_load_leave_no_media_behind(tmp_path, jpeg):
    data = DATA.replace("policing.user", "policing.nosuchmodel")
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg}, data=data)
    assert "data.xml" in refusal(path)


@pytest.mark.parametrize(
    "name", ["../escaped.jpg", "officers/../../escaped.jpg", "/tmp/escaped.jpg"]
)
def test_attack_media_path_leaving_the_media_folder_is_refused(tmp_path, jpeg, name):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg, name: jpeg})
    assert "media folder" in refusal(path)
    assert not (tmp_path / "escaped.jpg").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("officers/x.jpg", HTML),
        ("officers/x.jpeg", HTML),
        ("officers/x.png", HTML),
        ("officers/x.webp", HTML),
        ("officers/x.gif", HTML),
        ("officers/x.png", image_bytes("JPEG")),
        ("officers/x.jpg", image_bytes("JPEG")[:200]),
        ("memoranda/x.pdf", HTML),
    ],
    ids=["jpg", "jpeg", "png", "webp", "gif", "jpeg-named-png", "truncated-jpeg", "pdf"],
)
def test_attack_html_named_as_an_image_is_refused(tmp_path, jpeg, name, content):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg, name: content})
    assert name in refusal(path)


def test_attack_oversized_media_entry_is_refused_before_unpacking(tmp_path, jpeg, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1000
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg, "officers/big.jpg": b"\0" * 4001})
    assert "officers/big.jpg" in refusal(path)


def test_attack_archive_larger_than_the_free_disk_is_refused(tmp_path, jpeg, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(archive_module.shutil, "disk_usage", lambda path: usage(100, 90, 10))
    path = build(tmp_path / "a.zip", {"officers/good.jpg": jpeg})
    assert "disk" in refusal(path)


def test_attack_on_the_media_folder_midway_rolls_the_rows_back(tmp_path, jpeg, monkeypatch):
    moves = []
    real_move = shutil.move

    def move_then_fail(source, target):
        if moves:
            raise OSError("No space left on device")
        moves.append(target)
        return real_move(source, target)

    monkeypatch.setattr(archive_module.shutil, "move", move_then_fail)
    media = {"officers/a.jpg": jpeg, "officers/b.jpg": jpeg}
    path = build(tmp_path / "a.zip", media)
    assert "No space left" in refusal(path)
    assert moves  # the first file did reach the media folder, and was taken away again


def test_attack_overwriting_a_different_file_in_the_media_folder_is_refused(tmp_path, jpeg):
    kept = settings.MEDIA_ROOT / "officers" / "a.jpg"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"someone's file")
    path = build(tmp_path / "a.zip", {"officers/a.jpg": jpeg})

    with pytest.raises(CommandError, match="already"):
        call_command("import_archive", str(path), stdout=io.StringIO())

    assert kept.read_bytes() == b"someone's file"
    assert not get_user_model().objects.exists()


def test_attack_on_an_unmigrated_database_ends_in_one_line_at_the_console(tmp_path):
    path = build(tmp_path / "a.zip", {"officers/good.jpg": image_bytes("JPEG")})
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'blank.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_DEBUG": "true",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "import_archive", str(path)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("CommandError: The database is not migrated: run migrate first")
    assert not (tmp_path / "media").exists()
