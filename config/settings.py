"""One settings module, driven by environment variables (see README.md, "Configuration").

Unset variables give the embedded default (SQLite, in-memory channel layer, local-memory cache,
database search, console e-mail); set ones switch to PostgreSQL, Redis, Elasticsearch and SMTP.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = env.choice("DJANGO_ENV", env.ENVIRONMENTS, default="development")
PRODUCTION = DJANGO_ENV == "production"

if PRODUCTION:
    missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env.text(name)]
    if missing:
        raise env.fail(" and ".join(missing), "must be set when DJANGO_ENV=production")
    SECRET_KEY = env.text("SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise env.fail("SECRET_KEY", "must be at least 50 characters in production")
else:
    # A fixed key is fine for the embedded default: it never protects real sessions.
    SECRET_KEY = (
        env.text("SECRET_KEY") or "development-only-key-never-used-in-production-0123456789"
    )

DEBUG = env.flag("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.word_list("ALLOWED_HOSTS") or ["localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env.word_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    # Translates Wagtail's Page fields (title, slug, SEO, url_path) and the page types' own;
    # its makemigrations leaves Wagtail's Page alone (cms/migrations adds those columns).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "forum",
    "cms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "channels",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before LocaleMiddleware: /xx/... with an unknown language is a 404 in English.
    "cms.middleware.UnknownLanguagePrefixMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "forum.context_processors.forum",
                "cms.context_processors.site",
            ],
        },
    },
]

# --- Services -----------------------------------------------------------------------------

DATABASES = {"default": env.database("DATABASE_URL", default_path=str(BASE_DIR / "db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.service_url("REDIS_URL", env.REDIS_SCHEMES)
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # redis-py caps a pool at 100 connections; a burst of subscriptions (hundreds of
            # tabs reconnecting after a restart) needs more at once (bench/fanout.py).
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "max_connections": 1000, "socket_timeout": 30}],
                "prefix": "forum",
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "config.cache.SharedPoolRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "forum",
        }
    }
else:
    # One process only: fine for `make run` and tests, never for several Daphne processes.
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

ELASTICSEARCH_URL = env.service_url("ELASTICSEARCH_URL", env.ELASTICSEARCH_SCHEMES)
SEARCH_ENGINE = "elasticsearch" if ELASTICSEARCH_URL else "database"
# The site's indexes are the aliases <prefix>-posts and <prefix>-pages (docs/search.md).
ELASTICSEARCH_INDEX_PREFIX = env.text("ELASTICSEARCH_INDEX_PREFIX") or "forum"
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": "forum-wagtail",
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

_email = env.email("EMAIL_URL")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
EMAIL_FILE_PATH = _email.get("EMAIL_FILE_PATH")
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL") or "forum@localhost"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# How long /healthz waits for each service before it reports it as not answering.
HEALTH_CHECK_TIMEOUT = 3.0

# --- Authentication -----------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "forum:home"
LOGOUT_REDIRECT_URL = "forum:home"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# --- Languages ----------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("zh-hans", _("Simplified Chinese")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Wagtail's fields; set here because modeltranslation registers before wagtail-modeltranslation.
MODELTRANSLATION_CUSTOM_FIELDS = ("StreamField", "RichTextField")
WAGTAIL_I18N_ENABLED = False  # pages are translated field by field (wagtail-modeltranslation)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Static and media ---------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.text("MEDIA_ROOT") or BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without collectstatic (tests, a fresh checkout), WhiteNoise serves from the app folders.
WHITENOISE_USE_FINDERS = not PRODUCTION

# --- Wagtail ------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Prosecutors' Exchange"
WAGTAILADMIN_BASE_URL = env.text("SITE_URL") or "http://127.0.0.1:8000"
# Off: Wagtail 8.0's autosave posts the form in the background, and one still on its way when an
# editor submits for review can land after the submission and put the older draft in front of
# the reviewer (wagtail/wagtail#13863). Editors save their drafts with "Save draft".
WAGTAIL_AUTOSAVE_INTERVAL = 0
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Production hardening -----------------------------------------------------------------

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
