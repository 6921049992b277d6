"""Reactions: a member tells a post's author "this helped", "thanks" or "I agree", from a small
fixed set; each post keeps its counts (``Post.reaction_counts``) for the pages that show them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.posts import Post


class Reaction(models.Model):
    class Kind(models.TextChoices):
        # The order is the order on the page.
        HELPFUL = "helpful", _("Helpful")
        THANKS = "thanks", _("Thanks")
        AGREE = "agree", _("Agree")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(_("reaction"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="reaction_once"),
        ]
        indexes = [models.Index(fields=["user", "post"], name="reaction_by_member")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} post {self.post_id}"


# What each kind shows beside its name (decorative: the name is always written out).
SYMBOLS: dict[str, str] = {
    Reaction.Kind.HELPFUL.value: "💡",
    Reaction.Kind.THANKS.value: "🙏",
    Reaction.Kind.AGREE.value: "👍",
}
