"""Threads and posts: who reads them, replies, edits, deletes, flags, and reads their history."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from forum.models import Board, Post, Thread
from forum.permissions.boards import _may_not_post, can_see_board, readers_of_board
from forum.permissions.roles import User, is_member, may_post, moderates_board, moderation_scope


def can_see_thread(user: User, thread: Thread) -> bool:
    """A thread is read where its board is read; a held one (its opening post awaits review)
    only by its author and the board's moderators, on every surface: pages, streams, replay,
    search, history, notifications, export."""
    if not can_see_board(user, thread.board):
        return False
    if not thread.held:
        return True
    return (is_member(user) and thread.author_id == user.pk) or moderates_board(user, thread.board)


def check_see_thread(user: User, thread: Thread) -> None:
    """Raise 404 for a thread the user may not read: a held id is as absent as a missing one."""
    if not can_see_thread(user, thread):
        raise Http404


def readable_threads_q(user: User, prefix: str = "") -> Q:
    """The held-thread rule as a filter on threads (``prefix`` reaches them from another model,
    e.g. ``"thread__"``); the boards are filtered by the caller with visible_boards."""
    shown = Q(**{f"{prefix}held": False})
    scope = moderation_scope(user)
    if scope and scope.is_site_wide:
        return Q()
    if scope:
        shown |= Q(**{f"{prefix}board__area__in": scope.areas})
    if is_member(user):
        shown |= Q(**{f"{prefix}author_id": user.pk})
    return shown


def readers_of_thread(thread: Thread, user_ids: set[int]) -> set[int]:
    """Which of these users may read the thread (for notifications): readers of its board,
    and of a held thread only its author and the board's moderators."""
    readers = readers_of_board(thread.board, user_ids)
    if not thread.held or not readers:
        return readers
    users = get_user_model().objects.filter(pk__in=readers)
    return {user.pk for user in users if can_see_thread(user, thread)}


def can_reply(user: User, thread: Thread) -> bool:
    if not (can_see_thread(user, thread) and may_post(user)):
        return False
    return not thread.is_locked or moderates_board(user, thread.board)


def check_reply(user: User, thread: Thread) -> None:
    check_see_thread(user, thread)
    if not can_reply(user, thread):
        if not may_post(user):
            raise _may_not_post(user)
        raise PermissionDenied(_("This thread is locked: no new replies."))


def can_see_post(user: User, post: Post) -> bool:
    if not can_see_thread(user, post.thread):
        return False
    if post.state in (Post.State.PUBLISHED, Post.State.DELETED):
        return True  # a deleted post shows as a placeholder, without its text
    if moderates_board(user, post.thread.board):
        return True
    # Authors see their own held and hidden posts, marked as such.
    return post.author_id == user.pk


def visible_posts(user: User, posts: QuerySet[Post], board: Board) -> QuerySet[Post]:
    """Posts in one board the user may read (the board itself is checked by the caller)."""
    if moderates_board(user, board):
        return posts
    shown = Q(state__in=[Post.State.PUBLISHED, Post.State.DELETED])
    if is_member(user):
        shown |= Q(state__in=[Post.State.PENDING, Post.State.HIDDEN], author_id=user.pk)
    return posts.filter(shown)


def check_see_post(user: User, post: Post) -> None:
    if not can_see_post(user, post):
        raise Http404


def _may_change_own(user: User, post: Post) -> bool:
    return (
        post.author_id == user.pk
        and may_post(user)
        and post.state != Post.State.DELETED
        and not post.thread.is_locked
        and can_see_thread(user, post.thread)
    )


def can_edit_post(user: User, post: Post) -> bool:
    """Authors edit their own posts while the thread is open; moderators edit any."""
    if not is_member(user):
        return False
    if moderates_board(user, post.thread.board):
        return post.state != Post.State.DELETED
    return _may_change_own(user, post)


def can_delete_post(user: User, post: Post) -> bool:
    return can_edit_post(user, post)


def check_edit_post(user: User, post: Post) -> None:
    check_see_post(user, post)
    if not can_edit_post(user, post):
        raise PermissionDenied


def check_delete_post(user: User, post: Post) -> None:
    check_see_post(user, post)
    if not can_delete_post(user, post):
        raise PermissionDenied


def can_see_history(user: User, post: Post) -> bool:
    return can_see_post(user, post) and not (
        post.is_deleted and not moderates_board(user, post.thread.board)
    )


def can_flag(user: User, post: Post) -> bool:
    """Members flag published posts of others that they can read."""
    return (
        may_post(user)
        and post.author_id != user.pk
        and post.state == Post.State.PUBLISHED
        and can_see_thread(user, post.thread)
    )


# --- Edit history -----------------------------------------------------------------------------


def can_see_redacted(user: User, post: Post) -> bool:
    """Text a moderator redacted from a post's history is read by the board's moderators only
    (the author too is shown that it was redacted, not what: a redaction is a moderation act)."""
    return moderates_board(user, post.thread.board)


def can_redact_history(user: User, post: Post) -> bool:
    """A moderator editing a post may redact its earlier versions."""
    return can_see_redacted(user, post)


def can_see_editor_names(user: User, post: Post) -> bool:
    """Which moderator edited a post is for the board's moderators; others read "a moderator"
    (as in notifications and the export). The author's own edits name the author."""
    return moderates_board(user, post.thread.board)
