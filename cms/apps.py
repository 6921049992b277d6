from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The association's program, event and resource pages (Wagtail)."""

    name = "cms"
    verbose_name = _("Program pages")

    def ready(self) -> None:
        from cms import signals  # noqa: F401
