"""What every page shares: the base page type, its routing by translated slug, and the
checks a page's slug and fields go through."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from cms import languages
from forum.caching import listing_version, visitor_page

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
            if languages.is_empty(own) and not languages.is_empty(english):
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
