"""What the confidential-data check reads besides its own rules (forum/confidential/): the
case-number shapes the association adds in the admin, and each board's choice of what is
checked."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.boards import Board


def _valid_pattern(value: str) -> None:
    try:
        compiled = re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ValidationError(
            _("This is not a regular expression: %(error)s"), params={"error": exc}
        ) from exc
    if compiled.search("") is not None:
        raise ValidationError(_("The pattern matches empty text: it would mark every post."))


class CaseNumberPattern(models.Model):
    """A jurisdiction's case or docket number shape, added in the admin (e.g. a court's
    "AB-2024-000123"): the check marks text it matches as a case number."""

    jurisdiction = models.CharField(_("jurisdiction"), max_length=100)
    pattern = models.CharField(
        _("pattern"),
        max_length=300,
        validators=[_valid_pattern],
        help_text=_(
            "A Python regular expression, read without regard to case; e.g. "
            "AB-\\d{4}-\\d{6} for AB-2024-000123."
        ),
    )
    example = models.CharField(_("example"), max_length=100, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["jurisdiction", "pk"]
        verbose_name = _("case number pattern")
        verbose_name_plural = _("case number patterns")

    def __str__(self) -> str:
        return f"{self.jurisdiction}: {self.pattern}"

    def clean(self) -> None:
        if self.example and self.pattern:
            try:
                matched = re.search(self.pattern, self.example, re.IGNORECASE)
            except re.error:
                return  # the field's own validator says why
            if not matched:
                raise ValidationError({"example": _("The pattern does not match its example.")})


class BoardCheck(models.Model):
    """What the check looks for on one board (no row: everything)."""

    board = models.OneToOneField(Board, on_delete=models.CASCADE, related_name="check_settings")
    categories = models.JSONField(_("checked"), default=list, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("board check")
        verbose_name_plural = _("board checks")

    def __str__(self) -> str:
        return str(self.board)
