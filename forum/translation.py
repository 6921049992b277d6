"""Fields translated per language by django-modeltranslation (name_en, name_es, ...)."""

from modeltranslation.translator import TranslationOptions, register

from forum.models import Board, ProgramArea, Tag


@register(ProgramArea)
class ProgramAreaTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Board)
class BoardTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
