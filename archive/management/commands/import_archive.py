from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.bundle import ArchiveError, import_archive


class Command(BaseCommand):
    help = "Restore an archive from export_archive into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            manifest = import_archive(file)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Archive restored: {file} ({len(manifest['media'])} media files)")
