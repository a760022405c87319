"""The audit log: who did what, when, from where, with what outcome.

Entries are only ever added. The model refuses to change or delete one; on PostgreSQL
the database refuses it too (triggers from django-pgtrigger), except that entries older
than the retention floor may be removed by ``prune_audit``.
"""

import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Entries younger than this are never removed, by the command or by the database.
RETENTION_FLOOR_DAYS = 365


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit entry."""


class AuditQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AuditQuerySet":
        return self if user.has_perm("audit.view_auditentry") else self.none()

    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries are never changed.")

    def delete(self):
        raise AppendOnlyError("Audit entries are removed only by prune_audit.")

    def _prune(self):
        """The retention command's way out: only entries past the floor."""
        floor = timezone.now() - timezone.timedelta(days=RETENTION_FLOOR_DAYS)
        return models.QuerySet.delete(self.filter(at__lt=floor))


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        SIGN_IN = "sign_in", _("Signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
        SIGN_OUT = "sign_out", _("Signed out")
        LOCKED_OUT = "locked_out", _("Account locked")
        CODE_FAILED = "code_failed", _("Wrong two-factor code")
        PHONE_ENROLLED = "phone_enrolled", _("Phone enrolled for two-factor sign-in")
        PHONE_REMOVED = "phone_removed", _("Phone removed from two-factor sign-in")
        ROLE_CHANGED = "role_changed", _("Roles or permissions changed")
        CREATED = "created", _("Record created")
        UPDATED = "updated", _("Record changed")
        RESTRICTED_VIEW = "restricted_view", _("Restricted details seen")
        EXPORTED = "exported", _("Data downloaded")
        ANONYMISED = "anonymised", _("Parties anonymised")
        SUBJECT_ACCESS = "subject_access", _("Subject access report searched")
        ADMIN = "admin", _("Django admin used")
        DENIED = "denied", _("Request refused")

    class Outcome(models.TextChoices):
        OK = "ok", _("done")
        FAILED = "failed", _("failed")
        DENIED = "denied", _("refused")

    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    username = models.CharField(
        _("username"), max_length=150, blank=True, help_text=_("As typed, for failed sign-ins.")
    )
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    summary = models.CharField(_("what"), max_length=500, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.OK
    )

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        default_permissions = ["view"]
        indexes = [
            models.Index(fields=["-at", "-id"], name="audit_at_idx"),
            models.Index(fields=["action", "-at"], name="audit_action_idx"),
            models.Index(fields=["user", "-at"], name="audit_user_idx"),
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["address"], name="audit_address_idx"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="audit_entries_never_change",
                operation=pgtrigger.Update,
            ),
            pgtrigger.Protect(
                name="audit_entries_kept_a_year",
                operation=pgtrigger.Delete,
                condition=pgtrigger.Condition(
                    f"OLD.at > now() - interval '{RETENTION_FLOOR_DAYS} days'"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries are removed only by prune_audit.")
