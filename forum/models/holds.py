"""Legal holds (forum/services/holds.py): while one is in force, nothing it covers is deleted
or anonymized, by anyone, the member's own deletes included."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.boards import Board
from forum.models.threads import Thread


class LegalHold(models.Model):
    """A hold on one thread, one board or one member, with its reason, until lifted."""

    thread = models.ForeignKey(
        Thread, on_delete=models.PROTECT, null=True, blank=True, related_name="legal_holds"
    )
    board = models.ForeignKey(
        Board, on_delete=models.PROTECT, null=True, blank=True, related_name="legal_holds"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_holds",
    )
    reason = models.TextField(_("reason"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-placed_at", "-pk"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(thread__isnull=False, board__isnull=True, member__isnull=True)
                    | models.Q(thread__isnull=True, board__isnull=False, member__isnull=True)
                    | models.Q(thread__isnull=True, board__isnull=True, member__isnull=False)
                ),
                name="legal_hold_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"hold {self.pk}"

    @property
    def in_force(self) -> bool:
        return self.lifted_at is None
