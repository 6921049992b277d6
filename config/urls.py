from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from cms.sitemaps import cached_sitemap, cached_sitemap_index
from config import observability
from config.media import serve_media
from forum import ids  # noqa: F401 - registers the <id:...> path converter
from forum.views import accounts
from forum.views.health import healthz, live, ready

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/live", live, name="healthz-live"),
    path("healthz/ready", ready, name="healthz-ready"),
    path("metrics", observability.metrics, name="metrics"),  # loopback and staff only
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, behind a check of their return address (cms/views.py).
    path(
        "documents/authenticate_with_password/<id:restriction_id>/",
        cms_views.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Uploaded pictures, in every environment; documents only through the view above.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media"),
    # Built from every page in eight languages (hundreds of URLs): cached (cms/sitemaps.py).
    path("sitemap.xml", cached_sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", cached_sitemap, name="sitemap_section"),
]

# Every public page lives under a language prefix (/en/, /es/, ...); "/" redirects to the
# visitor's language (Accept-Language). The language switcher links to the same page under
# each prefix. Wagtail's pages come last: it catches all.
urlpatterns += i18n_patterns(
    # Signing in switches to the member's preferred language.
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    # Password reset reaches accounts never confirmed too, and confirms them (forum/views).
    path(
        "accounts/password_reset/",
        accounts.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("forum.urls")),
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        cms_views.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
)

# Rendered without the database (forum/views/errors.py): a database outage is a 503 page.
handler400 = "forum.views.errors.bad_request"
handler500 = "forum.views.errors.server_error"
