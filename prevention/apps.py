from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "prevention"
    verbose_name = _("Preventive work")

    def ready(self) -> None:
        from prevention import rules  # noqa: F401  (the app's object rules)
