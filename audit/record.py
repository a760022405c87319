"""Writing an audit entry, with the person and address of the request at hand.

The entry is written on the same database connection, so inside a transaction it
commits or rolls back with the change it records.
"""

import contextlib
import contextvars

from simple_history.models import HistoricalRecords

from audit.models import AuditEntry

Action = AuditEntry.Action
Outcome = AuditEntry.Outcome

_suspended = contextvars.ContextVar("audit_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """Write nothing while loading data in bulk: a restored backup brings its own audit
    rows, and seeded measuring data is not anybody's action."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def current_request():
    """The request being served (django-simple-history's middleware keeps it)."""
    return getattr(HistoricalRecords.context, "request", None)


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None if request is not None else None


def record(
    action: str,
    *,
    request=None,
    user=None,
    username: str = "",
    obj=None,
    summary: str = "",
    outcome: str = Outcome.OK,
) -> AuditEntry | None:
    if _suspended.get():
        return None
    request = request if request is not None else current_request()
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    if user is not None and not user.pk:
        user = None
    object_type = object_id = ""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
    return AuditEntry.objects.create(
        user=user,
        username=(username or (user.get_username() if user else ""))[:150],
        address=client_address(request),
        action=action,
        object_type=object_type,
        object_id=object_id,
        summary=summary[:500],
        outcome=outcome,
    )
