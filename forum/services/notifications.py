"""Who is told about a new post, and how (stored notifications; e-mail for those who opted in)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from forum import markup
from forum.links import base_url
from forum.models import Notification, Post, Subscription
from forum.permissions import readers_of_thread
from forum.realtime import kinds, streams
from forum.realtime.events import publish_event
from forum.services import following
from forum.tasks import notify_post_readers, send_moderation_email, send_notification_emails

Kind = Notification.Kind
Level = Subscription.Level
# When one post concerns someone in several ways, they get one notification: the most personal.
PRIORITY = [Kind.MENTION, Kind.QUOTE, Kind.REPLY, Kind.NEW_THREAD]


def notify_about_post(post: Post, *, new_thread: bool, previous_source: str = "") -> None:
    """Have the worker tell whoever a new or edited post concerns (``tell_about_post``).

    Called in the writer's transaction: the task's row is written with the post, so it is
    never lost (no gap between the commit and an after-commit hook), and the request does not
    wait for the fan-out, which costs a row, an event and a broadcast per watcher. An edit
    (``previous_source`` given) that adds no mention or quote queues nothing.
    """
    if previous_source and not any(newly_named(post.body_source, previous_source)):
        return
    notify_post_readers.enqueue(post.pk, post.body_source, previous_source, new_thread, base_url())


def newly_named(source: str, previous_source: str) -> tuple[set[int], set[str]]:
    """The posts ``source`` quotes and the usernames it mentions that ``previous_source`` (the
    text before an edit; "" for a new post) did not."""
    return (
        markup.quoted_post_ids(source) - markup.quoted_post_ids(previous_source),
        markup.mentioned_usernames(source) - markup.mentioned_usernames(previous_source),
    )


def tell_about_post(
    post: Post, *, source: str, new_thread: bool, previous_source: str = "", base: str = ""
) -> list[int]:
    """Store the notifications ``source`` (the post's text when it was written) causes, with
    their events; returns their recipients' ids. The worker runs it (tasks.notify_post_readers).

    An edit (``previous_source`` given) only tells people newly mentioned or quoted.
    """
    thread = post.thread
    wanted: dict[int, str] = {}

    def want(user_ids, kind):
        for user_id in user_ids:
            current = wanted.get(user_id)
            if current is None or PRIORITY.index(kind) < PRIORITY.index(current):
                wanted[user_id] = kind

    # Each member's level for the thread, from its own row, its board's or its area's.
    if new_thread and not previous_source:
        levels, told = following.thread_and_place_levels(thread)
    else:
        levels = told = following.thread_levels(thread)
    if not previous_source:
        # A new thread tells those who watch its board or area; a reply, those who watch
        # the thread (its own row first, then its board's or area's).
        watching = [user_id for user_id, level in told.items() if level == Level.WATCHING]
        want(watching, Kind.NEW_THREAD if new_thread else Kind.REPLY)
    quoted, mentioned = newly_named(source, previous_source)
    if quoted:
        want(
            Post.objects.filter(pk__in=quoted, thread__board=thread.board_id).values_list(
                "author", flat=True
            ),
            Kind.QUOTE,
        )
    if mentioned:
        want(
            get_user_model().objects.filter(username__in=mentioned).values_list("pk", flat=True),
            Kind.MENTION,
        )
    wanted.pop(post.author_id, None)
    # A muted thread (or board, or area) tells nothing, not even a mention; nor does a member
    # someone muted.
    for user_id in [user_id for user_id in wanted if levels.get(user_id) == Level.MUTED]:
        del wanted[user_id]
    for user_id in following.muting(post.author_id, wanted):
        del wanted[user_id]
    recipients = readers_of_thread(thread, set(wanted))
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=user_id,
                kind=wanted[user_id],
                actor_id=post.author_id,
                thread=thread,
                post=post,
            )
            for user_id in sorted(recipients)
        ],
        ignore_conflicts=True,
    )
    for user_id in sorted(recipients):
        publish_event(
            stream=streams.user(user_id),
            kind=kinds.NOTIFICATION_CREATED,
            payload={
                "kind": wanted[user_id],
                "post_id": post.pk,
                "thread_id": thread.pk,
                "thread_title": thread.title,
                "actor_id": post.author_id,
            },
        )
    if recipients:
        ids = sorted(recipients)
        transaction.on_commit(lambda: send_notification_emails.enqueue(post.pk, ids, base))
    return sorted(recipients)


def tell_member(
    recipient_id: int, kind: str, *, actor=None, post: Post | None = None, consultation=None
) -> Notification:
    """One notification for one member (a reminder, an accepted answer, a consultation's
    message), and its live event on their own stream: the header's count moves at once."""
    notification = Notification.objects.create(
        recipient_id=recipient_id,
        kind=kind,
        actor=actor,
        thread=post.thread if post is not None else None,
        post=post,
        consultation=consultation,
    )
    payload: dict = {"kind": kind, "actor_id": actor.pk if actor is not None else None}
    if post is not None:
        payload |= {
            "post_id": post.pk,
            "thread_id": post.thread_id,
            "thread_title": post.thread.title,
        }
    if consultation is not None:
        payload["consultation_id"] = consultation.pk
    publish_event(
        stream=streams.user(recipient_id), kind=kinds.NOTIFICATION_CREATED, payload=payload
    )
    return notification


def notify_moderation(action, *, recipient) -> Notification:
    """Tell a member what a moderator did to their account or post, and why (also by e-mail)."""
    notification = Notification.objects.create(
        recipient=recipient,
        kind=Kind.MODERATION,
        actor=action.actor,
        thread=action.thread,
        post=action.post,
        action=action,
    )
    publish_event(
        stream=streams.user(recipient.pk),
        kind=kinds.NOTIFICATION_CREATED,
        payload={"kind": Kind.MODERATION, "action": action.kind, "thread_id": action.thread_id},
    )
    base = base_url()
    transaction.on_commit(lambda: send_moderation_email.enqueue(notification.pk, base))
    return notification


def mark_notifications_read(*, user, notification_ids: list[int] | None = None) -> int:
    """Mark some (or all) of a member's unread notifications read; returns how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def mark_thread_notifications_read(*, user, thread_id: int) -> int:
    """The member's unread notifications of the thread marked read: how many."""
    return Notification.objects.filter(
        recipient=user, thread_id=thread_id, read_at__isnull=True
    ).update(read_at=timezone.now())
