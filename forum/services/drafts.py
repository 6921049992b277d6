"""Drafts kept on the server (forum/models/drafts.py): saved as the member types, served
back on any device while they may still read where the draft goes, dropped with the post
that sends it (in that post's transaction)."""

from __future__ import annotations

from typing import cast

from django.db.models import QuerySet
from django.utils import timezone

from forum.models import Board, Draft, Thread
from forum.permissions import User, can_see_board, can_see_thread, visible_boards
from forum.permissions.threads import readable_threads_q


def place(*, thread: Thread | None = None, board: Board | None = None) -> dict:
    """The lookup naming a draft's place: a thread (a reply) or a board (a new thread)."""
    if (thread is None) == (board is None):
        raise ValueError("a draft goes to a thread or to a board")
    return {"thread": thread} if thread is not None else {"board": board, "thread": None}


def save_draft(
    *, user: User, body: str, title: str = "", language: str = "", **where
) -> Draft | None:
    """Keep the text (replacing the draft there); nothing typed: the draft is dropped."""
    lookup = place(**where)
    if not body.strip() and not title.strip():
        drop_draft(user=user, **where)
        return None
    draft, _created = Draft.objects.update_or_create(
        user=user,
        **lookup,
        defaults={
            "body": body,
            "title": title,
            "language": language,
            "updated_at": timezone.now(),
        },
    )
    return draft


def drop_draft(*, user: User, **where) -> None:
    Draft.objects.filter(user_id=cast(int, user.pk), **place(**where)).delete()


def draft_for(*, user: User, **where) -> Draft | None:
    """The member's draft there, if they may still read there (a board made private since,
    a thread held or moved away: the draft is kept, not served)."""
    thread, board = where.get("thread"), where.get("board")
    if thread is not None and not can_see_thread(user, thread):
        return None
    if board is not None and not can_see_board(user, board):
        return None
    return Draft.objects.filter(user_id=cast(int, user.pk), **place(**where)).first()


def readable_drafts(user: User) -> QuerySet[Draft]:
    """The member's drafts where they may still read, newest first (their drafts page)."""
    boards = visible_boards(user)
    replies = Draft.objects.filter(thread__board__in=boards).filter(
        readable_threads_q(user, "thread__")
    )
    threads = Draft.objects.filter(board__in=boards)
    return (
        (replies | threads)
        .filter(user_id=cast(int, user.pk))
        .select_related("thread__board__area", "board__area")
        .order_by("-updated_at", "-pk")
    )
