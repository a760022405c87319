"""Remove the personal details of parties of incidents closed longer than
INCIDENT_RETENTION_DAYS ago; run it daily (e.g. from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from audit.record import Action, record
from officers import privacy


class Command(BaseCommand):
    help = "Anonymise parties of incidents closed longer than INCIDENT_RETENTION_DAYS ago."

    def handle(self, *args, **options):
        count = privacy.anonymise_due()
        if count:
            record(Action.ANONYMISED, summary=f"{count} parties")
        self.stdout.write(
            f"Anonymised {count} parties of incidents closed over "
            f"{settings.INCIDENT_RETENTION_DAYS} days ago."
        )
