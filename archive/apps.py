from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """The whole database and its uploads in one file, and back (``export_archive``,
    ``import_archive``)."""

    name = "archive"
    verbose_name = _("Archive")
