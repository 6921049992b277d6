"""Tags on threads: a list the site's moderators curate (names translated, forum/translation.py),
from which a thread's author picks up to ``limits.TAGS_PER_THREAD``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tag(models.Model):
    # The slug is shared by every language: a tag page's address stays when the language changes.
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=40)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name
