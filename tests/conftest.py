"""Personas and shared set-up.

The world: one community with a station (Stary Krym) that serves two villages, one
officer with a login there, and a second community whose station and officer nobody
from the first may see.
"""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from accounts import two_factor
from accounts.roles import ADMINISTRATOR, COUNCIL_STAFF, OFFICER
from tests import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # Real hashing costs a second per user; the tests sign in dozens of personas.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class TwoFactorClient(Client):
    """A test client whose ``force_login`` also passes the second factor where the role
    needs one, as a person with an enrolled phone does. The tests of two-factor sign-in
    itself use a plain ``Client`` and type real codes."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if not two_factor.is_required(user):
            return
        device = factories.enrolled_phone(user)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


@pytest.fixture
def client():
    return TwoFactorClient()


@pytest.fixture
def community(db):
    return factories.make_community(name="Маріупольська громада")


@pytest.fixture
def village(community):
    return factories.make_village(community, name="Старий Крим", name_latin="Staryi Krym")


@pytest.fixture
def station(village):
    return factories.make_station(village, name="Станція Старий Крим")


@pytest.fixture
def second_village(community, station):
    return factories.make_village(community, name="Виноградне", station=station)


@pytest.fixture
def officer(station, village):
    officer = factories.make_officer(station, surname="Тимофєєв", name="Артем")
    officer.villages.set([village])
    return officer


@pytest.fixture
def other_station(db):
    return factories.make_station(name="Чужа станція")


@pytest.fixture
def other_officer(other_station):
    return factories.make_officer(other_station, surname="Сторонній")


@pytest.fixture
def admin_user(db):
    return factories.make_user(ADMINISTRATOR, "admin", is_staff=True)


@pytest.fixture
def staff_user(db):
    return factories.make_user(COUNCIL_STAFF, "staff")


@pytest.fixture
def supervisor_user(station):
    return factories.make_supervisor(station, "supervisor")


def _login_of(officer, username):
    officer.user = factories.make_user(OFFICER, username)
    officer.save()
    return officer.user


@pytest.fixture
def staff(client, staff_user):
    """The test client, signed in as council staff."""
    client.force_login(staff_user)
    return client


@pytest.fixture
def officer_user(officer):
    return _login_of(officer, "officer")


@pytest.fixture
def other_officer_user(other_officer):
    return _login_of(other_officer, "stranger")


@pytest.fixture
def radio(station):
    return factories.make_item(station, "radio")


@pytest.fixture
def pistol(station):
    return factories.make_item(station, "weapon", model_name="Форт-17")


@pytest.fixture
def act(officer_user, officer, radio, staff_user):
    """An unconfirmed act issuing the radio to the officer."""
    return factories.issue(officer, radio, by=staff_user)


@pytest.fixture
def confirmed_act(officer_user, officer, pistol, staff_user):
    return factories.issue(officer, pistol, by=staff_user, confirmed=True)


@pytest.fixture
def client_for(client):
    """Log the test client in as the given user and return it."""

    def login(user):
        if user is not None:
            client.force_login(user)
        return client

    return login
