"""What a member follows, is told about, and has read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.boards import Board
from forum.models.posts import Post
from forum.models.threads import Thread


class Subscription(models.Model):
    """A member watches a thread (told of replies) or a board (told of new threads)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, null=True, blank=True)
    board = models.ForeignKey(Board, on_delete=models.CASCADE, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="watch_thread_once",
            ),
            models.UniqueConstraint(
                fields=["user", "board"], condition=Q(board__isnull=False), name="watch_board_once"
            ),
            models.CheckConstraint(
                condition=Q(thread__isnull=False, board__isnull=True)
                | Q(thread__isnull=True, board__isnull=False),
                name="watch_thread_or_board",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.thread or self.board}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply in a thread you watch")
        QUOTE = "quote", _("Your post was quoted")
        MENTION = "mention", _("You were mentioned")
        NEW_THREAD = "new_thread", _("New thread in a board you watch")
        MODERATION = "moderation", _("A moderator acted on your account or your post")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # None when the forum itself acted (enough flags hid a post).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # For MODERATION notifications: the act, with its reason.
    action = models.ForeignKey(
        "forum.ModerationAction", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "post"],
                condition=Q(action__isnull=True),
                name="notify_once_per_post",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"


class ReadMarker(models.Model):
    """How far a member has read a thread (the highest post position seen)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="read_markers"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_markers")
    last_read_position = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="read_marker_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.thread} to #{self.last_read_position}"
