"""The phone's offline part: the service worker and the manifest the browser installs,
the page it shows for a page it has not kept, and the mark on pages it may keep.

The service worker keeps only pages that carry the mark (``keep_offline``): an officer's
own pages, never a restricted record or somebody else's; sign-out clears what it kept.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles.finders import find
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

# The header a page carries when the service worker may keep it for reading offline.
OFFLINE_COPY = "X-Offline-Copy"
# A request that only follows a form's redirect sends this; the page it lands on is not
# rendered for it (keep.js opens that page itself, with its message).
FOLLOW_ONLY = "X-Follow-Only"

# What every page needs, kept when the worker installs.
SHELL = (
    "bootstrap/css/bootstrap.min.css",
    "css/site.css",
    "bootstrap/js/bootstrap.bundle.min.js",
    "js/site.js",
    "js/outbox.js",
    "js/keep.js",
    "favicon.svg",
    "icons/icon-192.png",
)
WORKER_SOURCE = Path(settings.BASE_DIR) / "templates" / "offline" / "sw.js"


def keep_offline(request: HttpRequest) -> None:
    """Let the service worker keep the page this request renders, to be read offline
    as last seen: the page says so (base.html) and its answer carries the mark
    (core.middleware.SecurityHeadersMiddleware)."""
    request.offline_copy = True  # type: ignore[attr-defined]  # read by the layout


@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, from the site's root so that it may answer for every page."""
    shell = [static(path) for path in SHELL]
    # A new version whenever a kept file changes: in production the hashed names say
    # so; in development, where the names stay, the files' times do.
    changed = [str(Path(found).stat().st_mtime) for path in SHELL if (found := find(path))]
    signature = "|".join([*shell, *changed, WORKER_SOURCE.read_text()])
    version = hashlib.sha256(signature.encode()).hexdigest()[:12]
    source = render_to_string(
        "offline/sw.js",
        {
            "version": version,
            "shell": json.dumps(shell),
            "offline_url": json.dumps(reverse("offline")),
            "outbox_url": json.dumps(static("js/outbox.js")),
            "static_prefix": json.dumps(settings.STATIC_URL),
            "copy_header": json.dumps(OFFLINE_COPY),
        },
    )
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest: the site installs on a phone's home screen as an app."""
    data = {
        "name": _("Community Police Officer"),
        "short_name": _("Police officer"),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b3d91",
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


def offline_page(request: HttpRequest) -> HttpResponse:
    """What the phone shows offline for a page it has not kept. Rendered as for a
    visitor, with nobody's name or menu: the worker keeps it for whoever signs in next."""
    request.user = AnonymousUser()
    return render(request, "offline/offline.html")
