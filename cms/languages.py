"""Which URL a page has in each site language: the switcher's links and hreflang alternates."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, override

# The links any URL has (forum pages too) live in forum; re-exported for cms's callers.
from forum.language_links import language_link, path_language_links, url_in_language

__all__ = [
    "language_link",
    "page_language_links",
    "path_language_links",
    "preview_language",
    "preview_language_links",
    "preview_modes",
    "url_in_language",
]


def page_language_links(page, request: HttpRequest) -> list[dict]:
    """A Wagtail page in every language: slugs are translated, so each language has its URL."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            url = page.get_url(request=request) or translate_url(request.path, code)
        links.append(language_link(code, f"{url}?{query}" if query else url, current))
    return links


def preview_modes() -> list[tuple[str, str]]:
    """Wagtail's preview modes for a page: one per site language, named in that language."""
    return [(code, get_language_info(code)["name_local"]) for code, _ in settings.LANGUAGES]


def preview_language(mode_name: str | None) -> str:
    """The language a preview mode stands for; anything unknown previews in English."""
    codes = [code for code, _ in settings.LANGUAGES]
    return mode_name if mode_name in codes else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def preview_language_links(request: HttpRequest) -> list[dict]:
    """A reviewer's preview (cms/admin_views.py) links to itself in every language.

    The editor's preview panel has Wagtail's own select of modes, so it gets none.
    """
    base = getattr(request, "cms_preview_url", None)
    if not getattr(request, "is_preview", False) or not base:
        return []
    current = preview_language(getattr(request, "preview_mode", None))
    return [language_link(code, f"{base}?mode={code}", current) for code, _ in settings.LANGUAGES]


def is_empty(value) -> bool:
    """A translated field with nothing in it (None, blanks, an empty StreamField or list): the
    English fallback shows instead, and a machine translation may fill it."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return len(value) == 0
    except TypeError:
        return False
