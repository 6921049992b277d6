"""The one permission policy: every "may this user see/do X" question is answered here.

Views, consumers, search and feeds call these functions; nothing checks permissions by hand.
``can_*`` answer for templates, ``check_*`` raise, ``visible_*`` filter querysets.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from forum.models import Board

User = AbstractBaseUser | AnonymousUser


def is_member(user: User) -> bool:
    """A signed-in, active account (member verification refines this in the forum core)."""
    return bool(user.is_authenticated and user.is_active)


def sees_everything(user: User) -> bool:
    """Site administrators read every board, restricted or not."""
    return bool(is_member(user) and (user.is_superuser or user.is_staff))


def can_see_board(user: User, board: Board) -> bool:
    """May this user read the board and its threads?"""
    if board.visibility == Board.Visibility.PUBLIC or sees_everything(user):
        return True
    if not is_member(user):
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
    if sees_everything(user):
        return boards
    readable = Q(visibility=Board.Visibility.PUBLIC)
    if is_member(user):
        in_allowed_group = Board.allowed_groups.through.objects.filter(group__user=user)
        readable |= Q(visibility=Board.Visibility.MEMBERS) | Q(
            visibility=Board.Visibility.GROUPS, pk__in=in_allowed_group.values("board_id")
        )
    return boards.filter(readable)
