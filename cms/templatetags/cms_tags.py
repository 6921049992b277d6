from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def fallback_lang(page, field: str) -> str:
    """` lang="en"` on an element whose text fell back to English, so it is read as English."""
    fields = getattr(page, "fallback_fields", None)
    if fields is not None and field in fields():
        return mark_safe(' lang="en"')
    return ""
