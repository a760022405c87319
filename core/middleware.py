"""Request-wide rules: the interface language, the size of a request, security headers,
one log line per refusal or server error, and a form's redirect followed by a script."""

import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers

from core.offline import FOLLOW_ONLY, OFFLINE_COPY

logger = logging.getLogger("policing.errors")

GetResponse = Callable[[HttpRequest], HttpResponseBase]


class CookieLocaleMiddleware:
    """Ukrainian unless the person chose English with the switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, which on most
    office computers says English; the programme's working language is Ukrainian.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in self.supported:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", code)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request whose body is larger than its page takes, before a byte of it is
    read (Django reads a whole upload before a form can say it is too large).

    A page that takes a larger file says so with ``upload_max_bytes`` on its view (a
    photo, ``core.images.takes_photos``; a memorandum's PDF); every other page takes
    ``REQUEST_BODY_MAX_BYTES``. Sits before the CSRF check, which reads the body.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponseBase],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        view = getattr(view_func, "view_class", view_func)
        limit = getattr(view, "upload_max_bytes", settings.REQUEST_BODY_MAX_BYTES)
        try:
            size = int(request.headers.get("content-length") or 0)
        except ValueError:
            size = 0
        if size > limit:
            logger.warning("Request body of %s bytes refused on %s", size, request.path)
            return too_large(request, limit)
        return None


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    # No "Connection: close" here: WSGI servers refuse hop-by-hop headers from the app,
    # and gunicorn closes a connection whose body was left unread itself.
    return render(request, "errors/413.html", {"limit": limit}, status=413)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself; server errors get a reference to quote."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if getattr(request, "offline_copy", False):
            response.headers[OFFLINE_COPY] = "1"  # core.offline.keep_offline
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # A signed-in page stays out of the browser's cache (a victim's details
            # must not open with Back on a shared phone); the offline copies that the
            # service worker keeps are its own, and go at sign-out.
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, Http404 | PermissionDenied | SuspiciousOperation):
            # An answer, not a fault: one line, so that real server errors stand out.
            logger.warning("%s on %s %s", type(exception).__name__, request.method, request.path)
            return None
        reference = uuid.uuid4().hex[:12]
        # for the 500 page (core.views.error_500); HttpRequest declares no such attribute
        request.error_reference = reference  # type: ignore[attr-defined]
        logger.error(
            "Server error %s on %s %s",
            reference,
            request.method,
            request.path,
            exc_info=exception,
        )


class FollowOnlyMiddleware:
    """A form sent by keep.js follows its redirect only to learn where it landed: that
    page is not rendered for it, so no bytes travel twice on a weak signal. The form's
    message stays for the page the browser opens next; a form the outbox sent later
    is told of by the outbox itself, so its message goes (it would show on some later
    page, out of place). Sits after the messages' middleware."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        follow = request.headers.get(FOLLOW_ONLY)
        if request.method != "GET" or not follow:
            return self.get_response(request)
        if follow == "outbox":
            for _message in messages.get_messages(request):
                pass  # read, and so gone
        return HttpResponse(status=204)
