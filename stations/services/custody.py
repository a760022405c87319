"""Writes about custody: issuing items, taking them back, confirming acts.

Each function is one transaction. The database has the last word on double issue
(``stations_one_holder_per_item``); the checks here give the person a clear message
first.
"""

import datetime
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict, Unpack

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stations.models import Custody, EquipmentItem, Handover, HandoverLine, NumberSequence


class CustodyError(Exception):
    """A handover that must not happen; the message says why, for the person."""


@dataclass
class IssueLine:
    item: EquipmentItem
    condition: str = HandoverLine.Condition.GOOD
    expected_return_on: datetime.date | None = None


@dataclass
class ReturnLine:
    item: EquipmentItem
    condition: str = HandoverLine.Condition.GOOD


class Act(TypedDict):
    """What an act of either kind records besides its lines: who, when, where, before whom."""

    officer: Any
    occurred_at: datetime.datetime
    place: str
    official_name: str
    official_role: str
    witnesses: NotRequired[str]
    notes: NotRequired[str]
    created_by: Any


def _new_act(kind: str, act: Act) -> Handover:
    year = timezone.localtime(act["occurred_at"]).year
    number = NumberSequence.next_number("handover", year)
    return Handover.objects.create(kind=kind, number=f"{year}-{number:04d}", **act)


@transaction.atomic
def handover_issue(*, lines: list[IssueLine], **act: Unpack[Act]) -> Handover:
    """Draw up an issue act and open a custody for each item."""
    officer, occurred_at = act["officer"], act["occurred_at"]
    if not officer.is_active:
        raise CustodyError(_("%(officer)s has left the service.") % {"officer": officer})
    if not lines:
        raise CustodyError(_("Add at least one item."))
    items = EquipmentItem.objects.select_for_update().filter(pk__in=[ln.item.pk for ln in lines])
    for item in items.with_open_custody():
        if item.status != EquipmentItem.Status.IN_SERVICE:
            raise CustodyError(
                _("%(item)s is %(status)s and cannot be issued.")
                % {"item": item, "status": item.get_status_display().lower()}
            )
        if item.is_held:
            raise CustodyError(_("%(item)s is already held by an officer.") % {"item": item})
    issue = _new_act(Handover.Kind.ISSUE, act)
    for line in lines:
        act_line = HandoverLine.objects.create(
            handover=issue,
            item=line.item,
            condition=line.condition,
            expected_return_on=line.expected_return_on,
        )
        try:
            with transaction.atomic():
                Custody.objects.create(
                    item=line.item, officer=officer, issue_line=act_line, since=occurred_at
                )
        except IntegrityError as exc:
            # Another act took the item between our check and our insert.
            raise CustodyError(
                _("%(item)s is already held by an officer.") % {"item": line.item}
            ) from exc
    return issue


@transaction.atomic
def handover_return(*, lines: list[ReturnLine], **act: Unpack[Act]) -> Handover:
    """Draw up a return act, close the custodies; damaged items go to repair."""
    officer, occurred_at = act["officer"], act["occurred_at"]
    if not lines:
        raise CustodyError(_("Choose at least one item that comes back."))
    held = {
        c.item_id: c
        for c in Custody.objects.select_for_update()
        .open()
        .filter(officer=officer, item__in=[ln.item.pk for ln in lines])
    }
    for line in lines:
        custody = held.get(line.item.pk)
        if custody is None:
            raise CustodyError(
                _("%(officer)s does not hold %(item)s.") % {"officer": officer, "item": line.item}
            )
        if occurred_at < custody.since:
            raise CustodyError(_("%(item)s was issued after that moment.") % {"item": line.item})
    returned = _new_act(Handover.Kind.RETURN, act)
    for line in lines:
        act_line = HandoverLine.objects.create(
            handover=returned, item=line.item, condition=line.condition
        )
        custody = held[line.item.pk]
        custody.until = occurred_at
        custody.return_line = act_line
        custody.save(update_fields=["until", "return_line"])
        if line.condition == HandoverLine.Condition.DAMAGED:
            line.item.status = EquipmentItem.Status.IN_REPAIR
            line.item.save(update_fields=["status"])
    return returned


@transaction.atomic
def handover_confirm(*, handover: Handover, user, address: str | None, how: str) -> Handover:
    """Record the signature: who confirmed, when and from which address. Once only."""
    act = Handover.objects.select_for_update().get(pk=handover.pk)
    if act.is_confirmed:
        raise CustodyError(_("This act is already confirmed."))
    if not user.has_perm("stations.confirm_handover", act):
        raise CustodyError(_("You cannot confirm this act."))
    act.confirmed_at = timezone.now()
    act.confirmed_by = user
    act.confirmed_from = address
    act.confirmed_how = how
    act.save(update_fields=["confirmed_at", "confirmed_by", "confirmed_from", "confirmed_how"])
    return act
