from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Each database connection gets the audit log triggers' switch (forum/audit.py).
        from django.db.backends.signals import connection_created

        from forum import signals  # noqa: F401 - connects the cache-invalidation receivers
        from forum.audit import on_connection
        from forum.checks import site_url_check  # noqa: F401 - registers the deploy check
        from forum.realtime import accounts  # noqa: F401 - sockets follow account changes
        from forum.search import signals as search_signals  # noqa: F401 - index updates
        from forum.visits import signed_in  # noqa: F401 - a sign-in starts a visit

        connection_created.connect(on_connection, dispatch_uid="forum.audit")
