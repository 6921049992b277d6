"""Which language a translated field's text is really in (django-modeltranslation falls back to
English when this language's field is empty), so templates mark it as such:

    <h2{{ area|lang_of:"name" }}>{{ area.name }}</h2>
    {% untranslated areas as missing %}{% if missing %}...notice...{% endif %}
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_info
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

register = template.Library()


def shown_language(obj, field: str) -> str | None:
    """The language ``obj.<field>`` is shown in when it is not the page's own, else None."""
    current = get_language()
    for code in resolution_order(current):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return None if code == current else code
    return None  # empty in every language: nothing is shown


def _translated_fields(obj) -> tuple[str, ...]:
    try:
        options = translator.get_options_for_model(type(obj))
        return tuple(options.fields)  # type: ignore[attr-defined]  # set per registration
    except NotRegistered:
        return ()


def falls_back(obj, only: str = "") -> bool:
    """Whether any translated field of ``obj`` (or field ``only``) is shown in another language
    than the page's."""
    fields = (only,) if only else _translated_fields(obj)
    return any(shown_language(obj, field) for field in fields)


@register.filter
def lang_of(obj, field: str) -> str:
    """` lang="en" dir="ltr"` for an element whose text fell back to another language, so it is
    read in that language's voice and laid out in its direction; nothing otherwise."""
    if obj is None:
        return ""
    code = shown_language(obj, field)
    if code is None:
        return ""
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag
def untranslated(*objects, only: str = "") -> bool:
    """Whether any of these (instances or lists of them) shows a name or description in another
    language; a program area's ``readable_boards`` (the home page's listing) count too.
    ``only="name"`` checks that field alone (a page that shows no description)."""
    for item in objects:
        if item is None:
            continue
        group = item if isinstance(item, list | tuple) or hasattr(item, "model") else [item]
        for obj in group:
            if falls_back(obj, only) or any(
                falls_back(board, only) for board in getattr(obj, "readable_boards", ())
            ):
                return True
    return False
