from pathlib import Path

from django.core.management.base import BaseCommand

from archive.bundle import export_archive


class Command(BaseCommand):
    help = "Write every table's rows and every media file to one versioned ZIP archive."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        manifest = export_archive(file)
        self.stdout.write(f"Archive written: {file} ({len(manifest['media'])} media files)")
