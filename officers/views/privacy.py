"""The subject access report: everything recorded about one person who was a party to
incidents, for an administrator answering that person's request."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from audit.record import Action, record
from core import exports
from core.breadcrumbs import breadcrumbs
from core.forms import bound_data
from officers import privacy
from officers.forms import SubjectAccessForm
from officers.models import RestrictedView

MAX_ROWS = 500
COLUMNS: list[exports.Column] = [
    (_("Incident"), lambda p: p.incident.number),
    (_("Occurred at"), lambda p: p.incident.occurred_at),
    (_("Village"), lambda p: p.incident.village.name),
    (_("Category"), lambda p: p.incident.get_category_display()),
    (_("Role"), lambda p: p.get_role_display()),
    (_("Full name"), lambda p: p.full_name),
    (_("Date of birth"), lambda p: p.date_of_birth),
    (_("Phone"), lambda p: p.phone),
    (_("Address"), lambda p: p.address),
    (_("Notes"), lambda p: p.notes),
]


@login_required
@permission_required("officers.subject_access", raise_exception=True)
@require_http_methods(["GET", "HEAD", "POST"])
def subject_access(request: HttpRequest) -> HttpResponseBase:
    """The search is sent by POST, so that the person's name, birth date and the reason
    stay out of addresses: browser history, server and proxy logs, the audit log."""
    form = SubjectAccessForm(bound_data(request))
    parties = None
    if form.is_valid():
        name, born = form.cleaned_data["full_name"], form.cleaned_data["date_of_birth"]
        with transaction.atomic():
            parties = list(privacy.parties_of(name, born)[:MAX_ROWS])
            _log_search(request, form.cleaned_data, parties)
            _log_restricted(request, parties)
        fmt = request.POST.get("export")
        if fmt in exports.FORMATS:
            return exports.export_response(parties, COLUMNS, "subject-access", fmt)
    return render(
        request,
        "officers/subject_access.html",
        {
            "form": form,
            "parties": parties,
            "limit": MAX_ROWS,
            "breadcrumbs": breadcrumbs(here=_("Subject access report")),
        },
    )


def _log_search(request, search: dict, parties) -> None:
    """Who looked up whom, why, and how much came back: the reason first, so that it
    is never the part cut off."""
    born = f"; born: {search['date_of_birth']:%Y-%m-%d}" if search["date_of_birth"] else ""
    record(
        Action.SUBJECT_ACCESS,
        request=request,
        summary=f"reason: {search['reason']}; name: {search['full_name']}{born}; "
        f"found: {len(parties)}",
    )


def _log_restricted(request, parties) -> None:
    restricted = {p.incident for p in parties if p.incident.is_restricted}
    if not restricted:
        return
    RestrictedView.objects.bulk_create(
        RestrictedView(incident=incident, user=request.user, what=RestrictedView.How.SUBJECT_ACCESS)
        for incident in restricted
    )
    numbers = ", ".join(sorted(i.number for i in restricted))
    record(Action.RESTRICTED_VIEW, request=request, summary=f"subject access: {numbers}"[:500])
