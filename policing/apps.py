from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PolicingConfig(AppConfig):
    """The project package; an app only because the user model lives here."""

    name = "policing"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        post_migrate.connect(
            create_cache_table_after_migrate, sender=self, dispatch_uid="policing_cache_table"
        )


def create_cache_table_after_migrate(sender, using: str, **kwargs) -> None:
    """The database cache's table comes with ``migrate``, so that no page and no command
    fails on a database set up by hand; ``createcachetable`` skips a table that exists."""
    call_command("createcachetable", database=using, verbosity=0)
