"""Live streams: who may follow a thread's, a board's, a consultation's, a member's or the
moderators' stream."""

from __future__ import annotations

from typing import TYPE_CHECKING

from forum.models import Board, Thread
from forum.permissions.boards import can_see_board
from forum.permissions.roles import User, is_member, is_moderator
from forum.permissions.threads import can_see_thread

if TYPE_CHECKING:
    from forum.realtime.streams import Stream


def stream_access(user: User, stream: Stream) -> tuple[bool, int | None]:
    """May this user subscribe to the stream? Also the board it belongs to (or None)."""
    if stream.kind in ("thread", "board"):
        if stream.object_id is None:  # names no thread or board (streams.parse always gives one)
            return False, None
        if stream.kind == "thread":
            thread = Thread.objects.select_related("board").filter(pk=stream.object_id).first()
            if thread is None:
                return False, None
            return can_see_thread(user, thread), thread.board_id
        board = Board.objects.filter(pk=stream.object_id).first()
        if board is None:
            return False, None
        return can_see_board(user, board), board.pk
    if stream.kind == "consultation":
        from forum.models import Consultation
        from forum.permissions.consultations import can_read_consultation

        found = Consultation.objects.filter(pk=stream.object_id or 0).first()
        return found is not None and can_read_consultation(user, found), None
    if stream.kind == "user":
        return is_member(user) and stream.object_id == user.pk, None
    return is_moderator(user), None
