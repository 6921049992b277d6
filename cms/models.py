"""The association's pages: home, programs, events, resources and plain pages.

Every text field is translated field by field (cms/translation.py, wagtail-modeltranslation):
``title_en``, ``title_es``, ... A language left empty falls back to English, and the page says
so (``fallback_fields``); URLs are per language because slugs are translated too.
"""

from __future__ import annotations

import time
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from cms import languages
from cms.blocks import BodyBlock, PillarBlock
from forum.caching import listing_version, visitor_page
from forum.models import ProgramArea

LISTING_PAGE_SIZE = 12
# Visitors' copies of a page (with its latest threads) are at most this old.
VISITOR_CACHE_SECONDS = 60


def taken_by_the_site(slug: str, language: str) -> bool:
    """Is /<language>/<slug>/ a URL the site answers itself (the forum, accounts, ...)?

    Asks the URLconf rather than keeping a list: a page there would never be reached.
    """
    with override(language):
        try:
            return resolve(f"/{language}/{slug}/").url_name != "wagtail_serve"
        except Resolver404:
            return False


def _is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return len(value) == 0
    except TypeError:
        return False


class SitePage(Page):
    """What every page type shares: English fallback notices and per-language links."""

    # The fields a visitor reads as the page's content (checked for missing translations).
    content_fields: tuple[str, ...] = ("title", "intro", "body")

    class Meta:
        abstract = True

    def fallback_fields(self, language: str | None = None) -> set[str]:
        """The content fields shown in English because this language's translation is empty."""
        language = language or get_language()
        if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            return set()
        missing = set()
        for field in self.content_fields:
            own = getattr(self, build_localized_fieldname(field, language), None)
            english = getattr(
                self,
                build_localized_fieldname(field, settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
                None,
            )
            if _is_empty(own) and not _is_empty(english):
                missing.add(field)
        return missing

    @property
    def display_title(self) -> str:
        """Never empty: this language's title, else English, else any language's, else draft."""
        if self.title:
            return self.title
        for code, _name in settings.LANGUAGES:
            title = getattr(self, build_localized_fieldname("title", code), None)
            if title:
                return title
        return self.draft_title or ""

    def clean(self):
        super().clean()
        parent = self.get_parent()
        if parent is not None and parent.depth == 2:
            # A child of the site's home page lives at /<lang>/<slug>/, beside the forum.
            for code, _name in settings.LANGUAGES:
                slug = getattr(self, build_localized_fieldname("slug", code), None)
                if slug and taken_by_the_site(slug, code):
                    raise ValidationError(
                        {
                            build_localized_fieldname("slug", code): _(
                                "“%(slug)s” is used by the forum; choose another slug."
                            )
                            % {"slug": slug}
                        }
                    )

    @property
    def preview_modes(self):
        """One preview per site language, so an editor or a reviewer can read each one."""
        return languages.preview_modes()

    @property
    def default_preview_mode(self) -> str:
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE

    def serve_preview(self, request, mode_name):
        """The page as a visitor of that language would read it (the mode is a language code)."""
        language = languages.preview_language(mode_name)
        with override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, language)
            # A TemplateResponse renders lazily: render it while the language is active.
            return response.render() if hasattr(response, "render") else response

    def serve(self, request, *args, **kwargs):
        """Visitors share one rendering per page, language and minute (as Discourse's anonymous
        cache does); publishing anything, or a board changing, makes it stale at once."""
        if request.method not in ("GET", "HEAD") or self.last_published_at is None:
            return super().serve(request, *args, **kwargs)

        def render():
            response = super(SitePage, self).serve(request, *args, **kwargs)
            return response.render() if hasattr(response, "render") else response

        return visitor_page(
            request,
            "cms-page",
            self.pk,
            self.last_published_at,
            request.get_host(),
            request.get_full_path(),
            listing_version(),
            int(time.time() // VISITOR_CACHE_SECONDS),
            render=render,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fallback"] = dict.fromkeys(self.fallback_fields(), True)
        context["language_links"] = languages.page_language_links(self, request)
        context["preview_languages"] = languages.preview_language_links(request)
        return context


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
        from cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context["boards"] = selectors.area_boards(request.user, self.area_id)
        context["latest_threads"] = selectors.latest_threads(request.user, area_id=self.area_id)
        context["upcoming_events"] = selectors.upcoming_events(area_id=self.area_id, limit=3)
        return context


class EventIndexPage(SitePage):
    """Upcoming events first (soonest first), then past ones (latest first), paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_fields = ("title", "intro")
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.child_of(self).live().select_related("area")
        now = timezone.now()
        context["upcoming"] = list(events.filter(ends_at__gte=now).order_by("starts_at"))
        past = events.filter(ends_at__lt=now).order_by("-starts_at")
        context["past"] = Paginator(past, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        return context


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventPage(SitePage):
    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("Webinar")
        CONFERENCE = "conference", _("Conference")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    area = models.ForeignKey(
        ProgramArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("program area"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("Dates are shown in this time zone, as the organisers give them."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_fields = ("title", "summary", "body", "place")
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("area"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_url"), FieldPanel("registration_url")],
            heading=_("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("speakers", label=_("Speakers")),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("An event cannot end before it starts.")
        if self.kind == self.Kind.WEBINAR and not self.online_url:
            errors["online_url"] = _("A webinar needs its online link.")
        if self.kind == self.Kind.CONFERENCE and not self.place:
            errors["place"] = _("A conference needs its place.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_ends_at(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def spans_days(self) -> bool:
        return self.local_starts_at.date() != self.local_ends_at.date()


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


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


class StandardPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventSpeaker",
    "HomePage",
    "ProgramIndexPage",
    "ProgramPage",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceTopic",
    "StandardPage",
]


def route_by_localized_slug(self, request, path_components):
    """Wagtail's routing, one query per level for the child with this language's slug.

    wagtail-modeltranslation's own ``route`` loads every child of each page on the way and
    compares slugs in Python; this asks the database for the one child whose slug in the active
    language (or, where it has none, in English) matches.
    """
    if not path_components:
        if self.live:
            return RouteResult(self)
        raise Http404
    slug, language = path_components[0], get_language()
    own = build_localized_fieldname("slug", language)
    english = build_localized_fieldname("slug", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    match = Q(**{own: slug})
    if own != english:
        match |= (Q(**{f"{own}__isnull": True}) | Q(**{own: ""})) & Q(**{english: slug})
    child = self.get_children().filter(match).order_by("path").first()
    if child is None:
        raise Http404
    return child.specific.route(request, path_components[1:])
