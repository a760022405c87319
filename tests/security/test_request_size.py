"""Finding 12: a 50 MB upload to an officer's edit form was read whole before it was
refused; no request-size cap anywhere."""

from wsgiref.util import is_hop_by_hop

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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


def test_attack_a_50_mb_upload_is_refused_before_it_is_read(client_for, staff_user, officer):
    body = CountingBody(50 * MB)

    response = client_for(staff_user).generic(
        "POST",
        reverse("officers:officer_update", args=[officer.pk]),
        content_type="multipart/form-data; boundary=xyz",
        **{"wsgi.input": body, "CONTENT_LENGTH": str(body.size)},
    )

    assert response.status_code == 413
    assert body.read_bytes == 0
    # A WSGI server turns a hop-by-hop header from the app into a 500.
    assert not [h for h in response.headers if is_hop_by_hop(h)]
    assert "Надіслане завелике" in response.content.decode()
    assert "6,0" in response.content.decode()  # the limit, in the page's language


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


def test_the_cap_is_a_little_above_the_photo_limit():
    assert settings.IMAGE_UPLOAD_MAX_BYTES < settings.REQUEST_BODY_MAX_BYTES
    assert settings.REQUEST_BODY_MAX_BYTES <= settings.IMAGE_UPLOAD_MAX_BYTES + 2 * MB
