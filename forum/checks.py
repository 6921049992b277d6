"""System checks of the forum's configuration (``manage.py check --deploy``)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def site_url_check(app_configs, **kwargs) -> list[Warning]:
    """E-mail links need the site's public address (forum/links.py)."""
    if not settings.SITE_URL:
        return [
            Warning(
                "SITE_URL is not set: e-mail links start with the address of the request "
                "that caused them, which is no proof of the site's public address.",
                hint="Set SITE_URL to the site's public address, e.g. https://forum.example.org "
                "(DJANGO_ENV=production refuses to start without it).",
                id="forum.W001",
            )
        ]
    parts = urlsplit(settings.SITE_URL)
    found = []
    if parts.scheme != "https":
        found.append(
            Warning(
                "SITE_URL does not start with https://: e-mail links would be sent unencrypted.",
                id="forum.W002",
            )
        )
    if not validate_host(parts.hostname or "", settings.ALLOWED_HOSTS):
        found.append(
            Warning(
                "SITE_URL's host is not in ALLOWED_HOSTS: its e-mail links would be refused.",
                id="forum.W003",
            )
        )
    return found


@register(Tags.security, deploy=True)
def proxy_check(app_configs, **kwargs) -> list[Warning]:
    """Behind nginx, HTTPS is the proxy's: Django learns of it only when told to believe it."""
    if getattr(settings, "SECURE_SSL_REDIRECT", False) and not settings.TRUST_PROXY_HEADERS:
        return [
            Warning(
                "SECURE_SSL_REDIRECT is on but TRUST_PROXY_HEADERS is off: behind a proxy that "
                "ends HTTPS (nginx, docs/deploy.md) every request looks like plain HTTP and is "
                "redirected again and again.",
                hint="Set TRUST_PROXY_HEADERS=on (and TRUSTED_PROXIES if the proxy is not on "
                "this machine), or SECURE_SSL_REDIRECT=off if nothing in front ends HTTPS.",
                id="forum.W004",
            )
        ]
    return []
