"""Requests the audit log records by their answer: downloads, use of Django admin, and
refusals (403, 404) to a signed-in person."""

import re

from audit.record import Action, Outcome, record

# Parameters whose values are words people type: a victim's name searched for would
# otherwise become readable in the audit log.
FREE_TEXT = {"q", "full_name", "reason", "date_of_birth", "address", "username", "name"}
# What a filter's own value looks like (an id, a date, a choice, a format); any other
# value is typed text too, whatever its parameter is called.
CHOICE_LIKE = re.compile(r"[a-z0-9_.:-]{1,40}")
HIDDEN = "…"


def described(request) -> str:
    """The request as the audit log keeps it: the method, the path and the filters'
    names and values, with every typed word left out."""
    params = []
    for name, values in request.GET.lists():
        shown = name if CHOICE_LIKE.fullmatch(name) else HIDDEN
        for value in filter(None, values):
            typed = name in FREE_TEXT or not CHOICE_LIKE.fullmatch(value)
            params.append(f"{shown}={HIDDEN if typed else value}")
    query = "?" + "&".join(params) if params else ""
    return f"{request.method} {request.path}{query}"[:500]


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        what = described(request)
        status = response.status_code
        if status in (403, 404):
            record(Action.DENIED, request=request, summary=what, outcome=Outcome.DENIED)
        elif request.path_info.startswith("/admin/"):
            record(Action.ADMIN, request=request, summary=what)
        elif response.get("Content-Disposition", "").startswith("attachment"):
            record(Action.EXPORTED, request=request, summary=what)
        return response
