from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramArea(models.Model):
    """One of the association's programs; each has its own set of boards.

    ``name`` and ``description`` are translated (forum/translation.py); the slug is shared by
    every language so that a URL keeps pointing at the same area when the language changes.
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("program area")
        verbose_name_plural = _("program areas")

    def __str__(self) -> str:
        return self.name
