"""The site's sitemaps: every public page, public board and thread of a public board, once per
language, under one index (/sitemap.xml → /sitemap-<section>.xml, threads in pages).

Django's sitemap framework does the languages (``i18n``): each URL is listed in every site
language with its ``hreflang`` alternates (``x-default`` is English). Only what a visitor may
read is listed: live pages without view restrictions, public boards, and the threads their
pages list (not held, not merged), each with the moment it last changed.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import index, sitemap
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from wagtail.models import Page

from forum.caching import activity_version, listing_version
from forum.models import Board, Thread
from forum.selectors import listed_threads


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # an unprefixed URL cannot name a page whose slugs are translated

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).order_by("path")

    def location(self, page):
        # Called with each language active in turn; slugs, hence URLs, are per language.
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at


class BoardSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False  # an unprefixed URL cannot name a page whose slugs are translated
    changefreq = "hourly"

    def items(self):
        return (
            Board.objects.filter(visibility=Board.Visibility.PUBLIC)
            .select_related("area")
            .order_by("area__position", "area__slug", "position", "slug")
        )

    def location(self, board):
        return reverse("forum:board", kwargs={"area": board.area.slug, "board": board.slug})

    def lastmod(self, board):
        return board.changed_at


class ThreadSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = False
    changefreq = "daily"
    # Items per page: each is listed in eight languages, and a sitemap holds 50,000 URLs.
    limit = 5_000

    def items(self):
        return (
            listed_threads(Thread.objects.filter(board__visibility=Board.Visibility.PUBLIC))
            .only("pk", "changed_at", "last_post_at")
            .order_by("pk")
        )

    def location(self, thread):
        return reverse("forum:thread", args=[thread.pk])

    def lastmod(self, thread):
        # A reply added at the end moves only last_post_at (forum/services/posting.py).
        return max(thread.changed_at, thread.last_post_at)


SITEMAPS: dict[str, type[Sitemap] | Sitemap] = {
    "pages": PageSitemap,
    "boards": BoardSitemap,
    "threads": ThreadSitemap,
}


def _cached(view, request: HttpRequest, **kwargs) -> HttpResponse:
    """Kept 15 minutes and until the listing or a board's list moves (a page published, a
    board opened or closed, a thread started or renamed): thousands of URLs, built once."""
    key_prefix = f"sitemap:{listing_version()}:{activity_version()}"
    return cache_page(15 * 60, key_prefix=key_prefix)(view)(request, sitemaps=SITEMAPS, **kwargs)


def cached_sitemap_index(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the sections, the threads' in as many pages as they fill."""
    return _cached(index, request, sitemap_url_name="sitemap_section")


def cached_sitemap(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SITEMAPS:
        raise Http404
    return _cached(sitemap, request, section=section)
