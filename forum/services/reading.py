"""Read markers and subscriptions: what a member has read and what they watch."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models.functions import Greatest
from django.utils import timezone

from forum.models import Board, ReadMarker, Subscription, Thread
from forum.services.following import set_level


def mark_read(*, user, thread: Thread, position: int) -> None:
    """Move the member's read marker forward to ``position`` (never backwards)."""
    updated = ReadMarker.objects.filter(user=user, thread=thread).update(
        last_read_position=Greatest("last_read_position", position), updated_at=timezone.now()
    )
    if not updated:
        try:
            with transaction.atomic():
                ReadMarker.objects.create(user=user, thread=thread, last_read_position=position)
        except IntegrityError:  # created meanwhile by another tab
            mark_read(user=user, thread=thread, position=position)


def watch_thread(*, user, thread: Thread) -> None:
    set_level(user=user, thread=thread, level=Subscription.Level.WATCHING)


def unwatch_thread(*, user, thread: Thread) -> None:
    set_level(user=user, thread=thread, level=Subscription.Level.NORMAL)


def watch_board(*, user, board: Board) -> None:
    set_level(user=user, board=board, level=Subscription.Level.WATCHING)


def unwatch_board(*, user, board: Board) -> None:
    set_level(user=user, board=board, level=Subscription.Level.NORMAL)
