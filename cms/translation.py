"""Fields translated per language (wagtail-modeltranslation): ``intro_en``, ``intro_es``, ...

Wagtail's own Page fields (title, slug, SEO title, search description, url_path) are registered
by wagtail-modeltranslation itself; each page type adds its own text here.
"""

from modeltranslation.translator import TranslationOptions, register

from cms.models import (
    EventIndexPage,
    EventPage,
    EventSpeaker,
    HomePage,
    ProgramIndexPage,
    ProgramPage,
    ResourceIndexPage,
    ResourcePage,
    StandardPage,
)


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "pillars")


@register(ProgramIndexPage)
@register(EventIndexPage)
@register(ResourceIndexPage)
class IndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(ProgramPage)
@register(StandardPage)
class BodyPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(EventPage)
class EventPageTranslation(TranslationOptions):
    fields = ("place", "summary", "body")


@register(EventSpeaker)
class EventSpeakerTranslation(TranslationOptions):
    fields = ("role",)


@register(ResourcePage)
class ResourcePageTranslation(TranslationOptions):
    fields = ("summary", "body")
