"""Remove audit entries older than the retention period (never younger than a year)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from audit.models import RETENTION_FLOOR_DAYS, AuditEntry


class Command(BaseCommand):
    help = "Remove audit log entries older than AUDIT_RETENTION_DAYS (at least 365)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.AUDIT_RETENTION_DAYS,
            help="Keep this many days (default: the AUDIT_RETENTION_DAYS setting).",
        )

    def handle(self, *args, days: int, **options):
        if days < RETENTION_FLOOR_DAYS:
            raise CommandError(f"The audit log is kept at least {RETENTION_FLOOR_DAYS} days.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        with transaction.atomic():
            removed, _by_model = AuditEntry.objects.filter(at__lt=cutoff)._prune()
        self.stdout.write(f"Removed {removed} audit entries older than {cutoff:%Y-%m-%d}.")
