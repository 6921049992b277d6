"""The search documents of the site's pages, registered with forum.search (cms/apps.py): one
document per language a page has its own title in; the text is that language's own, never the
English fallback."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import Page

from cms.models import SitePage
from forum.search.analysis import without_marks
from forum.search.documents import PAGE, IndexDoc, plain_text


def _field_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return plain_text(value)
    return plain_text(str(value))  # a StreamField value renders to HTML


def page_docs(page: Page) -> list[IndexDoc]:
    """One document per language the page has its own title in."""
    if not isinstance(page, SitePage):
        return []
    docs = []
    for code, _name in settings.LANGUAGES:
        suffix = code.replace("-", "_")
        title = getattr(page, f"title_{suffix}", "") or ""
        if not title.strip():
            continue
        parts = [getattr(page, f"search_description_{suffix}", "") or ""]
        for field in page.content_fields:
            if field != "title":
                with override(code):
                    parts.append(_field_text(getattr(page, f"{field}_{suffix}", None)))
        with override(code):
            url = page.get_url() or ""
        docs.append(
            IndexDoc(
                source=PAGE,
                object_id=page.pk,
                language=code,
                kind="page",
                title=without_marks(title),
                body=" ".join(part for part in parts if part),
                created_at=page.first_published_at
                or page.last_published_at
                or page.latest_revision_created_at
                or timezone.now(),  # a page made by a migration was never "published"
                url=url,
                area_id=getattr(page, "area_id", None),
            )
        )
    return docs
