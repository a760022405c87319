"""Breadcrumbs: the way back from a page to the home page, declared by its view.

A view puts ``breadcrumbs`` into its context: the crumbs after the home page's, each a
``(label, url)``, the last one the page itself, without a link. ``base.html`` shows them
(``templates/includes/_breadcrumbs.html``), the link to the home page first. Class-based
views of a registry get theirs from ``core.mixins``; function views build theirs here.
"""

Crumb = tuple[str, str | None]


def breadcrumbs(*links: tuple[str, str], here: str) -> list[Crumb]:
    """``links`` from the home page down, then ``here``, the page itself."""
    return [*links, (here, None)]
