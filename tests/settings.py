"""The settings of a test run: the project's own as on a developer's checkout (DEBUG on),
so that a bare ``pytest`` works without the ``.env`` file that ``make`` writes."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from policing.settings import *  # noqa: F403
