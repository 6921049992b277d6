"""The one search interface: the search page, the board's search box and (later) the API call
``search(text, user, filters, page)`` and get ranked, highlighted, permission-filtered hits,
facet counts and pagination, whichever engine runs underneath."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from forum.language import language_name
from forum.machine_translation.service import languages_read, titles
from forum.models import Board, Post, PostTranslation
from forum.permissions import is_member, moderation_scope, visible_boards
from forum.search import analysis
from forum.search.documents import PAGE, POST, indexed_state
from forum.search.engines import get_engine
from forum.search.engines.base import (
    Audience,
    EngineHit,
    EngineQuery,
    Filters,
    SearchUnavailable,
)

logger = logging.getLogger(__name__)

PER_PAGE = 20
SNIPPET_CHARS = 240  # of a hit's machine translation
MAX_PAGES = 50  # deeper than 1,000 results nobody reads; refine the search instead
MAX_QUERY_LENGTH = 200


def only_common_words() -> str:
    return _(
        "Your search has only very common words (such as “the” or “and”). Add a more specific word."
    )


def audience_for(user) -> Audience:
    """The permission policy (forum.permissions) as the index's filter: one or two queries."""
    scope = moderation_scope(user)
    if scope and scope.is_site_wide:
        return Audience(everything=True, boards=frozenset(), moderated=frozenset(), user_id=user.pk)
    boards = frozenset(visible_boards(user).values_list("pk", flat=True))
    moderated: frozenset[int] = frozenset()
    if scope:
        moderated = frozenset(
            Board.objects.filter(area__in=scope.areas).values_list("pk", flat=True)
        )
    return Audience(
        everything=False,
        boards=boards,
        moderated=moderated,
        user_id=user.pk if is_member(user) else None,
    )


