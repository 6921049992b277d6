"""Publications (resources), their topics and their listing."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.pages import LISTING_PAGE_SIZE, SitePage
from forum.models import ProgramArea


class ResourceIndexPage(SitePage):
    """Publications, newest first, filterable by program area (?area=<slug>)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_fields = ("title", "intro")
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ResourcePage"]

    class Meta:
        verbose_name = _("resource listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = (
            ResourcePage.objects.child_of(self)
            .live()
            .select_related("area", "document")
            .prefetch_related("topics")
            .order_by("-published_on", "-pk")
        )
        areas = list(ProgramArea.objects.filter(resources__in=resources).distinct())
        wanted = request.GET.get("area", "")[:100]
        selected = ProgramArea.objects.filter(slug=wanted).first() if wanted else None
        if wanted and selected is None:
            context["unknown_area"] = wanted
        if selected is not None:
            resources = resources.filter(area=selected)
        context["areas"] = areas
        context["selected_area"] = selected
        context["resources"] = Paginator(resources, LISTING_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return context


class ResourceTopic(TaggedItemBase):
    content_object = ParentalKey(
        "cms.ResourcePage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class ResourcePage(SitePage):
    area = models.ForeignKey(
        ProgramArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("program area"),
    )
    published_on = models.DateField(_("published"), default=timezone.localdate)
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    topics = ClusterTaggableManager(through=ResourceTopic, blank=True, verbose_name=_("topics"))

    content_fields = ("title", "summary", "body")
    content_panels = [
        *Page.content_panels,
        FieldPanel("area"),
        FieldPanel("published_on"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]
    parent_page_types = ["cms.ResourceIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("area"),
    ]

    class Meta:
        verbose_name = _("resource")
