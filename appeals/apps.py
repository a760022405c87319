from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "appeals"
    verbose_name = _("Residents' appeals")

    def ready(self) -> None:
        from appeals import rules  # noqa: F401  (the app's object rules)
