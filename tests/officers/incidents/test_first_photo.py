"""A photo on the first incident screen, and photos as large as a phone camera takes
them, sent without the browser's shrinking (a plain form post)."""

import io
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from officers.models import Attachment, Incident
from tests import factories

MB = 1024 * 1024


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {1: "N", 2: (47.0, 9.0, 54.0), 3: "E", 4: (37.0, 29.0, 14.0)}  # GPS
    return exif


def small_photo(name: str = "scene.jpg") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), "green").save(out, format="JPEG", exif=gps_exif())
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def form_key(response) -> str:
    found = re.search(r'name="form_key" value="([0-9a-f-]{36})"', response.content.decode())
    assert found is not None
    return found.group(1)


def stored(attachment: Attachment, settings) -> Image.Image:
    return Image.open(settings.MEDIA_ROOT / attachment.image.name)


@pytest.fixture
def logged_in(client, officer_user):
    client.force_login(officer_user)
    return client


def test_the_first_screen_takes_a_photo_for_the_browser_to_shrink(logged_in):
    content = logged_in.get(reverse("officers:incident_create")).content.decode()

    assert 'enctype="multipart/form-data"' in content
    assert re.search(r'<input type="file" name="photo"[^>]*data-photo', content)
    assert "js/photos.js" in content


def test_the_incident_and_its_photo_are_saved_together(logged_in, village, settings):
    response = logged_in.post(
        reverse("officers:incident_create"),
        {**factories.incident_post(village), "photo": small_photo()},
    )

    incident = Incident.objects.get()
    attachment = Attachment.objects.get()
    assert response.status_code == 302
    assert attachment.incident == incident
    assert not stored(attachment, settings).getexif()  # no camera, no GPS position
    assert incident.events.filter(kind="created").count() == 1


def test_without_a_photo_the_incident_is_saved_alone(logged_in, village):
    logged_in.post(reverse("officers:incident_create"), factories.incident_post(village))

    assert Incident.objects.count() == 1
    assert not Attachment.objects.exists()


def test_the_same_form_sent_twice_makes_one_incident_and_one_photo(logged_in, village):
    url = reverse("officers:incident_create")
    key = form_key(logged_in.get(url))
    data = {**factories.incident_post(village), "form_key": key}

    logged_in.post(url, {**data, "photo": small_photo()})
    again = logged_in.post(url, {**data, "photo": small_photo()}, follow=True)

    assert Incident.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert "нічого не збережено двічі" in again.content.decode()


def test_a_bad_photo_leaves_no_incident(logged_in, village):
    fake = SimpleUploadedFile("scene.jpg", b"<script>alert(1)</script>", "image/jpeg")

    response = logged_in.post(
        reverse("officers:incident_create"), {**factories.incident_post(village), "photo": fake}
    )

    assert "photo" in response.context["form"].errors
    assert "не є зображенням JPEG, PNG або WebP" in response.content.decode()
    assert not Incident.objects.exists()
    assert not Attachment.objects.exists()


def test_a_15_mb_camera_photo_sent_without_the_script_is_stored_reencoded(
    logged_in, village, settings
):
    photo = factories.camera_photo((5000, 3750), noise=0.5, exif=gps_exif())
    assert 14 * MB < len(photo) < 20 * MB

    logged_in.post(
        reverse("officers:incident_create"),
        {
            **factories.incident_post(village),
            "photo": SimpleUploadedFile("IMG_0001.JPG", photo, "image/jpeg"),
        },
    )

    image = stored(Attachment.objects.get(), settings)
    assert max(image.size) == settings.IMAGE_STORED_MAX_SIDE == 1600
    assert not image.getexif()
    assert "exif" not in image.info


def test_a_15_mb_photo_is_taken_by_the_photo_step_too(logged_in, officer, settings):
    incident = factories.make_incident(officer)
    photo = factories.camera_photo((5000, 3750), noise=0.5)
    assert len(photo) > 14 * MB

    logged_in.post(
        reverse("officers:incident_step", args=[incident.pk, "photo"]),
        {"image": SimpleUploadedFile("IMG_0002.JPG", photo, "image/jpeg"), "caption": ""},
    )

    assert max(stored(incident.attachments.get(), settings).size) == 1600


def test_a_photo_over_20_mb_is_refused_on_the_field(logged_in, village):
    # a little over the photo limit, still under the page's cap: the form says why
    huge = factories.image_bytes(size=(300, 300)) + b"\0" * (20 * MB + 200 * 1024)

    response = logged_in.post(
        reverse("officers:incident_create"),
        {
            **factories.incident_post(village),
            "photo": SimpleUploadedFile("huge.jpg", huge, "image/jpeg"),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    assert "найбільше дозволене фото — 20,0" in unescape(response.content.decode())
    assert not Incident.objects.exists()


def test_the_pixel_cap_still_refuses_a_pixel_bomb(logged_in, village, settings):
    # A small file that would decode to 100 million pixels.
    bomb = factories.image_bytes("PNG", size=(10_000, 10_000), color="white")
    assert len(bomb) < MB

    response = logged_in.post(
        reverse("officers:incident_create"),
        {
            **factories.incident_post(village),
            "photo": SimpleUploadedFile("bomb.png", bomb, "image/png"),
        },
    )

    assert "забагато пікселів" in response.content.decode()
    assert not Incident.objects.exists()
