"""Uploaded photos: checked for what they really are, then re-encoded.

Whatever a person uploads, what is stored is a fresh JPEG drawn from the decoded
pixels: turned upright by its EXIF orientation, bounded in size, and carrying no
metadata (no camera serial, no GPS position). A thumbnail is stored beside it for lists.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[Any]  # what PhotoFormMixin is mixed into
else:
    _ModelForm = object

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}

View = TypeVar("View")


def takes_photos(view: View) -> View:
    """Mark a view (a function or a class) whose form takes a photo: its request may be
    as large as a photo at its largest and the form around it, where every other page
    takes less (core.middleware.RequestSizeLimitMiddleware)."""
    setattr(view, "upload_max_bytes", settings.PHOTO_REQUEST_MAX_BYTES)  # noqa: B010
    return view


def _encode(image: Image.Image, side: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels only; transparent areas become white."""
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def reencode_image(upload: File[bytes]) -> tuple[ContentFile[bytes], ContentFile[bytes]]:
    """Check an uploaded image and return (stored image, thumbnail) as JPEG files.

    Raises ValidationError with a message for the form field when the file is too
    large, is not a JPEG/PNG/WebP image, or would decode to too many pixels.
    """
    if upload.size > settings.IMAGE_UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest photo accepted is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.IMAGE_UPLOAD_MAX_BYTES),
            },
        )
    not_an_image = ValidationError(
        _("This file is not a JPEG, PNG or WebP image."), code="not_an_image"
    )
    too_many_pixels = ValidationError(
        _("The image has too many pixels (more than %(limit)s megapixels)."),
        code="too_many_pixels",
        params={"limit": settings.IMAGE_UPLOAD_MAX_PIXELS // 1_000_000},
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(upload)
            if image.format not in ACCEPTED_FORMATS:
                raise not_an_image
            width, height = image.size
            if width * height > settings.IMAGE_UPLOAD_MAX_PIXELS:
                raise too_many_pixels
            image.load()
            image = _flatten(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise too_many_pixels from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise not_an_image from exc
    stored = ContentFile(_encode(image, settings.IMAGE_STORED_MAX_SIDE), name="photo.jpg")
    thumb = ContentFile(_encode(image, settings.IMAGE_THUMBNAIL_SIDE), name="thumb.jpg")
    return stored, thumb


def _photo_help() -> str:
    return gettext("JPEG, PNG or WebP, up to %(limit)s. Location and camera data are removed.") % {
        "limit": filesizeformat(settings.IMAGE_UPLOAD_MAX_BYTES)
    }


_photo_help_text = lazy(_photo_help, str)


class PhotoField(forms.FileField):
    """A file field that accepts only real photos and cleans to a re-encoded JPEG.

    The cleaned value carries the thumbnail as ``.thumbnail``.
    """

    # data-photo: the browser shrinks the photo before it is sent (static/js/photos.js)
    widget = forms.ClearableFileInput(
        attrs={"accept": "image/jpeg,image/png,image/webp", "data-photo": True}
    )

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _photo_help_text())
        super().__init__(**kwargs)

    def to_python(self, data: File[Any] | None) -> File[Any] | None:
        upload = super().to_python(data)
        if upload is None:
            return None
        stored, thumb = reencode_image(upload)
        # the form reads it (PhotoFormMixin); File declares no such attribute
        stored.thumbnail = thumb  # type: ignore[attr-defined]
        return stored


class PhotoFormMixin(_ModelForm):
    """For ModelForms with ``photo`` and ``photo_thumbnail``: keep the two in step."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        assert cleaned is not None  # a ModelForm's clean() returns its cleaned_data
        photo = cleaned.get("photo")
        if photo is False:
            self.instance.photo_thumbnail = ""
        elif photo is not None and hasattr(photo, "thumbnail"):
            self.instance.photo_thumbnail = photo.thumbnail
        return cleaned
