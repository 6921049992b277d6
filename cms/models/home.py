"""The site's home page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import PillarBlock
from cms.models.pages import SitePage


class HomePage(SitePage):
    """The site's root: the association's pillars, its programs, latest threads, next events."""

    intro = models.TextField(_("introduction"), blank=True)
    pillars = StreamField([("pillar", PillarBlock())], blank=True, verbose_name=_("pillars"))

    content_fields = ("title", "intro", "pillars")
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("pillars")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["programs"] = selectors.program_cards()
        context["latest_threads"] = selectors.latest_threads(request.user)
        context["upcoming_events"] = selectors.upcoming_events(limit=3)
        return context
