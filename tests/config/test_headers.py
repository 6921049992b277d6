"""Response headers: the Content Security Policy, nosniff, Referrer-Policy, frame denial, HSTS.

The site's pages get a strict policy (no inline script or style); the two admins a looser one
(config/csp.py); production adds HSTS and must pass `manage.py check --deploy`.
"""

import json
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.models import ProgramPage
from forum.models import Board, Thread
from tests.config.test_settings import start

# A realistic key: check --deploy (security.W009) wants 50 characters and some variety.
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "7hq$w-prod-like-secret-key-for-the-deploy-check-0123456789abcdefXYZ",
    "ALLOWED_HOSTS": "forum.example.org",
    "SITE_URL": "https://forum.example.org",
    "TRUST_PROXY_HEADERS": "on",  # behind nginx, which ends HTTPS (docs/deploy.md)
}
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_security_headers(response, *, frames: str = "DENY") -> None:
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == frames


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo site (seed_demo): its pages, boards, threads and accounts."""
    settings.MEDIA_ROOT = tmp_path / "media"  # the demo publications are real files
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    thread = Thread.objects.filter(board__visibility=Board.Visibility.PUBLIC).order_by("pk")[0]
    board = thread.board
    program = ProgramPage.objects.live().order_by("pk").first()
    return {
        "home": "/en/",
        "forum": reverse("forum:home"),
        "board": reverse("forum:board", args=(board.area.slug, board.slug)),
        "thread": reverse("forum:thread", args=(thread.pk,)),
        "search": reverse("forum:search") + "?q=evidence",
        "program": program.url,
        "program page": program,
    }


def site_pages(demo) -> dict[str, str]:
    return {name: url for name, url in demo.items() if isinstance(url, str)}


def test_site_pages_send_a_strict_policy_and_the_security_headers(client, demo):
    for name, url in site_pages(demo).items():
        response = client.get(url)
        assert response.status_code == 200, name

        directives = policy(response)
        assert directives["default-src"] == ["'self'"], name
        assert directives["script-src"] == ["'self'"], name  # no nonce: no page asked for one
        assert directives["style-src"] == ["'self'"], name
        # 'self' covers the page's own WebSocket (ws: or wss: on the same host).
        assert directives["connect-src"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert_security_headers(response)


def test_no_site_page_has_inline_script_event_handlers_or_style_attributes(client, demo):
    # Signed in, the pages carry more (reply box, post actions, notifications): both views.
    for signed_in in (False, True):
        if signed_in:
            client.force_login(get_user_model().objects.get(username="member"))
        for name, url in site_pages(demo).items():
            html = client.get(url).content.decode()

            assert not INLINE_SCRIPT.search(html), name
            assert not EVENT_HANDLER.search(html), (name, EVENT_HANDLER.search(html))
            assert not STYLE_ATTRIBUTE.search(html), (name, STYLE_ATTRIBUTE.search(html))
            assert "javascript:" not in html.lower(), name


@pytest.mark.parametrize("login_url", ["/admin/login/", "/django-admin/login/"])
def test_the_admins_get_a_looser_policy_that_still_keeps_everything_on_this_origin(
    client, db, login_url
):
    response = client.get(login_url)

    assert response.status_code == 200
    directives = policy(response)
    # Wagtail's and Django's admin templates carry inline scripts and styles of their own.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    for fetches in ("default-src", "connect-src", "form-action", "base-uri"):
        assert directives[fetches] == ["'self'"], fetches
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert_security_headers(response)


def test_the_wagtail_preview_may_be_framed_by_the_admin_and_nothing_else(client, demo):
    # The editor's preview panel is an iframe of the admin's own preview URL; the page inside
    # it is rendered through the site's middleware, but the header is the admin's response's.
    page = demo["program page"]
    client.force_login(get_user_model().objects.get(username="admin"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    data = querydict_from_html(edit.content.decode(), form_id="page-edit-form")
    for code, _name in settings.LANGUAGES:  # StreamFields are drawn by the admin's JavaScript
        data.update(nested_form_data({build_localized_fieldname("body", code): streamfield([])}))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert json.loads(client.post(preview_url, data).content)["is_valid"] is True

    response = client.get(preview_url)

    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]  # the admin's policy


def test_production_sends_hsts_and_the_policy_over_https(tmp_path):
    code = (
        "import json, django\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "client = Client(HTTP_HOST='forum.example.org')\n"
        "plain = client.get('/healthz')\n"
        "secure = client.get('/healthz', headers={'X-Forwarded-Proto': 'https'})\n"
        "print(json.dumps({'plain': [plain.status_code, plain.headers.get('Location')],\n"
        "                  'secure': dict(secure.headers)}))\n"
    )
    result = start(code, DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["plain"] == [301, "https://forum.example.org/healthz"]
    headers = report["secure"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_check_deploy_finds_nothing_in_production():
    code = (
        "import django\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n"
    )
    result = start(code, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout + result.stderr
