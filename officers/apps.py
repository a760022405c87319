from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "officers"
    verbose_name = _("Officers")

    def ready(self) -> None:
        from officers import rules  # noqa: F401 (declares the app's object rules)
