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
