"""What the audit log hears about without any view's help: signing in and out,
lock-outs, role changes, every saved domain record, restricted views, phones."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.models import HistoricalChanges

from audit.record import Action, Outcome, record

# Apps whose records are the programme's data; every save of theirs is logged.
DOMAIN_APPS = {"policing", "stations", "officers"}
# Kept in their own way: counters, and the log of restricted views (logged below).
NOT_RECORDS = {"stations.numbersequence", "officers.restrictedview"}

User = get_user_model()


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def signed_in(sender, request, user, **kwargs):
    record(Action.SIGN_IN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def signed_out(sender, request, user, **kwargs):
    record(Action.SIGN_OUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # Only the username typed: never the password.
    typed = str(credentials.get("username") or "")
    # A password checked for something other than signing in says what for, and on
    # whose screen it was typed (the entry's username is the account it counts against).
    purpose = str(credentials.get("purpose") or "")
    at_screen = getattr(request, "user", None)
    if purpose and at_screen is not None and at_screen.is_authenticated:
        purpose += f", typed in the session of {at_screen.get_username()}"
    record(
        Action.SIGN_IN_FAILED,
        request=request,
        username=typed,
        summary=purpose,
        outcome=Outcome.FAILED,
    )


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    record(Action.LOCKED_OUT, request=request, username=username or "", outcome=Outcome.DENIED)


@receiver(post_save, dispatch_uid="audit_saved_record")
def saved(sender, instance, created, raw, update_fields=None, **kwargs):
    meta = sender._meta
    if raw or meta.app_label not in DOMAIN_APPS or issubclass(sender, HistoricalChanges):
        return
    if meta.label_lower in NOT_RECORDS:
        if meta.label_lower == "officers.restrictedview" and created:
            record(
                Action.RESTRICTED_VIEW,
                user=instance.user,
                obj=instance.incident,
                summary=instance.what,
            )
        return
    if sender is User and update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # every sign-in touches it; the sign-in itself is logged
    fields = ", ".join(sorted(update_fields)) if update_fields else ""
    record(Action.CREATED if created else Action.UPDATED, obj=instance, summary=fields)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="audit_groups")
@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="audit_permissions")
def roles_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    names = sorted(str(o) for o in model.objects.filter(pk__in=pk_set or []))
    verb = {"post_add": "+", "post_remove": "−", "post_clear": "− all"}[action]
    label = "groups" if model is Group else "permissions"
    record(Action.ROLE_CHANGED, obj=instance, summary=f"{label} {verb} {', '.join(names)}")


@receiver(post_save, sender=TOTPDevice, dispatch_uid="audit_phone_enrolled")
def phone_enrolled(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if not raw and update_fields is not None and "confirmed" in update_fields:
        record(Action.PHONE_ENROLLED, obj=instance.user)


@receiver(post_delete, sender=TOTPDevice, dispatch_uid="audit_phone_removed")
def phone_removed(sender, instance, **kwargs):
    if instance.confirmed:
        record(Action.PHONE_REMOVED, obj=instance.user)
