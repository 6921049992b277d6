"""Threads and posts: who reads them, replies, edits, deletes, flags, and reads their history."""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits
from forum.models import Board, Post, Thread
from forum.permissions.boards import (
    _may_not_post,
    can_see_board,
    moderators_of_board_q,
    readers_of_board,
)
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
    if not thread.held:
        return readers_of_board(thread.board, user_ids)
    only = Q(pk=thread.author_id) | moderators_of_board_q(thread.board)
    return readers_of_board(thread.board, user_ids, only=only)


# What every reader of a thread sees of its posts: the published ones, and a placeholder where
# one was deleted. Held and hidden posts are their authors' and the board's moderators'.
SEEN_BY_EVERY_READER = (Post.State.PUBLISHED, Post.State.DELETED)


class Standing:
    """One user's standing in one thread (may they read it, post at all, moderate it), each
    answer asked once and kept: the rules on posts below read it, and a page asking them for
    each of its posts costs no query per post (reading a group-restricted board is one)."""

    def __init__(self, user: User, thread: Thread, *, shared: bool = False) -> None:
        """``shared``: the answers for a part of the page every reader with the same standing
        sees alike (forum/fragments.py), as if the user had written none of the posts; their
        own posts are drawn apart with a Standing of their own."""
        self.user = user
        self.thread = thread
        # Whose posts are "own": no account has id 0.
        self.owner_pk = user.pk if is_member(user) and not shared else 0
        # The question's author accepts its answer: a class of reader of its own, shared too.
        self.asks = thread.is_question and is_member(user) and user.pk == thread.author_id

    @property
    def key(self) -> tuple[bool, ...]:
        """What the shared answers depend on besides the thread and the post: readers with
        the same key see a shared part alike."""
        return (self.reads, self.posts, self.moderates, is_member(self.user), self.asks)

    @cached_property
    def reads(self) -> bool:
        return can_see_thread(self.user, self.thread)

    @cached_property
    def posts(self) -> bool:
        return may_post(self.user)

    @cached_property
    def moderates(self) -> bool:
        return moderates_board(self.user, self.thread.board)

    def owns(self, post: Post) -> bool:
        return post.author_id == self.owner_pk

    def may_reply(self) -> bool:
        if not (self.reads and self.posts):
            return False
        return not self.thread.is_locked or self.moderates

    def sees_post(self, post: Post) -> bool:
        if not self.reads:
            return False
        if post.state in SEEN_BY_EVERY_READER:
            return True  # a deleted post shows as a placeholder, without its text
        if self.moderates:
            return True
        # Authors see their own held and hidden posts, marked as such.
        return self.owns(post)

    def _may_change_own(self, post: Post) -> bool:
        return (
            self.owns(post)
            and self.posts
            and post.state != Post.State.DELETED
            and not self.thread.is_locked
            and self.reads
        )

    def may_edit(self, post: Post) -> bool:
        if not is_member(self.user):
            return False
        if self.moderates:
            return post.state != Post.State.DELETED
        return self._may_change_own(post)

    def sees_history(self, post: Post) -> bool:
        return self.sees_post(post) and not (post.is_deleted and not self.moderates)

    def may_flag(self, post: Post) -> bool:
        return (
            self.posts and not self.owns(post) and post.state == Post.State.PUBLISHED and self.reads
        )

    def may_accept(self, post: Post) -> bool:
        """A question's author (while they may post) or the board's moderators accept a
        published reply as its answer, or take the acceptance back."""
        return (
            self.thread.is_question
            and post.position > 1
            and post.state == Post.State.PUBLISHED
            and self.reads
            and (self.moderates or (self.asks and self.posts))
        )

    def may_react(self, post: Post) -> bool:
        """Members who may post react to others' published posts, in locked threads too (a
        reaction adds no text to the thread)."""
        return self.may_flag(post)


