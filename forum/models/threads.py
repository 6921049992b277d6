from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.boards import Board


class Thread(models.Model):
    """A discussion in a board. Counters and last-post fields are kept by forum.services."""

    board = models.ForeignKey(
        Board, on_delete=models.PROTECT, related_name="threads", verbose_name=_("board")
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="threads"
    )
    language = models.CharField(_("language"), max_length=10, db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_post_at = models.DateTimeField(_("last post at"), default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The last position handed out (deleted posts keep theirs, so permalinks never move).
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    # Any change a reader of the thread page would see (a reply, an edit, a deletion): the
    # visitors' cached copy of a page is keyed on it.
    changed_at = models.DateTimeField(default=timezone.now)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    # Its first post waits for a moderator: only the author and moderators see the thread.
    held = models.BooleanField(_("awaiting review"), default=False)
    # A thread merged into another keeps its row (old links redirect) but leaves the board list.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    # A question: its author or a moderator accepts a reply as the answer (services/answers.py).
    is_question = models.BooleanField(_("question"), default=False)
    accepted_answer = models.ForeignKey(
        "forum.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted answer"),
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    tags = models.ManyToManyField(
        "forum.Tag", blank=True, related_name="threads", verbose_name=_("tags")
    )

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["board", "-is_pinned", "-last_post_at"], name="thread_board_order"
            ),
            # Across boards: Latest (by activity) and New (by start), and a board's latest.
            models.Index(fields=["-last_post_at", "-id"], name="thread_latest"),
            models.Index(fields=["created_at"], name="thread_started"),
            models.Index(fields=["board", "-last_post_at"], name="thread_board_latest"),
        ]

    def __str__(self) -> str:
        return self.title


class ThreadTitleRevision(models.Model):
    """A title a thread had before an edit (forum/services/titles.py): its history."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="title_revisions")
    title = models.CharField(_("title"), max_length=200)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.thread_id}: {self.title}"
