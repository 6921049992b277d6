from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models.areas import ProgramArea


class Board(models.Model):
    """A topic board inside a program area. Who may read it is decided by forum.permissions."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")
        GROUPS = "groups", _("Restricted to groups")

    area = models.ForeignKey(
        ProgramArea, on_delete=models.PROTECT, related_name="boards", verbose_name=_("program area")
    )
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # Any change to the board's thread list (new thread, reply, deletion): the visitors' cached
    # copy of a list page is keyed on it.
    changed_at = models.DateTimeField(default=timezone.now, editable=False)
    allowed_groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="boards",
        verbose_name=_("allowed groups"),
        help_text=_("Only for boards restricted to groups: members of these groups may read it."),
    )

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("board")
        verbose_name_plural = _("boards")
        permissions = [("moderate", _("Can moderate every board"))]
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="board_slug_unique_in_area"),
            models.CheckConstraint(
                condition=models.Q(visibility__in=["public", "members", "groups"]),
                name="board_visibility_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area} / {self.name}"
