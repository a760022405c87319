"""An incident's place on the map: each coordinate within range, on the form and in the
database, as for a village."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from officers.models import Incident
from tests import factories
from tests.factories import incident_post


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", "90.00001", "Переконайтеся, що це значення менше чи дорівнює 90."),
        ("latitude", "-95", "Переконайтеся, що це значення більше чи дорівнює -90."),
        ("longitude", "180.5", "Переконайтеся, що це значення менше чи дорівнює 180."),
        ("longitude", "-181", "Переконайтеся, що це значення більше чи дорівнює -180."),
    ],
)
def test_an_out_of_range_coordinate_is_refused_on_its_field(
    client, officer_user, village, field, value, message
):
    client.force_login(officer_user)

    response = client.post(
        reverse("officers:incident_create"), incident_post(village, **{field: value})
    )

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not Incident.objects.exists()


def test_the_edges_of_the_map_are_accepted(client, officer_user, village):
    client.force_login(officer_user)

    client.post(
        reverse("officers:incident_create"),
        incident_post(village, latitude="-90", longitude="180"),
    )

    incident = Incident.objects.get()
    assert (incident.latitude, incident.longitude) == (Decimal(-90), Decimal(180))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("latitude", "90.00001"),
        ("latitude", "-95"),
        ("longitude", "180.5"),
        ("longitude", "-181"),
    ],
)
def test_the_database_refuses_an_out_of_range_coordinate(officer, officer_user, field, value):
    incident = factories.make_incident(officer, latitude=Decimal(47), longitude=Decimal(37))

    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(**{field: Decimal(value)})

    incident.refresh_from_db()
    assert (incident.latitude, incident.longitude) == (Decimal(47), Decimal(37))
