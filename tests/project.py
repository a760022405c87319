"""The project's own code, found by walking its installed apps (not the libraries')."""

import importlib
import inspect
import pkgutil
from pathlib import Path

from django.apps import apps
from django.conf import settings

# The benchmark's tooling, not the site: its locustfile patches the standard library
# (gevent) as soon as it is imported.
NOT_THE_SITE = {"bench"}


def project_apps() -> list[str]:
    """The site's installed apps whose code lies in this checkout, in settings order."""
    base = Path(settings.BASE_DIR)
    return [
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base)
        and ".venv" not in Path(config.path).parts
        and config.name not in NOT_THE_SITE
    ]


def project_classes(base: type):
    """Every subclass of ``base`` defined in a module of the project's apps, except in
    migrations and management commands."""
    for package in project_apps():
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            loaded = importlib.import_module(info.name)
            for _name, value in inspect.getmembers(loaded, inspect.isclass):
                if issubclass(value, base) and value.__module__ == info.name:
                    yield value
