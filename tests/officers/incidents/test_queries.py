"""The incident pages make the same number of queries however many rows there are."""

import pytest
from django.urls import reverse
from django.utils import timezone

from officers.models import Party, Supplement
from tests import factories
from tests.querycount import queries_for


def grow(officer, count):
    for n in range(count):
        incident = factories.make_incident(
            officer,
            "domestic_violence" if n % 3 == 0 else "theft",
            latitude=47.1 + n / 1000,
            longitude=37.5,
        )
        Party.objects.create(incident=incident, role="victim", full_name=f"Особа {n}")


@pytest.mark.parametrize(
    "page", ["officers:incident_list", "officers:incident_map_data", "officers:incident_map"]
)
@pytest.mark.parametrize("persona", ["officer_user", "staff_user"])
def test_incident_lists_do_not_grow_in_queries(client, request, officer, page, persona):
    client.force_login(request.getfixturevalue(persona))
    url = reverse(page)

    grow(officer, 3)
    with_few = queries_for(client, url)
    grow(officer, 40)
    with_many = queries_for(client, url)

    assert with_few == with_many


def test_the_incident_page_does_not_grow_with_parties_and_notes(client, officer_user, officer):
    client.force_login(officer_user)
    incident = factories.make_incident(officer, "domestic_violence")

    def add(n):
        for index in range(n):
            Party.objects.create(incident=incident, role="witness", full_name=f"Свідок {index}")
            Supplement.objects.create(
                incident=incident,
                number=incident.supplements.count() + 1,
                text="…",
                author=officer_user,
            )
            incident.description = f"Оновлено {index} {timezone.now()}"
            incident.save()

    add(2)
    with_few = queries_for(client, incident.get_absolute_url())
    add(25)
    with_many = queries_for(client, incident.get_absolute_url())

    assert with_few == with_many
