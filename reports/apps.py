from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """What the council and the supervisors read: the dashboard and the monthly report."""

    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from reports import rules  # noqa: F401  (the app's object rules)
