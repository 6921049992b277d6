"""Bookmarks: a member keeps a post with a note and, if they like, a reminder (the worker sends
it as a notification when it is due, if they may still read the post)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits
from forum.models import Bookmark, Notification, Post
from forum.permissions import check_see_post, readable_threads_q, visible_boards
from forum.services.notifications import tell_member


class BookmarkError(ValueError):
    """A bookmark that cannot be kept as asked; the message says why."""


def check_reminder(remind_at: datetime | None, *, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if remind_at is None:
        return
    if remind_at <= now:
        raise BookmarkError(_("Choose a reminder time in the future."))
    if remind_at > now + timedelta(days=limits.BOOKMARK_REMINDER_MAX_DAYS):
        raise BookmarkError(_("Choose a reminder time within the next year."))


def bookmark_post(
    *, user, post: Post, note: str = "", remind_at: datetime | None = None
) -> Bookmark:
    """Keep (or change) the member's bookmark of a post they may read."""
    check_see_post(user, post)
    check_reminder(remind_at)
    bookmark, _created = Bookmark.objects.update_or_create(
        user=user,
        post=post,
        defaults={"note": note.strip(), "remind_at": remind_at, "reminded_at": None},
    )
    return bookmark


def remove_bookmark(*, user, post_id: int) -> bool:
    return Bookmark.objects.filter(user=user, post_id=post_id).delete()[0] > 0


def readable_bookmarks(user) -> QuerySet[Bookmark]:
    """The member's bookmarks of posts they may still read: a post hidden since, or a board
    they lost, drops out of the list (and its reminder is never sent)."""
    return (
        Bookmark.objects.filter(user=user)
        .filter(
            Q(post__thread__board__in=visible_boards(user))
            & readable_threads_q(user, "post__thread__")
            & Q(post__state=Post.State.PUBLISHED)
        )
        .select_related("post__thread__board__area", "post__author__profile")
    )


def send_due_reminders(*, now: datetime | None = None, batch: int = 200) -> int:
    """Tell each member whose reminder is due, once (the worker runs it every minute). A reminder
    of a post they may no longer read is marked done and tells nothing."""
    now = now or timezone.now()
    sent = 0
    due = Bookmark.objects.filter(reminded_at__isnull=True, remind_at__lte=now).select_related(
        "user", "post__thread"
    )
    for bookmark in due.order_by("remind_at", "pk")[:batch]:
        with transaction.atomic():
            taken = Bookmark.objects.filter(pk=bookmark.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not taken:  # another worker sent it
                continue
            if not readable_bookmarks(bookmark.user).filter(pk=bookmark.pk).exists():
                continue
            tell_member(bookmark.user_id, Notification.Kind.BOOKMARK, post=bookmark.post)
            sent += 1
    return sent


def reminders_due() -> bool:
    return Bookmark.objects.filter(reminded_at__isnull=True, remind_at__lte=timezone.now()).exists()
