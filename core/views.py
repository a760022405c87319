"""Pages every app shares: the health check, uploaded files and the error pages."""

import mimetypes

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

from core.refusals import Refused


def health(request: HttpRequest) -> HttpResponse:
    """Says the app server answers, for a load balancer; touches no database or cache,
    so the benchmark measures every page against it."""
    return HttpResponse("ok", content_type="text/plain")


# Folders of uploads that every signed-in person may open. Incident photos are not
# among them: they go out only through officers:attachment_file, which checks who asks.
MEDIA_FOLDERS = ("officers/", "stations/", "memoranda/")


def is_open_media_path(path: str) -> bool:
    """Whether ``path`` names a file in one of the open folders, as written: a path
    with ``..``, ``.``, an empty segment or a backslash could climb out of the folder
    it starts with after the check, so it is refused rather than normalised."""
    parts = path.split("/")
    return (
        path.startswith(MEDIA_FOLDERS)
        and "\\" not in path
        and all(part not in ("", ".", "..") for part in parts)
    )


@login_required
def media(request: HttpRequest, path: str) -> FileResponse:
    """Uploaded photos and documents, to signed-in people only (not public)."""
    if not is_open_media_path(path) or not default_storage.exists(path):
        raise Http404
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(
        default_storage.open(path), content_type=content_type or "application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Only a Refused carries a reason meant for the person; other messages stay unsaid.
    reason = exception.reason if isinstance(exception, Refused) else ""
    return render(request, "errors/403.html", {"reason": reason}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page older than the browser's sign-in (another tab, a sign-out
    or a new sign-in since): the person is told so and opens the page again, rather
    than reading Django's technical page. Typed text stays in the browser (keep.js)."""
    return render(request, "errors/403_csrf.html", {"again": request.get_full_path()}, status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No request context: the page must render even when the database is down.
    reference = getattr(request, "error_reference", "")
    return HttpResponseServerError(render_to_string("errors/500.html", {"reference": reference}))
