"""publish_event: store an event in the writer's transaction, broadcast it after commit."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction

from forum.models import Event, Post, Thread
from forum.models.members import public_name, public_username
from forum.realtime import kinds, sender, streams
from forum.realtime.streams import Stream
from forum.templatetags.forum_dates import machine_time

logger = logging.getLogger(__name__)


def publish_event(*, stream: Stream, kind: str, payload: dict) -> Event:
    """Store the event now; send it to the stream's group once the transaction commits.

    A client that misses the broadcast (disconnected, another process restarting) gets the
    event from the table when it resubscribes with the last id it saw.
    """
    return publish_events([(stream, kind, payload)])[0]


def publish_events(items: list[tuple[Stream, str, dict]]) -> list[Event]:
    """publish_event for several events of one write, stored in one statement (a reply's post
    and thread events), broadcast in this order after commit."""
    events = Event.objects.bulk_create(
        [
            Event(stream=stream.name, kind=kinds.check(kind), payload=payload)
            for stream, kind, payload in items
        ]
    )
    if _QUIET.get():
        return events
    for (stream, _kind, _payload), event in zip(items, events, strict=True):
        for group in stream.groups:
            message = {"type": "forum.event", "event": event.as_message(), "group": group}
            transaction.on_commit(partial(_broadcast, group, message))
    return events


_QUIET: ContextVar[bool] = ContextVar("forum_events_quiet", default=False)


@contextmanager
def stored_only() -> Iterator[None]:
    """Events written inside are stored, not broadcast: for bulk writes nobody watches live
    (seed_demo's thousand posts), whose pages catch up from the table like any reconnect."""
    token = _QUIET.set(True)
    try:
        yield
    finally:
        _QUIET.reset(token)


def _broadcast(group: str, message: dict) -> None:
    try:
        sender.group_send(group, message)
    except Exception:
        logger.exception("broadcast to %s failed; clients will catch up from the table", group)


def announce_access_change(board_id: int) -> None:
    """After commit, sockets following the board or its threads re-check their access."""

    def tell() -> None:
        group = streams.access_group(board_id)
        _broadcast(group, {"type": "forum.access", "board_id": board_id, "group": group})

    transaction.on_commit(tell)


def post_payload(post: Post) -> dict:
    """What every reader of the thread may see of a post (sanitized HTML, never hidden text).

    Everything forum/_post.html shows of a post, for live.js to render it alike; nothing that
    depends on the reader (their actions on it come from the page they have open).
    """
    profile = getattr(post.author, "profile", None)
    shown = profile if profile is not None and profile.deleted_at is None else None
    data = {
        "post_id": post.pk,
        "thread_id": post.thread_id,
        "position": post.position,
        "state": post.state,
        "author_id": post.author_id,
        "author_name": public_name(post.author),
        "author_username": public_username(post.author),
        "author_organization": shown.organization if shown is not None else "",
        "author_avatar": shown.avatar.url if shown is not None and shown.avatar else "",
        "created_at": machine_time(post.created_at),
        "edited_at": machine_time(post.edited_at) if post.edited_at else None,
        "edit_count": post.edit_count,
        "language": post.language,
        "reactions": post.reaction_counts,
    }
    if post.state == Post.State.PUBLISHED:
        data["html"] = post.body_html
        if post.attachment_count:
            from forum.services.attachments import payload

            data["attachments"] = [payload(attachment) for attachment in post.attachments.all()]
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
        "held": thread.held,
        "merged_into": thread.merged_into_id,
        "last_post_at": thread.last_post_at.isoformat(),
        "last_poster_id": thread.last_poster_id,
    }


def post_event(post: Post, kind: str) -> None:
    """post.created / edited / deleted / hidden / restored on the thread's stream."""
    publish_events([post_item(post, kind)])


def post_item(post: Post, kind: str) -> tuple[Stream, str, dict]:
    return streams.thread(post.thread_id), kind, post_payload(post)


def thread_event(thread: Thread, kind: str, *, also_thread_stream: bool = False) -> None:
    """thread.created / updated / locked / pinned / moved ... on the board's stream.

    Changes the thread's own readers must see (locked, moved, merged) go to its stream too.
    A held thread is not on its board for anyone but its author and moderators (the policy's
    can_see_thread), and a board's stream goes to all its readers: its events go to the
    thread's own stream only, which the policy opens to those two alone.
    """
    publish_events(thread_items(thread, kind, also_thread_stream=also_thread_stream))


def thread_items(
    thread: Thread, kind: str, *, also_thread_stream: bool = False
) -> list[tuple[Stream, str, dict]]:
    payload = thread_payload(thread)
    items = []
    if not thread.held:
        items.append((streams.board(thread.board_id), kind, payload))
    if also_thread_stream or thread.held:
        items.append((streams.thread(thread.pk), kind, payload))
    return items


def queue_event(*, area_id: int | None, kind: str, language: str = "", **data) -> None:
    """A moderation queue changed (an item arrived or was settled): moderators' pages refresh.

    Carries ids and the language only, never the post's text: the page fetches what its viewer
    may see.
    """
    payload = {"area_id": area_id, "language": language, **data}
    publish_event(stream=streams.moderation(area_id), kind=kind, payload=payload)
