"""Requests the audit log records by their answer: downloads, use of Django admin, and
refusals (403, 404) to a signed-in person."""

from audit.record import Action, Outcome, record


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        what = f"{request.method} {request.get_full_path()}"[:500]
        status = response.status_code
        if status in (403, 404):
            record(Action.DENIED, request=request, summary=what, outcome=Outcome.DENIED)
        elif request.path_info.startswith("/admin/"):
            record(Action.ADMIN, request=request, summary=what)
        elif response.get("Content-Disposition", "").startswith("attachment"):
            record(Action.EXPORTED, request=request, summary=what)
        return response
