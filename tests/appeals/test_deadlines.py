"""Terms of the Law "On citizens' appeals": 15, 30 or at most 45 calendar days from the
day an appeal was received, across month and year ends; open appeals past them flagged."""

import datetime

import pytest
import time_machine

from appeals import deadlines
from appeals.filters import due
from appeals.models import Appeal
from tests import factories

D = datetime.date


@pytest.mark.parametrize(
    ("received", "needs_study", "extended", "expected"),
    [
        (D(2026, 3, 1), False, False, D(2026, 3, 16)),
        (D(2026, 3, 1), True, False, D(2026, 3, 31)),
        (D(2026, 3, 1), True, True, D(2026, 4, 15)),
        (D(2026, 12, 20), False, False, D(2027, 1, 4)),  # across the year's end
        (D(2026, 12, 20), True, True, D(2027, 2, 3)),
        (D(2027, 1, 31), True, False, D(2027, 3, 2)),  # a February of 28 days
        (D(2028, 1, 31), True, False, D(2028, 3, 1)),  # and of 29
        (D(2026, 2, 14), False, True, D(2026, 3, 31)),  # an extension counts from receipt
    ],
)
def test_the_term_counts_calendar_days_from_receipt(received, needs_study, extended, expected):
    assert deadlines.deadline(received, needs_study=needs_study, extended=extended) == expected


@time_machine.travel("2026-12-31 10:00 +02:00", tick=False)
def test_open_appeals_past_or_near_their_term_are_flagged_and_answered_ones_are_not(officer):
    overdue = factories.make_appeal(officer, received_on=D(2026, 12, 15), needs_study=False)
    soon = factories.make_appeal(officer, received_on=D(2026, 12, 4))  # due 3 January
    factories.make_appeal(officer, received_on=D(2026, 12, 5))  # due 4 January: not yet
    later = factories.make_appeal(officer, received_on=D(2026, 12, 30))
    answered = factories.make_appeal(officer, received_on=D(2026, 12, 1), needs_study=False)
    Appeal.objects.filter(pk=answered.pk).update(status="referred", referred_to="ЦНАП")

    everything = Appeal.objects.all()

    assert list(due(everything, "overdue")) == [overdue]
    assert list(due(everything, "soon")) == [soon]
    assert later not in due(everything, "soon")
