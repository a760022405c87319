"""seed_scale: communities in realistic proportions, written in bulk, that the site
then goes on from as if it had made them itself."""

import io
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from accounts.roles import OFFICER, user_role
from officers.models import Incident, Officer, Party, Shift
from stations.models import Community, Custody, EquipmentItem, Handover, Station, Vehicle, Village
from tests import factories

pytestmark = pytest.mark.django_db

User = get_user_model()


def seed(communities: int, *args) -> str:
    out = io.StringIO()
    call_command("seed_scale", "--communities", str(communities), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db) -> str:
    return seed(1, "--password", "scale-password-2022")


def test_a_community_has_the_proportions_of_the_issue(seeded):
    assert Community.objects.count() == 1
    per_community = Community.objects.annotate(
        villages_n=Count("villages", distinct=True),
        stations_n=Count("villages__station", distinct=True),
    )
    assert {(c.villages_n, c.stations_n) for c in per_community} == {(8, 2)}
    assert Officer.objects.count() == 6
    assert Vehicle.objects.count() == 6
    assert EquipmentItem.objects.count() == 40
    assert "1/1 communities" in seeded


def test_three_years_of_shifts_and_about_one_incident_each(seeded):
    shifts = Shift.objects.count()
    incidents = Incident.objects.count()
    # About every other day for three years, six officers.
    assert 6 * 400 < shifts < 6 * 650
    assert 0.8 * shifts < incidents < 1.2 * shifts
    oldest = Incident.objects.order_by("occurred_at").first().occurred_at
    assert (timezone.now() - oldest).days > 3 * 365 - 10
    mix = Counter(Incident.objects.values_list("category", flat=True))
    mostly = mix["domestic_violence"] + mix["theft"] + mix["domestic_conflict"]
    assert mostly / incidents > 0.6


def test_records_hang_together(seeded):
    """Every incident is in its officer's station's village, during the officer's shift,
    and every officer holds the kit handed over in a confirmed act."""
    incident = Incident.objects.select_related("shift", "village", "reporting_officer").first()
    assert incident.village.station_id == incident.station_id
    assert incident.station_id == incident.reporting_officer.station_id
    assert incident.shift.officer_id == incident.reporting_officer_id
    assert incident.shift.started_at <= incident.occurred_at <= incident.reported_at
    assert Party.objects.filter(incident__category="domestic_violence").exists()
    assert not Handover.objects.filter(confirmed_at__isnull=True).exists()
    held = Counter(Custody.objects.open().values_list("officer_id", flat=True))
    assert set(held.values()) == {5}
    assert Shift.objects.filter(ended_at__isnull=True).count() <= Officer.objects.count()


def test_logins_sign_in_with_the_password_given_and_have_their_roles(seeded, client):
    officer = Officer.objects.select_related("user").first()

    response = client.post(
        reverse("login"),
        {"username": officer.user.username, "password": "scale-password-2022"},
    )

    assert user_role(officer.user) == OFFICER
    # The password is right; next comes enrolling a phone, as for any officer.
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"].startswith(reverse("two_factor_setup"))


def test_without_a_password_nobody_can_sign_in(db):
    seed(1)

    assert User.objects.count() == 8  # a clerk, a supervisor, six officers
    assert not any(user.has_usable_password() for user in User.objects.all())


def test_the_site_goes_on_after_the_seeded_numbers_and_ids(seeded, client, officer_user):
    """New records take fresh ids and the next number of each series."""
    seeded_officer = Officer.objects.select_related("station").first()
    last = Incident.objects.filter(community=seeded_officer.station.village.community)
    year = timezone.localdate().year
    top = last.filter(year=year).order_by("-number").values_list("number", flat=True)[0]
    village = seeded_officer.station.villages.first()

    incident = factories.make_incident(seeded_officer, village=village)
    act = factories.issue(seeded_officer, factories.make_item(seeded_officer.station))

    assert incident.number == f"{year}-{int(top.split('-')[1]) + 1:06d}"
    assert not Handover.objects.filter(number=act.number).exclude(pk=act.pk).exists()
    assert Station.objects.filter(pk=factories.make_station().pk).exists()


def test_a_second_run_adds_communities_beside_the_first(seeded):
    seed(1)

    assert Community.objects.count() == 2
    assert Village.objects.count() == 16
    assert User.objects.filter(username__endswith="-staff").count() == 2


def test_seeded_pages_open(seeded, client, staff_user):
    client.force_login(staff_user)
    incident = Incident.objects.first()

    for url in (reverse("officers:incident_list"), incident.get_absolute_url()):
        assert client.get(url).status_code == 200


def test_it_refuses_zero_communities(db):
    with pytest.raises(CommandError):
        seed(0)
