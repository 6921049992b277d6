from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_page
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.sitemaps import SITEMAPS
from forum.views import accounts
from forum.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Built from every page in eight languages (hundreds of URLs): cached for 15 minutes.
    path("sitemap.xml", cache_page(15 * 60)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under a language prefix (/en/, /es/, ...); "/" redirects to the
# visitor's language (Accept-Language). The language switcher links to the same page under
# each prefix. Wagtail's pages come last: it catches all.
urlpatterns += i18n_patterns(
    # Signing in switches to the member's preferred language.
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("forum.urls")),
    path("", include(wagtail_urls)),
)
