"""What is indexed: the texts of posts and pages, and the facts the filters need beside them.

A post gives one document: a thread's opening post carries the thread's title (kind "thread"),
a reply does not (kind "post"); a deleted post, or one in a merged-away thread, gives none. A
live Wagtail page without view restrictions gives what the app defining it builds (registered in
sources.py; cms/search_documents.py: one document per language the page has its own title in,
kind "page", in that language's own text, never the English fallback).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.html import strip_tags

from forum.search import sources
from forum.search.analysis import without_marks

if TYPE_CHECKING:
    from wagtail.models import Page

POST, PAGE = "post", "page"


@dataclass(frozen=True)
class IndexDoc:
    source: str  # POST or PAGE
    object_id: int
    language: str
    kind: str  # "thread", "post" or "page"
    title: str
    body: str
    created_at: datetime
    state: str = "published"
    url: str = ""
    area_id: int | None = None
    board_id: int | None = None
    thread_id: int | None = None
    author_id: int | None = None

    @property
    def key(self) -> tuple[str, int]:
        return self.source, self.object_id


def plain_text(markup: str) -> str:
    """Readable text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return without_marks(" ".join(html.unescape(strip_tags(markup)).split()))


# --- Posts ------------------------------------------------------------------------------------


def indexed_posts():
    """Posts as the index needs them, with their thread and board in the same query."""
    from forum.models import Post

    return Post.objects.select_related("thread__board").only(
        "pk",
        "position",
        "body_html",
        "language",
        "state",
        "created_at",
        "author_id",
        "thread__title",
        "thread__merged_into_id",
        "thread__held",
        "thread__board__area_id",
    )


def indexed_state(post) -> str:
    """The post's state as search filters it: a published reply in a held thread is held with
    it (found by its author and the board's moderators only), so the title it would show as
    "Re: ..." stays with those the policy (permissions.can_see_thread) lets read it."""
    if post.thread.held and post.state == "published":
        return "pending"
    return post.state


def post_docs(post) -> list[IndexDoc]:
    from forum.models import Post

    if post.state == Post.State.DELETED or post.thread.merged_into_id:
        return []
    opening = post.position == 1
    return [
        IndexDoc(
            source=POST,
            object_id=post.pk,
            language=post.language,
            kind="thread" if opening else "post",
            title=without_marks(post.thread.title) if opening else "",
            body=plain_text(post.body_html),
            created_at=post.created_at,
            state=indexed_state(post),
            area_id=post.thread.board.area_id,
            board_id=post.thread.board_id,
            thread_id=post.thread_id,
            author_id=post.author_id,
        )
    ]


# --- Pages ------------------------------------------------------------------------------------


def _restricted_paths() -> list[str]:
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def indexed_pages():
    """Live site pages that everyone may read (a view restriction covers the subtree)."""
    from wagtail.models import Page

    pages = Page.objects.live().filter(depth__gt=1)
    for path in _restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages


def page_docs(page: Page) -> list[IndexDoc]:
    """The page's documents, from the builders the apps with pages registered (sources.py)."""
    page = page.specific
    return [doc for builder in sources.page_builders() for doc in builder(page)]


# --- Loading ----------------------------------------------------------------------------------


def docs_for(keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], list[IndexDoc]]:
    """The current documents of these posts and pages (an empty list: remove it)."""
    keys = set(keys)
    found: dict[tuple[str, int], list[IndexDoc]] = {key: [] for key in keys}
    post_ids = [object_id for source, object_id in keys if source == POST]
    page_ids = [object_id for source, object_id in keys if source == PAGE]
    if post_ids:
        for post in indexed_posts().filter(pk__in=post_ids):
            found[(POST, post.pk)] = post_docs(post)
    if page_ids:
        for page in indexed_pages().filter(pk__in=page_ids).specific():
            found[(PAGE, page.pk)] = page_docs(page)
    return found


def _posts_with_documents():
    return indexed_posts().exclude(state="deleted").filter(thread__merged_into__isnull=True)


def post_batches(batch_size: int = 1000) -> Iterator[list[IndexDoc]]:
    """Every post's document, in batches of posts (for a full reindex)."""
    posts = _posts_with_documents()
    last = 0
    while True:
        batch = list(posts.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            return
        last = batch[-1].pk
        yield [doc for post in batch for doc in post_docs(post)]


def all_page_docs() -> list[IndexDoc]:
    """Every page's documents, one per language it has its own title in (a few hundred)."""
    return [doc for page in indexed_pages().specific().iterator() for doc in page_docs(page)]


def count_posts() -> int:
    return indexed_posts().exclude(state="deleted").filter(thread__merged_into__isnull=True).count()
