"""Start-up configuration, tested the way an operator meets it: a fresh process per case."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "EMAIL_URL",
    "DJANGO_ENV",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "SITE_URL",
)
GOOD_SECRET = "s" * 60

REPORT = """
import json, django
django.setup()
from django.conf import settings
from channels.layers import get_channel_layer
print(json.dumps({
    "layer": type(get_channel_layer()).__name__,
    "cache": settings.CACHES["default"]["BACKEND"],
    "database": settings.DATABASES["default"]["ENGINE"],
    "search": settings.SEARCH_ENGINE,
    "email": settings.EMAIL_BACKEND,
    "debug": settings.DEBUG,
    "secure_cookies": settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE,
    "hsts": settings.SECURE_HSTS_SECONDS if hasattr(settings, "SECURE_HSTS_SECONDS") else 0,
}))
"""


def start(code: str = REPORT, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", **variables}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("variable", "value", "complaint"),
    [
        ("DATABASE_URL", "mysql://root@localhost/db", "must start with one of"),
        ("DATABASE_URL", "localhost:5432", "must start with one of"),
        ("DATABASE_URL", "postgres://127.0.0.1:5432/", "names no database"),
        ("DATABASE_URL", "postgres://127.0.0.1:notaport/test", "is not a valid URL"),
        ("DATABASE_URL", "postgres:///test", "names no host"),
        ("REDIS_URL", "http://127.0.0.1:6379", "must start with one of"),
        ("REDIS_URL", "redis://", "names no host"),
        ("ELASTICSEARCH_URL", "127.0.0.1:9200", "must start with one of"),
        ("EMAIL_URL", "pigeon://coop", "must start with one of"),
        ("EMAIL_URL", "smtp://", "names no host"),
        ("EMAIL_URL", "filemail://relative/mail", "names no absolute folder"),
        ("DJANGO_ENV", "staging", "must be one of"),
        ("DEBUG", "maybe", "must be one of"),
    ],
)
def test_a_malformed_variable_stops_start_up_with_one_line_naming_it(variable, value, complaint):
    result = start(**{variable: value})

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Configuration error: {variable} ")
    assert complaint in lines[0]


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "forum.example.org"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": "forum.example.org", "SECRET_KEY": "short"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_secret_key_and_allowed_hosts(variables, named):
    result = start(DJANGO_ENV="production", **variables)

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Configuration error: {named} ")


def test_production_with_its_variables_starts_with_secure_cookies_and_hsts():
    result = start(
        DJANGO_ENV="production",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="forum.example.org",
        SITE_URL="https://forum.example.org",
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["debug"] is False
    assert report["secure_cookies"] is True
    assert report["hsts"] >= 31_536_000


def test_unset_variables_give_the_embedded_default():
    result = start()

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "layer": "RelayChannelLayer",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "database": "django.db.backends.sqlite3",
        "search": "database",
        "email": "django.core.mail.backends.console.EmailBackend",
        "debug": True,
        "secure_cookies": False,
        "hsts": 0,
    }


def test_set_variables_switch_to_postgresql_redis_elasticsearch_and_smtp():
    result = start(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        REDIS_URL="redis://127.0.0.1:6379/0",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
        EMAIL_URL="smtp+tls://mailer:secret@mail.example.org:587",
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["layer"] == "RedisChannelLayer"
    assert report["cache"] == "config.cache.SharedPoolRedisCache"
    assert report["database"] == "django.db.backends.postgresql"
    assert report["search"] == "elasticsearch"
    assert report["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_filemail_writes_each_message_to_a_file_in_the_named_folder(tmp_path):
    code = (
        "import django; django.setup()\n"
        "from django.core.mail import send_mail\n"
        "send_mail('Subject', 'Body text', 'forum@localhost', ['someone@example.org'])"
    )
    result = start(code, EMAIL_URL=f"filemail://{tmp_path}/mail")

    assert result.returncode == 0, result.stderr
    [written] = (tmp_path / "mail").iterdir()
    assert "To: someone@example.org" in written.read_text()
    assert "Body text" in written.read_text()


KEPT = """
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
if {wsgi}:
    import config.wsgi  # noqa: F401 - what gunicorn loads
else:
    django.setup()  # what Daphne's config.asgi does first
from django.conf import settings
database = settings.DATABASES["default"]
print(json.dumps([database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]]))
"""


@pytest.mark.parametrize(("wsgi", "kept"), [(True, [600, True]), (False, [0, False])])
def test_only_wsgi_workers_keep_their_sqlite_connection_between_requests(wsgi, kept):
    # One thread serves a WSGI worker's requests; under ASGI a request may get a thread of its
    # own, and connections kept by each would pile up.
    result = start(KEPT.format(wsgi=wsgi))

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == kept
