from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The association's program, event and resource pages (Wagtail)."""

    name = "cms"
    verbose_name = _("Program pages")

    def ready(self) -> None:
        from cms import signals  # noqa: F401
        from cms.models import SitePage, route_by_localized_slug
        from cms.search_documents import page_docs
        from forum.search.sources import register_pages

        # Search indexes the site's pages through this builder; forum never imports cms.
        register_pages(page_docs)

        # After wagtail-modeltranslation has patched the page types (its app comes first).
        def patch(model):
            model.route = route_by_localized_slug
            for subclass in model.__subclasses__():
                patch(subclass)

        patch(SitePage)
