"""The custody report lists what is out, soonest due first, page after page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from stations import services
from tests import factories


def test_items_out_are_listed_soonest_due_first_across_pages(client, staff_user, officer, station):
    today = timezone.localdate()
    items = [factories.make_item(station) for _ in range(53)]
    # Due dates in a shuffled order; the last three items carry no date and come last.
    for index, item in enumerate(items):
        due = today + datetime.timedelta(days=(index * 17) % 50) if index < 50 else None
        services.handover_issue(
            officer=officer,
            place="Старий Крим",
            official_name="Вадим Бойченко",
            official_role="Міський голова",
            lines=[services.IssueLine(item=item, expected_return_on=due)],
            created_by=staff_user,
            occurred_at=timezone.now() - datetime.timedelta(hours=1),
        )
    client.force_login(staff_user)

    first = client.get(reverse("stations:custody_report")).context["object_list"]
    second = client.get(reverse("stations:custody_report"), {"page": 2}).context["object_list"]

    shown = [custody.issue_line.expected_return_on for custody in [*first, *second]]
    assert len(first) == 50
    assert len(second) == 3
    assert shown[:50] == sorted(today + datetime.timedelta(days=d) for d in range(50))
    assert shown[50:] == [None, None, None]
    assert {c.item for c in [*first, *second]} == set(items)
    assert first[0].officer.station == station  # the joined records come along


def test_a_custody_closed_while_the_page_is_read_is_left_out(staff_user, officer, station):
    from stations.views.reports import _page, _rows

    first, second = factories.make_item(station), factories.make_item(station)
    factories.issue(officer, first, second)
    rows = _rows("issued", staff_user)
    ids = list(rows.values_list("pk", flat=True))
    # The second query sees one of them returned in the meantime.
    closing = rows.model.objects.filter(pk=ids[0])

    class Returned(type(rows)):
        def filter(self, *args, **kwargs):
            return super().filter(*args, **kwargs).exclude(pk__in=closing.values("pk"))

    rows.__class__ = Returned
    page = _page(rows, 1)

    assert [c.pk for c in page.object_list] == ids[1:]
