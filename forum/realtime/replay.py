"""What a resubscribing socket gets: the events it missed, as they read now and as it may read
them (the protocol is in consumers.py; docs/realtime.md)."""

from __future__ import annotations

from datetime import timedelta

from channels.db import database_sync_to_async
from django.db.models import Q

from forum import limits
from forum.models import Event, Post
from forum.permissions import User, readable_threads_q, visible_boards
from forum.realtime import kinds
from forum.realtime.following import ALL_MODERATION


def _stored(sources: list[str]) -> Q:
    if ALL_MODERATION in sources:
        return Q(stream__startswith="moderation:")
    return Q(stream__in=sources)


@database_sync_to_async
def _missed(sources: list[str], after: int, user: User) -> list[dict] | None:
    """Events after ``after``, oldest first; None when there are too many to replay."""
    resumed_at = Event.objects.filter(pk=after).values_list("created_at", flat=True).first()
    window = Q(pk__gt=after)
    if resumed_at is not None:
        reorder = timedelta(seconds=limits.REPLAY_REORDER_SECONDS)
        window |= Q(pk__lt=after, created_at__gte=resumed_at - reorder)
    events = list(
        Event.objects.filter(_stored(sources))
        .filter(window)
        .order_by("pk")[: limits.REPLAY_LIMIT + 1]
    )
    if len(events) > limits.REPLAY_LIMIT:
        return None
    return _still_readable(user, _as_now([event.as_message() for event in events]))


def _still_readable(user: User, messages: list[dict]) -> list[dict]:
    """Replayed notifications name a thread: those about a post hidden or deleted since, or in
    a board the member has lost, are left out, as on the notifications page (selectors.py)."""
    named = {
        m["payload"].get("post_id")
        for m in messages
        if m["kind"] == kinds.NOTIFICATION_CREATED and m["payload"].get("post_id")
    }
    if not named:
        return messages
    readable = set(
        Post.objects.filter(
            readable_threads_q(user, "thread__"),
            pk__in=named,
            state=Post.State.PUBLISHED,
            thread__board__in=visible_boards(user),
        ).values_list("pk", flat=True)
    )
    return [
        m
        for m in messages
        if m["kind"] != kinds.NOTIFICATION_CREATED
        or not m["payload"].get("post_id")
        or m["payload"]["post_id"] in readable
    ]


def _as_now(messages: list[dict]) -> list[dict]:
    """Replayed posts carry their text as it is now, not as it was when the event was stored:
    a post hidden or deleted since is replayed without its text, an edited one with its
    latest version. (A live event is sent once, when it happens; the log is read later.)"""
    _translations_as_now(messages)
    ids = {
        m["payload"].get("post_id")
        for m in messages
        if isinstance(m["payload"], dict) and "html" in m["payload"]
    }
    if not ids:
        return messages
    published = Post.objects.filter(pk__in=ids, state=Post.State.PUBLISHED)
    current = dict(published.values_list("pk", "body_html"))
    for message in messages:
        payload = message["payload"]
        if isinstance(payload, dict) and "html" in payload:
            payload = {key: value for key, value in payload.items() if key != "html"}
            if payload.get("post_id") in current:
                payload["html"] = current[payload["post_id"]]
            message["payload"] = payload
    return messages


def _translations_as_now(messages: list[dict]) -> None:
    """A replayed translation keeps its text only while its post is published and at the
    version it was made from (a hidden post's translation is as private as the post)."""
    found = [
        m["payload"]
        for m in messages
        if isinstance(m["payload"], dict) and "html_translated" in m["payload"]
    ]
    if not found:
        return
    ids = {payload["post_id"] for payload in found}
    published = Post.objects.filter(pk__in=ids, state=Post.State.PUBLISHED)
    versions = dict(published.values_list("pk", "edit_count"))
    for payload in found:
        if versions.get(payload["post_id"]) != payload.get("revision"):
            del payload["html_translated"]


def newest_event_id() -> int:
    """The log's newest id: the cursor a page is drawn at (base.html's data-since), from which
    its live script subscribes, so that nothing between the drawing and the socket is lost."""
    return Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@database_sync_to_async
def _latest(sources: list[str], past: int | None = None) -> tuple[int, int]:
    """The stream's newest id, and the whole log's when ``past`` (a client's last id) is beyond
    the stream's: an id past the log's newest is from another log. Else the stream's twice, and
    a subscription costs one query."""
    stream = (
        Event.objects.filter(_stored(sources)).order_by("-pk").values_list("pk", flat=True).first()
        or 0
    )
    return stream, newest_event_id() if past is not None and past > stream else stream