def can_reply(user: User, thread: Thread) -> bool:
    return Standing(user, thread).may_reply()


def can_retitle(user: User, thread: Thread, standing: Standing | None = None) -> bool:
    """The board's moderators may change a thread's title; its author too, for
    TITLE_EDIT_HOURS after starting it, while they may post and the thread is open."""
    standing = standing or Standing(user, thread)
    if not (is_member(user) and standing.reads):
        return False
    if standing.moderates:
        return True
    fresh = timezone.now() - thread.created_at <= timedelta(hours=limits.TITLE_EDIT_HOURS)
    return thread.author_id == user.pk and standing.posts and not thread.is_locked and fresh


def check_retitle(user: User, thread: Thread) -> None:
    if not can_retitle(user, thread):
        raise PermissionDenied(
            _("Only the board's moderators, or its author within a day, may change this title.")
        )


def locked_message() -> str:
    return _("This thread is locked: no new replies.")


def check_reply(user: User, thread: Thread) -> None:
    check_see_thread(user, thread)
    if not can_reply(user, thread):
        if not may_post(user):
            raise _may_not_post(user)
        raise PermissionDenied(locked_message())


def can_see_post(user: User, post: Post) -> bool:
    return Standing(user, post.thread).sees_post(post)


def visible_posts(user: User, posts: QuerySet[Post], board: Board) -> QuerySet[Post]:
    """Posts in one board the user may read (the board itself is checked by the caller)."""
    if moderates_board(user, board):
        return posts
    shown = Q(state__in=SEEN_BY_EVERY_READER)
    if is_member(user):
        shown |= Q(state__in=[Post.State.PENDING, Post.State.HIDDEN], author_id=user.pk)
    return posts.filter(shown)


def posts_seen_alike(standing: Standing, posts: QuerySet[Post]) -> QuerySet[Post]:
    """The posts every reader with this standing sees in its thread (a shared Standing): all
    of them for its moderators, else the published ones and the placeholders of deleted ones.
    Each reader's own held and hidden posts are theirs alone (visible_posts)."""
    if not standing.reads:
        return posts.none()
    if standing.moderates:
        return posts
    return posts.filter(state__in=SEEN_BY_EVERY_READER)


def check_see_post(user: User, post: Post) -> None:
    if not can_see_post(user, post):
        raise Http404


def can_edit_post(user: User, post: Post) -> bool:
    """Authors edit their own posts while the thread is open; moderators edit any."""
    return Standing(user, post.thread).may_edit(post)


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
    return Standing(user, post.thread).sees_history(post)


def can_flag(user: User, post: Post) -> bool:
    """Members flag published posts of others that they can read."""
    return Standing(user, post.thread).may_flag(post)


def check_accept(user: User, post: Post) -> None:
    """404 for a post the user may not see; 403, saying why, where they may not accept it."""
    check_see_post(user, post)
    standing = Standing(user, post.thread)
    if standing.may_accept(post):
        return
    if not post.thread.is_question:
        raise PermissionDenied(_("This thread is not a question."))
    if not (standing.moderates or standing.asks):
        raise PermissionDenied(_("Only the question's author or a moderator may accept an answer."))
    if not standing.posts:
        raise _may_not_post(user)
    if post.position == 1:
        raise PermissionDenied(_("The question itself cannot be its answer."))
    raise PermissionDenied(_("Only a published reply can be accepted."))


def can_react(user: User, post: Post) -> bool:
    return Standing(user, post.thread).may_react(post)


def check_react(user: User, post: Post) -> None:
    """404 for a post the user may not see; 403, saying why, for one they may not react to."""
    check_see_post(user, post)
    standing = Standing(user, post.thread)
    if standing.may_react(post):
        return
    if not standing.posts:
        raise _may_not_post(user)
    if post.author_id == user.pk:
        raise PermissionDenied(_("You cannot react to your own post."))
    raise PermissionDenied(_("Only published posts take reactions."))


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
