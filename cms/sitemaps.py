"""One sitemap for the site: every public page and public board, once per language.

Django's sitemap framework does the languages (``i18n``): each URL is listed in every site
language with its ``hreflang`` alternates (``x-default`` is English). Only what a visitor may
read is listed: live pages without view restrictions, and public boards.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.models import Page

from forum.models import Board


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


SITEMAPS = {"pages": PageSitemap, "boards": BoardSitemap}
