"""The programs' index and one page per program area."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.pages import SitePage
from forum.models import ProgramArea


class ProgramIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_fields = ("title", "intro")
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProgramPage"]
    max_count = 1

    class Meta:
        verbose_name = _("program index")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["programs"] = selectors.program_cards()
        return context


class ProgramPage(SitePage):
    """One program area's page: its story in the editors' words, its boards and threads."""

    area = models.ForeignKey(
        ProgramArea,
        on_delete=models.PROTECT,
        related_name="program_pages",
        verbose_name=_("program area"),
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("area"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.ProgramIndexPage"]
    subpage_types = ["cms.StandardPage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("area"),
    ]

    class Meta:
        verbose_name = _("program page")

    def clean(self):
        super().clean()
        if self.area_id:
            taken = ProgramPage.objects.filter(area_id=self.area_id).exclude(pk=self.pk)
            if taken.exists():
                message = _("This program area already has its page: %(title)s.")
                raise ValidationError({"area": message % {"title": taken.first().title}})

    def get_context(self, request, *args, **kwargs):
        from django.utils.translation import get_language

        from cms import selectors
        from forum.activity import with_activity

        context = super().get_context(request, *args, **kwargs)
        context["boards"] = with_activity(
            request.user,
            selectors.area_boards(request.user, self.area_id),
            language=get_language(),
        )
        context["latest_threads"] = selectors.latest_threads(request.user, area_id=self.area_id)
        context["upcoming_events"] = selectors.upcoming_events(area_id=self.area_id, limit=3)
        return context
