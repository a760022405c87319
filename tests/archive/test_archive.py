"""Backups that restore: export, empty the database, import, and compare everything."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.bundle import media_files
from officers.models import Officer
from tests.factories import image_upload

pytestmark = pytest.mark.django_db(transaction=True)


def read(path):
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json")), archive.read("data.xml").decode()


def test_the_demo_data_and_media_survive_a_round_trip(tmp_path, settings):
    call_command("seed_demo", stdout=io.StringIO())
    officer = Officer.objects.get(surname="Тимофєєв")
    officer.photo.save("me.jpg", image_upload())
    first = tmp_path / "first.zip"
    call_command("export_archive", str(first), stdout=io.StringIO())

    call_command("flush", interactive=False, verbosity=0)
    for path in media_files():
        path.unlink()
    call_command("import_archive", str(first), stdout=io.StringIO())
    second = tmp_path / "second.zip"
    call_command("export_archive", str(second), stdout=io.StringIO())

    manifest_one, rows_one = read(first)
    manifest_two, rows_two = read(second)
    assert rows_one.count("<object ") > 1000
    assert rows_one == rows_two  # every row of every table, to the microsecond
    assert manifest_one["media"] == manifest_two["media"]
    assert manifest_one["media"]
    assert get_user_model().objects.get(username="officer").check_password("demo-password-2022")


def test_it_refuses_to_restore_over_existing_data(tmp_path, staff_user):
    archive = tmp_path / "a.zip"
    call_command("export_archive", str(archive), stdout=io.StringIO())

    with pytest.raises(CommandError, match="not empty"):
        call_command("import_archive", str(archive))
