from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffendersConfig(AppConfig):
    name = "offenders"
    verbose_name = _("Preventive register of offenders")

    def ready(self) -> None:
        from offenders import rules  # noqa: F401  (the app's object rules)
