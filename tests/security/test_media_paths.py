"""Finding 3: a path that climbs out of an open media folder into incident photos."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import image_bytes

CLIMBS = [
    "/media/officers/../incidents/{name}",
    "/media/officers/%2e%2e/incidents/{name}",
    "/media/officers/..%2fincidents/{name}",
    "/media/officers/%2E%2E%2Fincidents/{name}",
    "/media/officers/./../incidents/{name}",
    "/media/officers//../incidents/{name}",
    "/media/officers/..%5cincidents/{name}",
]


@pytest.fixture
def incident_photo(db):
    return default_storage.save("incidents/victim.jpg", ContentFile(image_bytes()))


@pytest.mark.parametrize("url", CLIMBS)
def test_attack_climbing_out_of_an_open_folder_to_an_incident_photo_is_refused(
    client_for, staff_user, incident_photo, url
):
    client = client_for(staff_user)

    response = client.get(url.format(name=incident_photo.removeprefix("incidents/")))

    assert response.status_code == 404


def test_the_incident_photo_itself_is_not_an_open_media_file(
    client_for, staff_user, incident_photo
):
    response = client_for(staff_user).get(f"/media/{incident_photo}")

    assert response.status_code == 404


def test_a_photo_in_an_open_folder_is_still_served(client_for, staff_user):
    name = default_storage.save("officers/me.jpg", ContentFile(image_bytes()))

    response = client_for(staff_user).get(f"/media/{name}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
