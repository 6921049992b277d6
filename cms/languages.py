"""Which URL a page has in each site language: the switcher's links and hreflang alternates."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info, override


def language_link(code: str, url: str, current: str) -> dict:
    return {
        "code": code,
        # BCP 47 spelling for hreflang: zh-Hans, not zh-hans.
        "hreflang": "-".join(
            [
                part if i == 0 else part.title() if len(part) == 4 else part.upper()
                for i, part in enumerate(code.split("-"))
            ]
        ),
        "name": get_language_info(code)["name_local"],
        "url": url,
        "current": code == current,
    }


def path_language_links(request: HttpRequest) -> list[dict]:
    """This same URL in every site language (forum pages: the prefix changes, nothing else)."""
    path, current = request.get_full_path(), get_language()
    return [
        language_link(code, translate_url(path, code), current) for code, _ in settings.LANGUAGES
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


def url_in_language(url: str, code: str, request: HttpRequest | None = None) -> str:
    """The same page's URL in another language, for forum URLs and Wagtail pages alike.

    A Wagtail page's slugs are translated, so its URL cannot be rewritten by prefix alone: the
    page is found by routing the path in its own language, then asked for its URL in ``code``.
    """
    from urllib.parse import urlsplit

    from django.urls import Resolver404, resolve
    from django.utils.translation import get_language_from_path
    from wagtail.models import Site

    parts = urlsplit(url)
    source = get_language_from_path(parts.path)
    try:
        match = resolve(parts.path) if source is None else None
        if source is not None:
            with override(source):
                match = resolve(parts.path)
    except Resolver404:
        return translate_url(url, code)
    if match.url_name != "wagtail_serve" or request is None:
        return translate_url(url, code)
    site = Site.find_for_request(request)
    if site is None:
        return translate_url(url, code)
    components = [part for part in match.args[0].split("/") if part] if match.args else []
    try:
        with override(source or get_language()):
            page = site.root_page.specific.route(request, components).page
    except Http404:  # no page there: the prefix rewrite is the best guess
        return translate_url(url, code)
    with override(code):
        target = page.get_url(request=request)
    if not target:
        return translate_url(url, code)
    return f"{target}?{parts.query}" if parts.query else target


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
