"""Reading the environment for settings: every variable is validated here, once.

A missing or malformed variable stops start-up with one line that names it (``SystemExit``
with a message prints that line and no traceback), so an operator sees at once what to fix.
"""

from __future__ import annotations

import ipaddress
import os
import tempfile
from urllib.parse import SplitResult, urlsplit

import environ

DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}
REDIS_SCHEMES = {"redis", "rediss", "unix"}
ELASTICSEARCH_SCHEMES = {"http", "https"}
EMAIL_SCHEMES = {
    "smtp",
    "smtps",
    "smtp+tls",
    "smtp+ssl",
    "consolemail",
    "filemail",  # filemail:///path/to/folder: one file per connection (the browser tests)
    "memorymail",
    "dummymail",
}
ENVIRONMENTS = {"development", "production"}
LOG_FORMATS = {"text", "json"}
SITE_SCHEMES = {"http", "https"}

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def fail(variable: str, problem: str) -> SystemExit:
    """The one-line start-up error naming the variable at fault."""
    return SystemExit(f"Configuration error: {variable} {problem}")


def text(variable: str, default: str = "") -> str:
    return os.environ.get(variable, default).strip()


def flag(variable: str, *, default: bool) -> bool:
    raw = text(variable).lower()
    if not raw:
        return default
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise fail(variable, f"must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, got {raw!r}")


def choice(variable: str, allowed: set[str], *, default: str) -> str:
    value = text(variable) or default
    if value not in allowed:
        raise fail(variable, f"must be one of {sorted(allowed)}, got {value!r}")
    return value


def word_list(variable: str) -> list[str]:
    return [item.strip() for item in text(variable).split(",") if item.strip()]


def networks(variable: str, default: list[str]) -> list[str]:
    """Comma-separated addresses or networks (10.0.0.0/8), each checked."""
    entries = word_list(variable) or default
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise fail(variable, f"{entry!r} is not an IP address or network") from None
    return entries


def _url(variable: str, schemes: set[str]) -> tuple[str, SplitResult]:
    raw = text(variable)
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise fail(variable, f"is not a valid URL ({exc})") from None
    if parts.scheme not in schemes:
        raise fail(variable, f"must start with one of {sorted(s + '://' for s in schemes)}")
    return raw, parts


def database(variable: str, *, default_path: str) -> dict:
    """DATABASE_URL → a Django DATABASES entry (SQLite file when unset)."""
    if not text(variable):
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": default_path,
            **_sqlite_options(default_path),
        }
    raw, parts = _url(variable, DATABASE_SCHEMES)
    if parts.scheme != "sqlite":
        if not parts.hostname and "host=" not in parts.query:
            raise fail(variable, "names no host")
        if not parts.path.strip("/"):
            raise fail(variable, "names no database (postgres://user@host:5432/NAME)")
    elif not parts.path.strip("/"):
        raise fail(variable, "names no SQLite file (sqlite:////absolute/path.sqlite3)")
    config = environ.Env.db_url_config(raw)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.update(_sqlite_options(config["NAME"]))
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Under ASGI every request runs in its own thread, so Django's persistent connections
        # would pile up; psycopg's pool reuses connections across requests instead, and checks
        # each before use, so a Daphne process recovers by itself after PostgreSQL restarts.
        # connect_timeout: fail fast when PostgreSQL is unreachable instead of hanging.
        config["CONN_HEALTH_CHECKS"] = True  # with a pool: check a connection before use
        config.setdefault("OPTIONS", {}).update(
            pool={"min_size": 1, "max_size": 10, "timeout": 5}, connect_timeout=5
        )
    return config


def _sqlite_options(path: str) -> dict:
    # Concurrent requests write too: WAL lets readers go on during a write, IMMEDIATE takes the
    # write lock when a transaction starts (so two writers queue instead of deadlocking), and
    # the timeout is how long a writer waits for its turn. Tests use a file, not ":memory:",
    # because SQLite's shared in-memory cache fails concurrent writers instead of queueing them.
    test_name = os.path.join(tempfile.gettempdir(), f"forum-test-{os.getpid()}.sqlite3")
    # Kept between requests only where one thread serves them all (config/wsgi.py says so):
    # under ASGI each request may run on a thread of its own, and kept connections would pile.
    keep = os.environ.get("SQLITE_KEEP_CONNECTION") == "1"
    return {
        "CONN_MAX_AGE": 600 if keep else 0,
        "CONN_HEALTH_CHECKS": keep,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
        "TEST": {"NAME": test_name},
    }


def service_url(variable: str, schemes: set[str]) -> str:
    """A Redis or Elasticsearch URL, or '' when unset."""
    if not text(variable):
        return ""
    raw, parts = _url(variable, schemes)
    if parts.scheme != "unix" and not parts.hostname:
        raise fail(variable, "names no host")
    return raw


def site_url(variable: str) -> str:
    """The site's public address (scheme and host, no path), or '' when unset."""
    if not text(variable):
        return ""
    raw, parts = _url(variable, SITE_SCHEMES)
    if not parts.hostname:
        raise fail(variable, "names no host")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise fail(
            variable, "must be the address alone, without a path (https://forum.example.org)"
        )
    return raw.rstrip("/")


def email(variable: str) -> dict:
    """EMAIL_URL → Django e-mail settings (console backend when unset)."""
    if not text(variable):
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    raw, parts = _url(variable, EMAIL_SCHEMES)
    if parts.scheme.startswith("smtp") and not parts.hostname:
        raise fail(variable, "names no host")
    if parts.scheme == "filemail":  # django-environ would make the folder relative
        if parts.netloc or not parts.path.startswith("/"):
            raise fail(variable, "names no absolute folder")
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parts.path,
        }
    return environ.Env.email_url_config(raw)
