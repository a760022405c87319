"""Finding 12: a 50 MB upload to an officer's edit form was read whole before it was
refused; no request-size cap anywhere."""

from wsgiref.util import is_hop_by_hop

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories

MB = 1024 * 1024


class CountingBody:
    """A request body of ``size`` bytes that counts what the server reads of it."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def read(self, n: int = -1) -> bytes:
        n = self.size - self.read_bytes if n is None or n < 0 else n
        n = min(n, self.size - self.read_bytes)
        self.read_bytes += n
        return b"0" * n

    def readline(self, limit: int = -1) -> bytes:
        return self.read(min(limit, 64 * 1024) if limit and limit > 0 else 64 * 1024)


def post_body(client, url: str, size: int) -> tuple:
    """A multipart POST of ``size`` bytes to ``url``; the answer and how much was read."""
    body = CountingBody(size)
    response = client.generic(
        "POST",
        url,
        content_type="multipart/form-data; boundary=xyz",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(body.size)},
    )
    return response, body


def test_attack_a_50_mb_upload_is_refused_before_it_is_read(client_for, staff_user, officer):
    response, body = post_body(
        client_for(staff_user), reverse("officers:officer_update", args=[officer.pk]), 50 * MB
    )

    assert response.status_code == 413
    assert body.read_bytes == 0
    # A WSGI server turns a hop-by-hop header from the app into a 500.
    assert not [h for h in response.headers if is_hop_by_hop(h)]
    assert "Надіслане завелике" in response.content.decode()
    # the limit of a page that takes a photo (20 MB and the form), in the page's language
    assert "21,0" in response.content.decode()


def test_a_photo_sized_request_still_reaches_the_form(client_for, staff_user, officer):
    photo = SimpleUploadedFile("me.jpg", b"not a photo" * 1000, content_type="image/jpeg")

    response = client_for(staff_user).post(
        reverse("officers:officer_update", args=[officer.pk]), {"photo": photo}
    )

    assert response.status_code == 200  # the form, with its errors on the fields


@pytest.mark.parametrize(("size_mb", "status"), [(9, 302), (12, 413)])
def test_a_memorandum_page_takes_its_larger_pdf(client_for, staff_user, community, size_mb, status):
    pdf = SimpleUploadedFile(
        "memo.pdf", b"%PDF-1.4\n" + b"0" * (size_mb * MB), content_type="application/pdf"
    )

    response = client_for(staff_user).post(
        reverse("stations:community_update", args=[community.pk]),
        {"name": community.name, "oblast": "Донецька", "memorandum_document": pdf},
    )

    assert response.status_code == status


def test_the_photo_pages_cap_is_a_little_above_the_photo_limit():
    assert settings.IMAGE_UPLOAD_MAX_BYTES < settings.PHOTO_REQUEST_MAX_BYTES
    assert settings.PHOTO_REQUEST_MAX_BYTES <= settings.IMAGE_UPLOAD_MAX_BYTES + 2 * MB


def test_a_page_without_a_photo_still_refuses_a_large_body_unread(
    client_for, officer_user, officer
):
    # Photos raised their own pages' cap only: adding a party takes no file.
    incident = factories.make_incident(officer)
    size = settings.REQUEST_BODY_MAX_BYTES + MB
    assert size < settings.PHOTO_REQUEST_MAX_BYTES

    response, body = post_body(
        client_for(officer_user), reverse("officers:party_add", args=[incident.pk]), size
    )

    assert response.status_code == 413
    assert body.read_bytes == 0
    assert not incident.parties.exists()


@pytest.mark.parametrize(
    "name", ["officers:incident_create", "officers:officer_create", "stations:station_create"]
)
def test_the_pages_that_take_a_photo_refuse_more_than_a_photo_unread(client_for, admin_user, name):
    body = CountingBody(settings.PHOTO_REQUEST_MAX_BYTES + 1)

    response = client_for(admin_user).generic(
        "POST",
        reverse(name),
        content_type="multipart/form-data; boundary=xyz",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(body.size)},
    )

    assert response.status_code == 413
    assert body.read_bytes == 0
