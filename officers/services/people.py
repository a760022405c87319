"""Writes about officers that touch more than one record."""

import datetime

from django.db import transaction

from officers.models import Officer


@transaction.atomic
def officer_leave(*, officer: Officer, left_on: datetime.date) -> Officer:
    """Record that an officer left the service and end their access to the site.

    The officer stays in the registry (their shifts, acts and incidents refer to them);
    the linked user account is deactivated, which also ends any open session.
    """
    officer.status = Officer.Status.LEFT
    officer.left_on = left_on
    officer.full_clean()
    officer.save()
    if officer.user is not None and officer.user.is_active:
        officer.user.is_active = False
        officer.user.save(update_fields=["is_active"])
    return officer
