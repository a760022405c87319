"""What the base layout needs beside the navigation."""

from django.conf import settings
from django.http import HttpRequest


def session(request: HttpRequest) -> dict[str, int]:
    """How long a session lasts without activity: keep.js warns before it ends."""
    return {"session_seconds": settings.SESSION_COOKIE_AGE}
