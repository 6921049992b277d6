"""publish_event: store an event in the writer's transaction, broadcast it after commit."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from forum.models import Event, Post, Thread
from forum.realtime import streams
from forum.realtime.streams import Stream

logger = logging.getLogger(__name__)


def publish_event(*, stream: Stream, kind: str, payload: dict) -> Event:
    """Store the event now; send it to the stream's group once the transaction commits.

    A client that misses the broadcast (disconnected, another process restarting) gets the
    event from the table when it resubscribes with the last id it saw.
    """
    event = Event.objects.create(stream=stream.name, kind=kind, payload=payload)
    message = {"type": "forum.event", "event": event.as_message(), "group": stream.group}
    transaction.on_commit(lambda: _broadcast(stream.group, message))
    return event


def _broadcast(group: str, message: dict) -> None:
    try:
        async_to_sync(get_channel_layer().group_send)(group, message)
    except Exception:
        logger.exception("broadcast to %s failed; clients will catch up from the table", group)


def post_payload(post: Post) -> dict:
    """What every reader of the thread may see of a post (sanitized HTML, never hidden text)."""
    profile = getattr(post.author, "profile", None)
    data = {
        "post_id": post.pk,
        "thread_id": post.thread_id,
        "position": post.position,
        "state": post.state,
        "author_id": post.author_id,
        "author_name": (profile.display_name if profile else "") or post.author.get_username(),
        "created_at": post.created_at.isoformat(),
        "edited_at": post.edited_at.isoformat() if post.edited_at else None,
        "edit_count": post.edit_count,
        "language": post.language,
    }
    if post.state == Post.State.PUBLISHED:
        data["html"] = post.body_html
    return data


def thread_payload(thread: Thread) -> dict:
    return {
        "thread_id": thread.pk,
        "board_id": thread.board_id,
        "title": thread.title,
        "language": thread.language,
        "reply_count": thread.reply_count,
        "is_pinned": thread.is_pinned,
        "is_locked": thread.is_locked,
        "last_post_at": thread.last_post_at.isoformat(),
        "last_poster_id": thread.last_poster_id,
    }


def post_event(post: Post, kind: str) -> None:
    """post.created / post.edited / post.deleted on the thread's stream."""
    publish_event(stream=streams.thread(post.thread_id), kind=kind, payload=post_payload(post))


def thread_event(thread: Thread, kind: str) -> None:
    """thread.created / thread.updated on the board's stream."""
    publish_event(stream=streams.board(thread.board_id), kind=kind, payload=thread_payload(thread))
