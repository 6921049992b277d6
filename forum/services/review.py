"""The review rule: which new posts wait for a moderator, and telling the queue one arrived.

Posting asks it while writing a post; the moderation package publishes what it held. Neither
needs the other for this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forum.models import Board, ModerationSettings, Post
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
    first_posts = ModerationSettings.load().review_first_posts
    if not first_posts:
        return False
    published = Post.objects.filter(author=author, state=Post.State.PUBLISHED)
    return published.count() < first_posts


def announce_held(post: Post) -> None:
    """A new post waits in the queue: tell the area's moderators (in the writer's transaction)."""
    queue_event(
        area_id=post.thread.board.area_id,
        kind=kinds.QUEUE_HELD,
        language=post.language,
        post_id=post.pk,
    )
