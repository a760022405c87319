from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Plain helpers every app may use; it imports no app of the project."""

    name = "core"
    verbose_name = _("Shared helpers")

    def ready(self) -> None:
        from core import choices, sqlite  # noqa: F401 (choices connects its signals)

        connection_created.connect(sqlite.install, dispatch_uid="policing_sqlite_like")
