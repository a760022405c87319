"""Uploaded photos are checked and re-encoded before anything is stored."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.images import reencode_image
from tests.factories import image_bytes


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def jpeg_with_exif(orientation: int, size=(60, 20)) -> bytes:
    image = Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {2: (47.0, 10.0, 0.0), 1: "N"}  # GPS: latitude 47°10'
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_it_accepts_jpeg_png_and_webp_and_stores_jpeg(fmt):
    stored, thumb = reencode_image(upload(image_bytes(fmt)))

    assert Image.open(stored).format == "JPEG"
    assert Image.open(thumb).format == "JPEG"


def test_it_turns_the_image_upright_by_its_exif_orientation():
    stored, _thumb = reencode_image(upload(jpeg_with_exif(orientation=6)))  # 90° clockwise

    assert Image.open(stored).size == (20, 60)


def test_it_strips_all_metadata_including_gps():
    stored, thumb = reencode_image(upload(jpeg_with_exif(orientation=1)))

    for result in (stored, thumb):
        image = Image.open(result)
        assert not image.getexif()
        assert "exif" not in image.info


def test_it_bounds_the_stored_size_and_makes_a_thumbnail(settings):
    settings.IMAGE_STORED_MAX_SIDE = 100
    settings.IMAGE_THUMBNAIL_SIDE = 20

    stored, thumb = reencode_image(upload(image_bytes(size=(400, 200))))

    assert Image.open(stored).size == (100, 50)
    assert Image.open(thumb).size == (20, 10)


def test_it_refuses_a_file_that_is_not_an_image():
    with pytest.raises(ValidationError) as error:
        reencode_image(upload(b"%PDF-1.4 not a photo at all", name="photo.jpg"))

    assert error.value.code == "not_an_image"


def test_it_refuses_an_image_of_another_format():
    with pytest.raises(ValidationError) as error:
        reencode_image(upload(image_bytes("GIF")))

    assert error.value.code == "not_an_image"


def test_it_refuses_a_truncated_image():
    with pytest.raises(ValidationError) as error:
        reencode_image(upload(image_bytes(size=(300, 300))[:400]))

    assert error.value.code == "not_an_image"


def test_it_refuses_a_decompression_bomb(settings):
    # A small file that would decode to 100 million pixels.
    bomb = image_bytes("PNG", size=(10_000, 10_000), color="white")
    assert len(bomb) < settings.IMAGE_UPLOAD_MAX_BYTES

    with pytest.raises(ValidationError) as error:
        reencode_image(upload(bomb, name="bomb.png"))

    assert error.value.code == "too_many_pixels"


def test_it_refuses_a_bomb_beyond_pillows_own_limit(settings, monkeypatch):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 10**12  # only Pillow's guard stands
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)

    with pytest.raises(ValidationError) as error:
        reencode_image(upload(image_bytes(size=(100, 100))))

    assert error.value.code == "too_many_pixels"


def test_it_refuses_an_oversized_file(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1000

    with pytest.raises(ValidationError) as error:
        reencode_image(upload(image_bytes(size=(300, 300)) + b"\0" * 1000))

    assert error.value.code == "too_large"
