"""Reactions (forum/models/reactions.py): a member gives or takes back one of a post's
reactions; the post's counts change in the same transaction, its thread's pages are drawn again
(the stamp), and open pages hear of it (``post.reacted``)."""

from __future__ import annotations

from typing import cast

from django.db import transaction
from django.db.models import Count

from forum.models import Post, Reaction
from forum.permissions import User, check_react
from forum.realtime import kinds, streams
from forum.realtime.events import publish_event
from forum.services.locking import lock_post
from forum.services.stamps import stamp


def counts_of(post: Post) -> dict[str, int]:
    """The post's reactions by kind, in the order of ``Reaction.Kind`` (none: left out)."""
    found = dict(
        Reaction.objects.filter(post=post)
        .values("kind")
        .annotate(count=Count("pk"))
        .values_list("kind", "count")
    )
    return {kind: found[kind] for kind in Reaction.Kind.values if found.get(kind)}


def toggle_reaction(*, user, post: Post, kind: str) -> bool:
    """Give the reaction, or take it back when given already; True when it is given now.
    ``post.reaction_counts`` is the new count on return.

    Raises ValueError for a kind not in the set, Http404/PermissionDenied as check_react.
    """
    if kind not in Reaction.Kind.values:
        raise ValueError(kind)
    with transaction.atomic():
        current = lock_post(post)  # one writer at a time on the counts
        check_react(user, current)  # as the post stands now: hidden meanwhile is refused
        taken_back, _ = Reaction.objects.filter(post=current, user=user, kind=kind).delete()
        if not taken_back:
            Reaction.objects.create(post=current, user=user, kind=kind)
        current.reaction_counts = counts_of(current)
        current.save(update_fields=["reaction_counts"])
        stamp(threads=[current.thread_id])
        payload = {
            "post_id": current.pk,
            "position": current.position,
            "reactions": current.reaction_counts,
        }
        stream = streams.thread(current.thread_id)
        publish_event(stream=stream, kind=kinds.POST_REACTED, payload=payload)
    post.reaction_counts = current.reaction_counts
    return not taken_back


def reactions_of(user: User, post_ids: list[int]) -> dict[int, list[str]]:
    """The kinds this member gave to each of these posts (their pressed buttons): one query."""
    given: dict[int, list[str]] = {}
    rows = Reaction.objects.filter(user_id=cast(int, user.pk), post_id__in=post_ids).values_list(
        "post_id", "kind"
    )
    for post_id, kind in rows:
        given.setdefault(post_id, []).append(kind)
    return given


def reactors(post: Post, *, limit: int) -> dict[str, list[Reaction]]:
    """Who gave each kind, first givers first, at most ``limit`` per kind."""
    given = Reaction.objects.filter(post=post).select_related("user__profile")
    return {
        kind: list(given.filter(kind=kind).order_by("created_at", "pk")[:limit])
        for kind in Reaction.Kind.values
        if post.reaction_counts.get(kind)
    }
