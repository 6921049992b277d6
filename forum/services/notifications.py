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
from forum.tasks import send_moderation_email, send_notification_emails

Kind = Notification.Kind
# When one post concerns someone in several ways, they get one notification: the most personal.
PRIORITY = [Kind.MENTION, Kind.QUOTE, Kind.REPLY, Kind.NEW_THREAD]


def notify_about_post(post: Post, *, new_thread: bool, previous_source: str = "") -> list[int]:
    """Store the notifications a new or edited post causes; returns their recipients' ids.

    An edit (``previous_source`` given) only tells people newly mentioned or quoted.
    """
    thread = post.thread
    wanted: dict[int, str] = {}

    def want(user_ids, kind):
        for user_id in user_ids:
            current = wanted.get(user_id)
            if current is None or PRIORITY.index(kind) < PRIORITY.index(current):
                wanted[user_id] = kind

    if not previous_source:
        if new_thread:
            want(
                Subscription.objects.filter(board=thread.board_id).values_list("user", flat=True),
                Kind.NEW_THREAD,
            )
        else:
            want(
                Subscription.objects.filter(thread=thread).values_list("user", flat=True),
                Kind.REPLY,
            )
    quoted = markup.quoted_post_ids(post.body_source) - markup.quoted_post_ids(previous_source)
    if quoted:
        want(
            Post.objects.filter(pk__in=quoted, thread__board=thread.board_id).values_list(
                "author", flat=True
            ),
            Kind.QUOTE,
        )
    mentioned = markup.mentioned_usernames(post.body_source) - markup.mentioned_usernames(
        previous_source
    )
    if mentioned:
        want(
            get_user_model().objects.filter(username__in=mentioned).values_list("pk", flat=True),
            Kind.MENTION,
        )
    wanted.pop(post.author_id, None)
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
        base = base_url()  # the worker has no request: links start where this one came
        transaction.on_commit(lambda: send_notification_emails.enqueue(post.pk, ids, base))
    return sorted(recipients)


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


def mark_thread_notifications_read(*, user, thread_id: int) -> None:
    Notification.objects.filter(recipient=user, thread_id=thread_id, read_at__isnull=True).update(
        read_at=timezone.now()
    )
