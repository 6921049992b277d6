"""A member's bookmarks: a post kept with a note, and a reminder the worker sends."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.models.posts import Post


class Bookmark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(_("note"), max_length=limits.BOOKMARK_NOTE_MAX_LENGTH, blank=True)
    remind_at = models.DateTimeField(_("remind me at"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="bookmark_once"),
        ]
        indexes = [
            models.Index(
                fields=["remind_at"],
                condition=Q(reminded_at__isnull=True, remind_at__isnull=False),
                name="bookmark_reminder_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} bookmarked post {self.post_id}"
