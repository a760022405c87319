"""The settings of a test run: the project's own as on a developer's checkout (DEBUG on),
so that a bare ``pytest`` works without the ``.env`` file that ``make`` writes."""

import os
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "true")

from policing.settings import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in use: the live server's threads then wait for the write lock in turn,
    # where the shared in-memory database refuses at once ("database table is locked")
    # and Django reads a refused session save as a session deleted meanwhile (400).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        # one per process: two runs at once on one machine never share a file
        "NAME": os.path.join(tempfile.gettempdir(), f"test_policing_{os.getpid()}.sqlite3")
    }
