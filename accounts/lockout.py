"""Failed sign-ins: the account locks, the office does not.

django-axes locks a username after ``AXES_FAILURE_LIMIT`` failures from anywhere (as
CJIS asks: the account, not the terminal). An address alone is only throttled at a
much higher count and for a shorter time, so that one person guessing in a council
office behind one address does not lock out everyone else there.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


class AccountLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    @staticmethod
    def address_failures(request) -> int:
        """Failures from the request's address, under every username, lately."""
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        since = timezone.now() - settings.ADDRESS_COOLOFF_TIME
        attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
        return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
