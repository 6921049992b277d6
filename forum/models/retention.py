"""Retention policies (forum/services/retention.py): how long a program area's or a board's
posts are kept before the worker anonymizes or deletes them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.areas import ProgramArea
from forum.models.boards import Board

MAX_MONTHS = 1200  # a hundred years: longer is "keep forever"


class RetentionPolicy(models.Model):
    """One area's or one board's policy; a board's wins over its area's. None: keep forever."""

    class Action(models.TextChoices):
        KEEP = "keep", _("Keep forever")
        ANONYMIZE = "anonymize", _("Anonymize the author")
        DELETE = "delete", _("Delete the post")

    area = models.OneToOneField(
        ProgramArea, on_delete=models.CASCADE, null=True, blank=True, related_name="retention"
    )
    board = models.OneToOneField(
        Board, on_delete=models.CASCADE, null=True, blank=True, related_name="retention"
    )
    action = models.CharField(_("after the period"), max_length=10, choices=Action.choices)
    months = models.PositiveIntegerField(
        _("months"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHS)],
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=False, board__isnull=True)
                | models.Q(area__isnull=True, board__isnull=False),
                name="retention_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} after {self.months} months"
