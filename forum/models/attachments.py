"""Files attached to posts and to consultation messages (forum/attachments.py checks them)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.models.consultations import Message
from forum.models.posts import Post


class Attachment(models.Model):
    """One checked file. Until its post or message is sent it belongs to its uploader alone
    (a refused form keeps it, ticked); the worker removes those left unsent for a day.

    Stored under a random name outside every public folder: it is served only by
    forum/views/attachments.py, which asks the policy whether the reader may see its post.
    """

    class Kind(models.TextChoices):
        IMAGE = "image", _("Picture")
        PDF = "pdf", _("PDF document")
        DOCUMENT = "document", _("Office document")

    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attachments"
    )
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The name shown and offered on download: the uploaded name with the extension of what the
    # bytes are (a GIF is stored as a PNG picture).
    name = models.CharField(_("name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(max_length=200)
    thumbnail = models.FileField(max_length=200, blank=True)  # pictures only
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(post__isnull=False, message__isnull=False),
                name="attachment_one_home",
            )
        ]
        indexes = [models.Index(fields=["uploader", "created_at"], name="attachment_uploader")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return self.kind == self.Kind.IMAGE

    @property
    def thumbnail_size(self) -> tuple[int, int]:
        """The thumbnail's width and height (it fits a square, keeping the proportions)."""
        width, height = self.width or 1, self.height or 1
        scale = min(1.0, limits.ATTACHMENT_THUMBNAIL_SIDE / max(width, height))
        return max(1, round(width * scale)), max(1, round(height * scale))
