from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "officers"
    verbose_name = _("Officers")

    def ready(self) -> None:
        # the modules that declare the app's object rules
        from officers import rules  # noqa: F401
        from officers.incidents import rules as incident_rules  # noqa: F401
