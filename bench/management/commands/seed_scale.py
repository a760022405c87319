"""Fill the database with N communities' worth of records, to measure the site at scale."""

import resource
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from audit.record import suspended
from bench.scale import CommunityMaker, Numbers, all_tables
from officers.models import Incident, Shift


class Command(BaseCommand):
    help = (
        "Add N communities with three years of shifts, incidents and acts (about 3,300 "
        "incidents and 3,300 shifts each). For measuring, never for a live database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--communities", type=int, required=True, metavar="N")
        parser.add_argument(
            "--password",
            help="Password of every login it creates; without it they cannot sign in.",
        )

    def handle(self, *args, communities: int, password: str | None, **options):
        if communities < 1:
            raise CommandError("--communities must be at least 1.")
        started = time.monotonic()
        tables = all_tables()
        numbers = Numbers()
        maker = CommunityMaker(
            tables, numbers, password_hash=make_password(password), now=timezone.now()
        )
        for done in range(1, communities + 1):
            # One transaction per community: an interrupted run leaves whole ones.
            with transaction.atomic(), suspended():
                maker.make()
                tables.flush()
                tables.reset_sequences()
                numbers.save()
            if done == communities or done % 10 == 0 or options["verbosity"] > 1:
                self._progress(done, communities, tables, started)

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {communities} communities in {time.monotonic() - started:.0f} s; "
                f"peak memory {peak_mb} MB."
            )
        )

    def _progress(self, done, total, tables, started) -> None:
        self.stdout.write(
            f"{done}/{total} communities · {tables[Shift].written:,} shifts · "
            f"{tables[Incident].written:,} incidents · {time.monotonic() - started:.0f} s"
        )
        self.stdout.flush()
