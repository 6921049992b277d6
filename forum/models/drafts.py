"""A member's unsent text, kept on the server so it follows them to another device: one draft
per member and thread (a reply) or board (a new thread). The browser keeps its own copy too."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from forum import limits
from forum.models.boards import Board
from forum.models.threads import Thread


class Draft(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=limits.TITLE_MAX_LENGTH, blank=True)
    body = models.TextField(blank=True)
    language = models.CharField(max_length=10, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=True) ^ Q(board__isnull=True), name="draft_one_place"
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False), name="draft_reply"
            ),
            models.UniqueConstraint(
                fields=["user", "board"], condition=Q(board__isnull=False), name="draft_thread"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}'s draft in {self.thread or self.board}"
