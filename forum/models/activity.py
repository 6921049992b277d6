"""What a member follows, is told about, and has read."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.areas import ProgramArea
from forum.models.boards import Board
from forum.models.posts import Post
from forum.models.threads import Thread


class Subscription(models.Model):
    """How closely a member follows a thread, a board or a program area (Discourse's levels).

    No row is "normal". The closest row decides: a thread's over its board's, a board's over its
    area's (forum/services/following.py). Watching: told of every post (a board's or an area's:
    of each new thread and every reply in it); tracking: its threads count in Unread, told only
    when mentioned or quoted; muted: never listed in Latest, New or Unread, never told.
    """

    class Level(models.IntegerChoices):
        MUTED = 0, _("Muted")
        NORMAL = 1, _("Normal")
        TRACKING = 2, _("Tracking")
        WATCHING = 3, _("Watching")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, null=True, blank=True)
    board = models.ForeignKey(Board, on_delete=models.CASCADE, null=True, blank=True)
    area = models.ForeignKey(ProgramArea, on_delete=models.CASCADE, null=True, blank=True)
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.WATCHING
    )
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
            models.UniqueConstraint(
                fields=["user", "area"], condition=Q(area__isnull=False), name="watch_area_once"
            ),
            models.CheckConstraint(
                condition=Q(thread__isnull=False, board__isnull=True, area__isnull=True)
                | Q(thread__isnull=True, board__isnull=False, area__isnull=True)
                | Q(thread__isnull=True, board__isnull=True, area__isnull=False),
                name="watch_thread_board_or_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_level_display()} {self.thread or self.board or self.area}"


class MutedMember(models.Model):
    """A member another has muted: their posts collapse for them, and they cannot notify them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_members"
    )
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "muted"], name="mute_member_once"),
            models.CheckConstraint(condition=~Q(user=models.F("muted")), name="mute_not_oneself"),
        ]

    def __str__(self) -> str:
        return f"{self.user} muted {self.muted}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply in a thread you watch")
        QUOTE = "quote", _("Your post was quoted")
        MENTION = "mention", _("You were mentioned")
        NEW_THREAD = "new_thread", _("New thread in a board you watch")
        MODERATION = "moderation", _("A moderator acted on your account or your post")
        BOOKMARK = "bookmark", _("A reminder of a post you bookmarked")
        ACCEPTED = "accepted", _("Your reply was accepted as the answer")
        CONSULTATION = "consultation", _("A message in a private consultation")

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
    consultation = models.ForeignKey(
        "forum.Consultation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
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
                condition=Q(action__isnull=True) & ~Q(kind="bookmark"),
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
