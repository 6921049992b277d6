from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from modeltranslation.utils import build_localized_fieldname, get_language
from wagtail.models import Site

from forum.caching import LISTING_TIMEOUT, listing_version


def _menu_items(request: HttpRequest) -> list[dict]:
    """The home page's live children marked "show in menus" (Wagtail's own flag), in order."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    items = []
    for page in site.root_page.get_children().live().in_menu().order_by("path"):
        url = page.get_url(request=request)
        if url:
            # page.title already falls back to English (modeltranslation): this language's own
            # field says whether the title is in the page's language or must be marked English.
            own_title = getattr(page, build_localized_fieldname("title", get_language()), "")
            items.append(
                {
                    "title": own_title or page.title_en or page.draft_title,
                    "url": url,
                    "lang": "" if own_title else "en",
                    "dir": "" if own_title else "ltr",
                }
            )
    return items


def _site_menu(request: HttpRequest) -> list[dict]:
    # The same for every visitor of a host in a language; cms/signals.py moves the version
    # whenever a page is published, unpublished, moved or deleted.
    key = f"cms:menu:{request.get_host()}:{get_language()}:{listing_version()}"
    items = cache.get(key)
    if items is None:
        items = _menu_items(request)
        cache.set(key, items, LISTING_TIMEOUT)
    return [{**item, "current": request.path.startswith(item["url"])} for item in items]


def site(request: HttpRequest) -> dict:
    return {"site_menu": SimpleLazyObject(lambda: _site_menu(request))}
