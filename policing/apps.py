from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PolicingConfig(AppConfig):
    name = "policing"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from policing import choices, sqlite, two_factor  # noqa: F401 (connect signals)
        from policing.roles import sync_roles_after_migrate

        # Roles live in code: every migrate brings the groups up to date.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="policing_sync_roles")
        connection_created.connect(sqlite.install, dispatch_uid="policing_sqlite_like")
