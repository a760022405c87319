from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search box over the registries and the incidents (and its indexes)."""

    name = "search"
    verbose_name = _("Search")
