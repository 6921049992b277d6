"""The site's settings plus a bare view (the ceiling the real pages are compared with)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": True}
