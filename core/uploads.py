"""Where uploaded files are stored: random names, never the name the user gave."""

import uuid

from django.db.models import Model
from django.utils.deconstruct import deconstructible


@deconstructible
class RandomName:
    """An ``upload_to`` that stores files as ``<folder>/<uuid>.<extension>``."""

    def __init__(self, folder: str, extension: str) -> None:
        self.folder = folder
        self.extension = extension

    def __call__(self, instance: Model, filename: str) -> str:
        return f"{self.folder}/{uuid.uuid4().hex}.{self.extension}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RandomName) and (self.folder, self.extension) == (
            other.folder,
            other.extension,
        )
