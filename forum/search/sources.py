"""Where page documents come from: an app with pages registers a builder here (cms does, in its
``AppConfig.ready``), so search indexes pages without importing the app that defines them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wagtail.models import Page

    from forum.search.documents import IndexDoc

# A page (already ``.specific``) → its documents; [] for a page the builder does not know.
PageDocuments = Callable[["Page"], "list[IndexDoc]"]

_page_builders: list[PageDocuments] = []


def register_pages(builder: PageDocuments) -> None:
    """Index pages through ``builder`` too (registering the same builder twice changes nothing)."""
    if builder not in _page_builders:
        _page_builders.append(builder)


def page_builders() -> tuple[PageDocuments, ...]:
    """The registered builders, in the order they were registered."""
    return tuple(_page_builders)