@dataclass
class Hit:
    kind: str  # "thread", "post" or "page"
    url: str
    title: SafeString
    snippet: SafeString
    language: str
    created_at: datetime | None = None
    post: Post | None = None
    page: Page | None = None
    by_meaning: bool = False  # found by its meaning alone: none of the query's words matched
    written_in: str = ""  # the name of its language when it is not the page's
    shown_title: str = ""  # its thread's title machine-translated into the page's language
    original_title: str = ""  # the title as written, shown on hover and focus beside it
    shown_snippet: str = ""  # the start of its machine translation into the page's language


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 0
    facets: dict[str, dict] = field(default_factory=dict)
    message: str = ""  # why there are no results, when the query itself is the reason
    unavailable: bool = False  # the engine did not answer

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def search(
    text: str,
    user,
    filters: Filters | None = None,
    page: int = 1,
    language: str | None = None,
) -> Results:
    """``language``: the page's (the active one by default); hits in others say so."""
    filters = filters or Filters()
    text = (text or "").strip()
    results = Results(query=text, page=page)
    if not text:
        return results
    if len(text) > MAX_QUERY_LENGTH:  # the form says so first; this guards other callers
        results.message = _("Search for at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
        return results
    parsed = analysis.parse_query(text)
    if not parsed.has_words:
        results.message = _("Type a word to search for: punctuation alone finds nothing.")
        return results
    if not parsed.languages_with_terms():
        results.message = only_common_words()
        return results
    if page < 1 or page > MAX_PAGES:
        results.message = _("Results go up to page %(max)d: refine the search to see others.") % {
            "max": MAX_PAGES
        }
        return results
    audience = audience_for(user)
    try:
        found = get_engine().search(
            EngineQuery(
                query=parsed,
                audience=audience,
                filters=filters,
                offset=(page - 1) * PER_PAGE,
                limit=PER_PAGE,
            )
        )
    except SearchUnavailable:
        logger.exception("search engine unavailable")
        results.message = _("Search is not available right now. Please try again in a minute.")
        results.unavailable = True
        return results
    results.total = found.total(filters)
    results.num_pages = min(-(-results.total // PER_PAGE), MAX_PAGES)
    results.facets = found.facet_counts(filters)
    results.hits = _hydrate(found.hits, audience)
    _in_page_language(results.hits, user, language or get_language())
    if not results.total and len(parsed.languages_with_terms()) < len(analysis.CONFIGS):
        # Only common words in some language ("the and" in English): say so, not just "nothing".
        results.message = only_common_words()
    if page > 1 and not results.hits and results.total:
        results.message = _("There are only %(pages)d pages of results.") % {
            "pages": results.num_pages
        }
    return results


def _hydrate(hits: list[EngineHit], audience: Audience) -> list[Hit]:
    """Hits as the templates show them, checked against the objects' current state: an index
    a moment behind a hide or an unpublish never shows what the user may no longer see."""
    if not hits:
        return []
    post_ids = [hit.object_id for hit in hits if hit.source == POST]
    page_ids = [hit.object_id for hit in hits if hit.source == PAGE]
    posts = Post.objects.select_related("thread__board__area", "author__profile").in_bulk(post_ids)
    pages = Page.objects.live().in_bulk(page_ids)
    shown = []
    for hit in hits:
        if hit.source == POST:
            post = posts.get(hit.object_id)
            if (
                post is None
                or post.thread.merged_into_id
                or not audience.may_see(
                    board_id=post.thread.board_id,
                    state=indexed_state(post),
                    author_id=post.author_id,
                )
            ):
                continue
            title = hit.title if hit.kind == "thread" and hit.title else post.thread.title
            shown.append(
                Hit(
                    kind=hit.kind,
                    url=reverse("forum:post", args=[post.pk]),
                    title=analysis.render(title),
                    snippet=analysis.render(hit.snippet),
                    language=hit.language,
                    created_at=post.created_at,
                    post=post,
                    by_meaning=hit.by_meaning,
                )
            )
        else:
            page = pages.get(hit.object_id)
            if page is None:
                continue
            shown.append(
                Hit(
                    kind="page",
                    url=hit.url or page.url or "",
                    title=analysis.render(hit.title),
                    snippet=analysis.render(hit.snippet),
                    language=hit.language,
                    created_at=page.last_published_at,
                    page=page,
                    by_meaning=hit.by_meaning,
                )
            )
    return shown


def _in_page_language(hits: list[Hit], user, language: str) -> None:
    """A hit written in another language than the page's names it, and shows its thread's
    title machine-translated into the page's language where that translation is stored (one
    query for the page, none when every hit is in the page's language or one the reader reads),
    the original kept beside it for hover and focus."""
    threads = {hit.post.thread_id: hit.post.thread for hit in hits if hit.post is not None}
    foreign = [thread for thread in threads.values() if thread.language != language]
    if foreign:
        reads = languages_read(user)
        foreign = [thread for thread in foreign if thread.language not in reads]
    shown = titles(foreign, language) if foreign else {}
    snippets = _translated_snippets(hits, user, language)
    for hit in hits:
        if hit.post is not None and hit.post.pk in snippets:
            hit.shown_snippet = snippets[hit.post.pk]
        if hit.language != language:
            hit.written_in = language_name(hit.language, in_sentence=True)
        if hit.post is not None and hit.post.thread_id in shown:
            hit.shown_title = shown[hit.post.thread_id]
            hit.original_title = hit.post.thread.title


def _translated_snippets(hits: list[Hit], user, language: str) -> dict[int, str]:
    """The start of the stored translation of each post in a language the reader does not read
    (its current version; one query, none when no hit is foreign to the reader)."""
    posts = {
        hit.post.pk: hit.post
        for hit in hits
        if hit.post is not None and hit.post.language != language
    }
    if posts:
        reads = languages_read(user)
        posts = {pk: post for pk, post in posts.items() if post.language not in reads}
    if not posts:
        return {}
    rows = PostTranslation.objects.filter(post_id__in=posts, language=language)
    return {
        post_id: Truncator(strip_tags(html)).chars(SNIPPET_CHARS)
        for post_id, revision, html in rows.values_list("post_id", "revision", "body_html")
        if posts[post_id].edit_count == revision
    }
