"""When an appeal must be answered, as the Law of Ukraine "On citizens' appeals" counts.

An appeal that needs no further study is answered within 15 days, any other within 30;
with a reasoned extension the whole term is at most 45. Terms run in calendar days from
the day the appeal was received, across month and year ends alike.
"""

import datetime

QUICK_DAYS = 15
USUAL_DAYS = 30
EXTENDED_DAYS = 45
DUE_SOON_DAYS = 3  # the officer and the supervisor are told this many days before


def deadline(received_on: datetime.date, *, needs_study: bool, extended: bool) -> datetime.date:
    days = EXTENDED_DAYS if extended else USUAL_DAYS if needs_study else QUICK_DAYS
    return received_on + datetime.timedelta(days=days)


def due_soon_until(today: datetime.date) -> datetime.date:
    """The last deadline that counts as "due soon" on ``today``."""
    return today + datetime.timedelta(days=DUE_SOON_DAYS)
