"""One settings module, driven by environment variables (see README.md, "Configuration").

Unset variables give the embedded default (SQLite, in-memory channel layer, local-memory cache,
database search, console e-mail); set ones switch to PostgreSQL, Redis, Elasticsearch and SMTP.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config import env, headers, machine_translation, observability, requestlog
from forum import limits

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
    # E-mail links start with it (forum/links.py); a request's address is no proof of it there.
    if not env.text("SITE_URL"):
        raise env.fail("SITE_URL", "must be set when DJANGO_ENV=production")
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
    "django_tasks",
    "django_tasks_db",  # the task queue's table; `manage.py run_worker` runs it (forum/worker/)
    "django_prometheus",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    # Two-step sign-in (forum/signin.py): authenticator apps and one-time backup codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "config.proxy.TrustedProxyMiddleware",  # first: whom to believe about address and scheme
    "django_prometheus.middleware.PrometheusBeforeMiddleware",  # /metrics (config/observability)
    "django.middleware.security.SecurityMiddleware",
    "config.requestlog.RequestLogMiddleware",  # early: times and logs every later answer too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside XFrameOptionsMiddleware, so it sees the final X-Frame-Options (config/csp.py).
    "config.csp.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before LocaleMiddleware: /xx/... with an unknown language is a 404 in English.
    "cms.middleware.UnknownLanguagePrefixMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "forum.links.RequestAddressMiddleware",  # the address e-mail links start with, unless SITE_URL
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "forum.timezones.MemberTimeZoneMiddleware",  # after it: needs request.user
    "forum.visits.VisitMiddleware",  # and this: marks the member seen (a visit)
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the code was given
    "django.contrib.messages.middleware.MessageMiddleware",
    # After both: a session signed in without its member's code is asked for it (messages).
    "forum.signin.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
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
REDIS_PREFIX = env.text("REDIS_KEY_PREFIX") or "forum"  # two sites sharing a Redis: one each
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # redis-py caps a pool at 100 connections; a burst of subscriptions (hundreds of
            # tabs reconnecting after a restart) needs more at once (bench/fanout.py).
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "max_connections": 1000, "socket_timeout": 30}],
                "prefix": REDIS_PREFIX,
                # Messages waiting for one process (a group send counts once per process,
                # whatever its sockets) and for one socket. Over it, channels_redis drops the
                # message without a word: at the default 100, a process busy with hundreds of
                # sockets subscribing lost the first replies of threads (bench/faults.py).
                "capacity": 10_000,
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "config.cache.SharedPoolRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": REDIS_PREFIX,
            # Fail fast when Redis is down or hung: a miss costs a render, a wait costs a page.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    # Sessions from the shared cache, through to the database (never a per-process cache).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # In-process; other processes' group messages come through a table (forum/realtime/relay.py).
    CHANNEL_LAYERS = {"default": {"BACKEND": "forum.realtime.relay.RelayChannelLayer"}}
    LOCMEM = "django.core.cache.backends.locmem.LocMemCache"  # room for a busy process's parts:
    CACHES = {"default": {"BACKEND": LOCMEM, "OPTIONS": {"MAX_ENTRIES": 20_000}}}

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

# Background work (django-tasks) goes through one queue, a table, run by `manage.py run_worker`
# with retries and its own schedule (forum/worker/; docs/deploy.md). There is no immediate path.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MACHINE_TRANSLATION = machine_translation.MACHINE_TRANSLATION  # engines: docs/translation.md

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

# --- Abuse limits (numbers in forum/limits.py, docs/security.md) ---------------------------

# Failed sign-ins (django-axes): LOGIN_FAILURES_BEFORE_LOCKOUT failures for one username from one
# IP address lock that pair out for LOGIN_LOCKOUT_MINUTES (no stranger locks a member out
# everywhere). Attempts are database rows; authenticate() needs the request (tests pass one).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out pair before checking
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = limits.LOGIN_FAILURES_BEFORE_LOCKOUT
AXES_COOLOFF_TIME = timedelta(minutes=limits.LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "forum.views.accounts.locked_out"
AXES_USERNAME_CALLABLE = "forum.throttling.axes_username"  # cut to the length axes stores
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a member who waits gets in when it says
# No record of successful sign-ins (members' addresses); failed ones expire with the pause.
AXES_DISABLE_ACCESS_LOG = True
# A wrong two-step code is a failed sign-in too (views/two_factor.py): masked like the name.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]

# Two-step sign-in (django-otp; docs/security.md): optional for verified members and every
# role. REQUIRE_TWO_FACTOR_FOR_STAFF=on sends moderators, editors and staff who have not turned
# it on to its page before the admins and the moderation tools.
REQUIRE_TWO_FACTOR_FOR_STAFF = env.flag("REQUIRE_TWO_FACTOR_FOR_STAFF", default=False)
OTP_TOTP_ISSUER = "Prosecutors' Exchange"  # the name authenticator apps show beside the account
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the Django admin lists devices, never their keys

# Registrations, posts and searches (django-ratelimit, forum/throttling.py), counted in the
# default cache: Redis, shared by every process; the local-memory cache of the embedded default
# counts per process, which is right for its single one. A count the cache lost lets the
# request through rather than refusing it. Client addresses are REMOTE_ADDR: behind a reverse
# proxy, Daphne needs --proxy-headers so that it is the client's, not the proxy's.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
# RATE_LIMITS=off lifts these three outside production only: browser journeys, load benches.
RATELIMIT_ENABLE = PRODUCTION or env.flag("RATE_LIMITS", default=True)

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
TIME_ZONE = "UTC"  # visitors'; a member's own is activated by forum.timezones
# Unambiguous dates per language, as browsers print them (forum/formats/__init__.py).
FORMAT_MODULE_PATH = ["forum.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Wagtail's fields; set here because modeltranslation registers before wagtail-modeltranslation.
MODELTRANSLATION_CUSTOM_FIELDS = ("StreamField", "RichTextField")
# The Django admin's translation tabs need jQuery UI: Wagtail's copy, not Google's CDN, which
# the admin's Content Security Policy refuses (modeltranslation reads this unprefixed name).
JQUERY_UI_URL = "wagtailadmin/js/vendor/jquery-ui-1.13.2.min.js"
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
# The site's public address, which e-mail links start with (forum/links.py): required in
# production. Unset, links start with the address of the request that caused them.
SITE_URL = env.site_url("SITE_URL")
WAGTAILADMIN_BASE_URL = SITE_URL or "http://127.0.0.1:8000"
# Off: Wagtail 8.0's autosave posts the form in the background, and one still on its way when an
# editor submits for review can land after the submission and put the older draft in front of
# the reviewer (wagtail/wagtail#13863). Editors save their drafts with "Save draft".
WAGTAIL_AUTOSAVE_INTERVAL = 0
# No Gravatar: editors' e-mail hashes are not sent to a third party, and the admin's images
# stay on this origin (its Content Security Policy allows no other).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's Content Security Policy keeps its fetches on this origin: no daily look-up of
# Wagtail's latest release from releases.wagtail.org (upgrades go through requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Uploads (docs/security.md, "Uploads"). Images: decoded by Wagtail (Willow) and checked for
# size and pixels; no SVG, which can carry script. config/media.py serves them and renditions.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # width x height x frames
# Documents: PDF, plain text and office files, never HTML, SVG, XML or scripts, each served with
# the type given here; cms/documents.py checks that a file's first bytes match its extension.
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "txt": "text/plain",
    "csv": "text/csv",
    "rtf": "application/rtf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
WAGTAILDOCS_EXTENSIONS = list(WAGTAILDOCS_CONTENT_TYPES)
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.documents.DocumentForm"
# Always through Wagtail's view, which checks the collection's privacy (never /media/documents/,
# config/media.py); it sends nosniff and "default-src 'none'". Only these open in the browser,
# everything else downloads as an attachment.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_HANDLERS = ["forum.uploads.CappedUploadHandler"]  # past a size, counted, not kept

# --- Production hardening -----------------------------------------------------------------

# Behind nginx (config/deploy/, docs/deploy.md): X-Forwarded-For and -Proto are believed only
# with TRUST_PROXY_HEADERS=on and only from TRUSTED_PROXIES (config/proxy.py).
TRUST_PROXY_HEADERS = env.flag("TRUST_PROXY_HEADERS", default=False)
TRUSTED_PROXIES = env.networks("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
if TRUST_PROXY_HEADERS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The largest form body read into memory (files stream to temporary files), far above a post of
# limits.BODY_MAX_LENGTH (under 250 KB percent-encoded); more is a 400. (nginx caps whole
# requests too: Daphne reads any body it is sent, to a temporary file.)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Content Security Policy (django-csp, config/csp.py): the site's strict policy and the looser
# one under the two admins' prefixes, in config/headers.py.
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
CONTENT_SECURITY_POLICY = headers.CONTENT_SECURITY_POLICY
ADMIN_CONTENT_SECURITY_POLICY = headers.ADMIN_CONTENT_SECURITY_POLICY

# Errors to Sentry when SENTRY_DSN is set, without personal data (config/observability.py).
try:
    observability.init_sentry(env.text("SENTRY_DSN"), environment=DJANGO_ENV)
except ValueError as error:
    raise env.fail("SENTRY_DSN", str(error)) from None

# A line per request (config/requestlog.py); LOG_FORMAT=json for a log collector.
LOGGING = requestlog.logging_config(env.choice("LOG_FORMAT", env.LOG_FORMATS, default="text"))
