from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StationsConfig(AppConfig):
    name = "stations"
    verbose_name = _("Territory and stations")

    def ready(self) -> None:
        from stations import rules  # noqa: F401 (declares the app's object rules)
