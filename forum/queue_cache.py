"""What the moderators' review queue keeps in the cache: its count and pages of post ids (and,
in views/moderation_rows.py, what the items show), under the review-queue stamps of the program
areas a page can show (forum/services/review.py). The queue itself is asked in
forum.selectors.review_queue."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from forum import limits
from forum.caching import listing_version
from forum.models import Post
from forum.models.moderation import QueueStamp
from forum.permissions import User, moderation_scope
from forum.selectors import review_queue

# The stamps move with every change the services make; this bounds a write from outside them.
REVIEW_QUEUE_TIMEOUT = 10 * 60


@dataclass(frozen=True)
class QueuePage:
    page: Page  # numbers only: page.number, page.paginator.num_pages...
    ids: list[int]  # its posts, in the queue's order
    key: str  # what else is kept of it is kept under this (views/moderation_rows.py)
    user: User
    language: str
    area_id: int | None

    def queue(self) -> QuerySet[Post]:
        """The moderator's queue with the page's filters (asked only when nothing is kept)."""
        return review_queue(self.user, language=self.language, area_id=self.area_id)


def review_queue_page(
    user: User, *, language: str, area_id: int | None, number: str | None
) -> QueuePage:
    """One page of review_queue (the moderator's, with these filters) as its post ids.

    The count and the pages of ids are kept in the cache under the review-queue stamps of the
    areas the page can show (services/review.py), read first, the listing version,
    the moderator's scope and the filters: the queue's SQL runs again only when one of them
    moves."""
    scope = moderation_scope(user)
    if scope is None:
        empty: Page = Paginator([], limits.REVIEW_QUEUE_PER_PAGE).get_page(1)
        return QueuePage(empty, [], "", user, language, area_id)
    stamps = QueueStamp.objects.order_by("area_id")
    if scope.areas is not None:
        stamps = stamps.filter(area_id__in=scope.areas)
    if area_id:
        stamps = stamps.filter(area_id=area_id)
    parts = [
        listing_version(),
        sorted(scope.areas) if scope.areas is not None else "all",
        sorted(scope.languages or ()),
        language,
        area_id or "",
        list(stamps.values_list("area_id", "version")),
    ]
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    key = f"forum:review-queue:{digest}"
    count = cache.get(key)
    if count is None:
        count = _ids(user, language, area_id).count()
        cache.set(key, count, REVIEW_QUEUE_TIMEOUT)
    page = Paginator(range(count), limits.REVIEW_QUEUE_PER_PAGE).get_page(number)
    page_key = f"{key}:{page.number}"
    page_ids = cache.get(page_key)
    if page_ids is None:
        first, last = page.start_index() - 1, page.end_index()
        page_ids = list(_ids(user, language, area_id)[first:last]) if count else []
        cache.set(page_key, page_ids, REVIEW_QUEUE_TIMEOUT)
    return QueuePage(page, page_ids, page_key, user, language, area_id)


def _ids(user: User, language: str, area_id: int | None) -> QuerySet:
    """The queue as its post ids, in its order (the narrow query the page is chosen on)."""
    queue = review_queue(user, language=language, area_id=area_id)
    return queue.prefetch_related(None).values_list("pk", flat=True)
