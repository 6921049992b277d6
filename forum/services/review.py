"""The review rule: which new posts wait for a moderator; and the review queue's changes, told
to the moderators' live pages and to the queue pages kept in the cache.

Posting asks it while writing a post; the moderation package publishes what it held. Neither
needs the other for this.

The review queue's stamps: one number per program area, moved with every change of which of
the area's posts wait for review, in the writer's transaction. The moderators' queue pages keep
their count and their pages of post ids in the cache under these numbers
(forum.queue_cache.review_queue_page), so a page is asked of the database again only when
something in the queue of an area it shows has changed. A write that changes the queue and does
not move the stamp leaves moderators looking at the old list: every service that holds, flags,
decides on, hides or restores, deletes, moves, or changes the text of a queued post calls
``queue_changed`` (or ``queue_moved``, which also tells the live pages) with what it touched.
The row is updated (not read and written), so it is locked until the transaction ends: two
writers never end with the same number, and a reader that sees the new number sees the change
too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import F

from forum.caching import LISTING_TIMEOUT, listing_version
from forum.models import Board, ModerationSettings, Post
from forum.models.moderation import QueueStamp
from forum.permissions import moderates_board, profile_of
from forum.realtime import kinds
from forum.realtime.events import queue_event

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def needs_review(author: Member, board: Board) -> bool:
    """Is a new post by this author held for a moderator? (probation, or one of their first N)"""
    if moderates_board(author, board):
        return False
    profile = profile_of(author)
    if profile and profile.on_probation:
        return True
    first_posts = _first_posts_held()
    if not first_posts:
        return False
    published = Post.objects.filter(author=author, state=Post.State.PUBLISHED)
    # Counted no further than the setting: an active member's thousandth reply reads N rows.
    return published[:first_posts].count() < first_posts


def _first_posts_held() -> int:
    """The setting, kept under the listing version, which saving the settings moves
    (forum/signals.py): every post asked for it."""
    return (
        cache.get_or_set(
            f"forum:board:review-first-posts:{listing_version()}",
            lambda: ModerationSettings.load().review_first_posts,
            LISTING_TIMEOUT,
        )
        or 0
    )


def announce_held(post: Post) -> None:
    """A new post waits in the queue (in the writer's transaction)."""
    queue_moved(post, kinds.QUEUE_HELD)


def queue_moved(post: Post, kind: str) -> None:
    """A post entered or left the review queue (held, flagged, settled): move its area's stamp
    and tell the area's moderators, in the writer's transaction."""
    area_id = post.thread.board.area_id
    queue_changed(area_id)
    queue_event(area_id=area_id, kind=kind, language=post.language, post_id=post.pk)


def queue_changed(*areas: int | None) -> None:
    """Move the review-queue stamps of these program areas (ids; None ignored), in the
    caller's transaction; in one order, so that two writers never wait on each other's rows."""
    for area_id in sorted({area for area in areas if area is not None}):
        stamps = QueueStamp.objects.filter(area_id=area_id)
        if not stamps.update(version=F("version") + 1):
            # The area's first change: make its row, then count the change on it like any other
            # (a writer that made it at the same time then moves it past this one's number).
            QueueStamp.objects.bulk_create([QueueStamp(area_id=area_id)], ignore_conflicts=True)
            stamps.update(version=F("version") + 1)
