"""The audit log page: administrators search it and download what they found."""

from django.utils.translation import gettext_lazy as _

from audit.filters import AuditFilter
from audit.models import AuditEntry
from core import exports
from core.mixins import RegistryListView


class AuditLog(RegistryListView):
    model = AuditEntry
    filterset_class = AuditFilter
    template_name = "audit/auditentry_list.html"
    select_related = ("user",)
    paginate_by = 50
    addable = False
    export_columns: tuple[exports.Column, ...] = (
        (_("When"), lambda e: e.at),
        (_("Username"), lambda e: e.username),
        (_("Address"), lambda e: e.address),
        (_("Action"), lambda e: e.get_action_display()),
        (_("Record type"), lambda e: e.object_type),
        (_("Record id"), lambda e: e.object_id),
        (_("What"), lambda e: e.summary),
        (_("Outcome"), lambda e: e.get_outcome_display()),
    )
