"""Boards: who reads them, who is told of them, who starts threads and watches them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _

from forum.models import Board, Profile
from forum.permissions.roles import (
    User,
    is_member,
    is_verified,
    may_post,
    moderates_board,
    moderation_scope,
    profile_of,
)


def can_see_board(user: User, board: Board) -> bool:
    """May this user read the board and its threads?"""
    if board.visibility == Board.Visibility.PUBLIC or moderates_board(user, board):
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
    scope = moderation_scope(user)
    if scope and scope.is_site_wide:
        return boards
    readable = Q(visibility=Board.Visibility.PUBLIC)
    if scope:
        readable |= Q(area__in=scope.areas)
    if is_verified(user):
        in_allowed_group = Board.allowed_groups.through.objects.filter(group__user=user)
        readable |= Q(visibility=Board.Visibility.MEMBERS) | Q(
            visibility=Board.Visibility.GROUPS, pk__in=in_allowed_group.values("board_id")
        )
    return boards.filter(readable)


def can_list_board(user: User, board: Board) -> bool:
    """Is the board named to this user? Those they read, and members-only boards to everyone:
    a visitor learns that joining opens them. Group-restricted boards stay unseen."""
    return board.visibility == Board.Visibility.MEMBERS or can_see_board(user, board)


def listed_boards(user: User, boards: QuerySet[Board] | None = None) -> QuerySet[Board]:
    """The boards a listing names to this user (can_list_board), as one query."""
    boards = Board.objects.all() if boards is None else boards
    return visible_boards(user, boards) | boards.filter(visibility=Board.Visibility.MEMBERS)


def check_list_board(user: User, board: Board) -> None:
    """Raise 404 for a board the user may not even know of."""
    if not can_list_board(user, board):
        raise Http404


def moderators_of_board_q(board: Board) -> Q:
    """The accounts that moderate the board, as a filter on users (moderates_board in SQL)."""
    moderate = Permission.objects.filter(
        content_type__app_label="forum", codename="moderate"
    ).values("pk")
    return (
        Q(is_superuser=True)
        | Q(user_permissions__in=moderate)
        | Q(groups__permissions__in=moderate)
        | Q(moderator_scope__areas=board.area_id)
    )


def readers_of_board(board: Board, user_ids: set[int], *, only: Q | None = None) -> set[int]:
    """Which of these users may read the board (for notifications): one query. ``only``
    narrows them further (a held thread: its author and the moderators)."""
    if not user_ids:
        return set()
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if only is not None:
        users = users.filter(only)
    if board.visibility != Board.Visibility.PUBLIC:
        moderator = moderators_of_board_q(board)
        verified = Q(profile__verification=Profile.Verification.VERIFIED)
        if board.visibility == Board.Visibility.GROUPS:
            verified &= Q(groups__in=board.allowed_groups.all())
        users = users.filter(moderator | verified)
    return set(users.values_list("pk", flat=True).distinct())


def can_start_thread(user: User, board: Board) -> bool:
    return can_see_board(user, board) and may_post(user)


def why_may_not_post(user: User) -> str:
    """Why a member who may read may not post at all: suspended (until when), or not verified."""
    profile = profile_of(user)
    until = profile.suspended_until if profile and profile.is_suspended else None
    if until is not None:
        return _("Your account is suspended until %(date)s: you can read but not post.") % {
            "date": formats.date_format(until, "DATETIME_FORMAT")
        }
    return _("You can post once a moderator has verified your membership.")


def _may_not_post(user: User) -> PermissionDenied:
    return PermissionDenied(why_may_not_post(user))


def check_start_thread(user: User, board: Board) -> None:
    check_see_board(user, board)
    if not can_start_thread(user, board):
        raise _may_not_post(user)


def can_watch(user: User, board: Board) -> bool:
    return is_member(user) and can_see_board(user, board)
