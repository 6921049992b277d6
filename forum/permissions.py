"""The one permission policy: every "may this user see/do X" question is answered here.

Views, consumers, search and feeds call these functions; nothing checks permissions by hand.
``can_*`` answer for templates, ``check_*`` raise (404 where existence must stay hidden,
403 where the user may see the thing but not do this), ``visible_*`` filter querysets.

Roles: a visitor (anonymous); a pending member (signed in, not yet verified) reads public
boards only and cannot post; a verified member reads public and members-only boards, and
group-restricted boards when in one of their groups, and posts where they read; a moderator
(the ``forum.moderate`` permission, or a superuser) reads and acts everywhere.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from forum.models import Board, Post, Profile, Thread

User = AbstractBaseUser | AnonymousUser
MODERATE = "forum.moderate"


def is_member(user: User) -> bool:
    """A signed-in, active account, verified or not."""
    return bool(user.is_authenticated and user.is_active)


def is_moderator(user: User) -> bool:
    return bool(is_member(user) and user.has_perm(MODERATE))


def profile_of(user: User) -> Profile | None:
    if not is_member(user):
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def is_verified(user: User) -> bool:
    """A member a moderator (or the e-mail allow-list) has verified; moderators count too."""
    if not is_member(user):
        return False
    profile = profile_of(user)
    return bool((profile and profile.is_verified) or is_moderator(user))


# --- Boards -------------------------------------------------------------------------------


def can_see_board(user: User, board: Board) -> bool:
    """May this user read the board and its threads?"""
    if board.visibility == Board.Visibility.PUBLIC or is_moderator(user):
        return True
    if not is_verified(user):
        return False
    if board.visibility == Board.Visibility.MEMBERS:
        return True
    return board.allowed_groups.filter(user=user).exists()


def check_see_board(user: User, board: Board) -> None:
    """Raise 404 (not 403) for a board the user may not read, so its existence stays hidden."""
    if not can_see_board(user, board):
        raise Http404


def visible_boards(user: User, boards: QuerySet[Board] | None = None) -> QuerySet[Board]:
    """The boards this user may read, as one query (no per-board check)."""
    boards = Board.objects.all() if boards is None else boards
    if is_moderator(user):
        return boards
    readable = Q(visibility=Board.Visibility.PUBLIC)
    if is_verified(user):
        in_allowed_group = Board.allowed_groups.through.objects.filter(group__user=user)
        readable |= Q(visibility=Board.Visibility.MEMBERS) | Q(
            visibility=Board.Visibility.GROUPS, pk__in=in_allowed_group.values("board_id")
        )
    return boards.filter(readable)


def readers_of_board(board: Board, user_ids: set[int]) -> set[int]:
    """Which of these users may read the board (for notifications): one query."""
    if not user_ids:
        return set()
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if board.visibility != Board.Visibility.PUBLIC:
        moderate = Permission.objects.filter(
            content_type__app_label="forum", codename="moderate"
        ).values("pk")
        moderator = (
            Q(is_superuser=True)
            | Q(user_permissions__in=moderate)
            | Q(groups__permissions__in=moderate)
        )
        verified = Q(profile__verification=Profile.Verification.VERIFIED)
        if board.visibility == Board.Visibility.GROUPS:
            verified &= Q(groups__in=board.allowed_groups.all())
        users = users.filter(moderator | verified)
    return set(users.values_list("pk", flat=True).distinct())


def can_start_thread(user: User, board: Board) -> bool:
    return can_see_board(user, board) and is_verified(user)


def _not_verified() -> PermissionDenied:
    return PermissionDenied(_("You can post once a moderator has verified your membership."))


def check_start_thread(user: User, board: Board) -> None:
    check_see_board(user, board)
    if not can_start_thread(user, board):
        raise _not_verified()


# --- Threads and posts --------------------------------------------------------------------


def can_reply(user: User, thread: Thread) -> bool:
    if not (can_see_board(user, thread.board) and is_verified(user)):
        return False
    return not thread.is_locked or is_moderator(user)


def check_reply(user: User, thread: Thread) -> None:
    check_see_board(user, thread.board)
    if not can_reply(user, thread):
        if not is_verified(user):
            raise _not_verified()
        raise PermissionDenied(_("This thread is locked: no new replies."))


def can_see_post(user: User, post: Post) -> bool:
    if not can_see_board(user, post.thread.board):
        return False
    if post.state in (Post.State.PUBLISHED, Post.State.DELETED):
        return True  # a deleted post shows as a placeholder, without its text
    if is_moderator(user):
        return True
    return post.state == Post.State.PENDING and post.author_id == user.pk


def visible_posts(user: User, posts: QuerySet[Post]) -> QuerySet[Post]:
    """Posts of a thread the user may read (the board itself is checked by the caller)."""
    if is_moderator(user):
        return posts
    shown = Q(state__in=[Post.State.PUBLISHED, Post.State.DELETED])
    if is_member(user):
        shown |= Q(state=Post.State.PENDING, author_id=user.pk)
    return posts.filter(shown)


def check_see_post(user: User, post: Post) -> None:
    if not can_see_post(user, post):
        raise Http404


def _may_change_own(user: User, post: Post) -> bool:
    return (
        post.author_id == user.pk
        and is_verified(user)
        and post.state != Post.State.DELETED
        and not post.thread.is_locked
        and can_see_board(user, post.thread.board)
    )


def can_edit_post(user: User, post: Post) -> bool:
    """Authors edit their own posts while the thread is open; moderators edit any."""
    if not is_member(user):
        return False
    if is_moderator(user):
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
    return can_see_post(user, post) and not (post.is_deleted and not is_moderator(user))


def can_watch(user: User, board: Board) -> bool:
    return is_member(user) and can_see_board(user, board)


def stream_access(user: User, stream) -> tuple[bool, int | None]:
    """May this user subscribe to the stream? Also the board it belongs to (or None)."""
    if stream.kind == "thread":
        thread = Thread.objects.select_related("board").filter(pk=stream.object_id).first()
        if thread is None:
            return False, None
        return can_see_board(user, thread.board), thread.board_id
    if stream.kind == "board":
        board = Board.objects.filter(pk=stream.object_id).first()
        if board is None:
            return False, None
        return can_see_board(user, board), board.pk
    if stream.kind == "user":
        return is_member(user) and stream.object_id == user.pk, None
    return is_moderator(user), None
