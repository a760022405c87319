from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in and roles: who a person is and what their role lets them do."""

    name = "accounts"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from accounts.roles import sync_roles_after_migrate

        # Roles live in code: every migrate brings the groups up to date.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="policing_sync_roles")
