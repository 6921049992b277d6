"""This URL in every site language: the header's language links and the redirect that follows a
language change. Forum URLs differ by their prefix only; a Wagtail page's slugs are translated,
so its URL in another language is asked of the page itself."""

from __future__ import annotations

from functools import lru_cache

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
    return _path_language_links(request.get_full_path(), get_language())


@lru_cache(maxsize=2048)  # bounded: any path can be asked for
def _path_language_links(path: str, current: str) -> list[dict]:
    # Each language's URL is a resolve and a reverse: the same for every reader of a page.
    return [
        language_link(code, translate_url(path, code), current) for code, _ in settings.LANGUAGES
    ]


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
        if source is None:
            match = resolve(parts.path)
        else:
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
