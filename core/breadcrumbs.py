"""Breadcrumbs: the way back from a page to the home page, declared by its view.

A view puts ``breadcrumbs`` into its context: the crumbs after the home page's, each a
``(label, url)``, the last one the page itself, without a link. ``base.html`` shows them
(``templates/includes/_breadcrumbs.html``), the link to the home page first. Class-based
views of a registry get theirs from ``core.mixins``; function views build theirs here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Crumb = tuple["StrOrPromise", str | None]


def breadcrumbs(*links: tuple[StrOrPromise, str], here: StrOrPromise) -> list[Crumb]:
    """``links`` from the home page down, then ``here``, the page itself."""
    return [*links, (here, None)]
