"""The site's address in e-mails and exports: links that work wherever the site is reached.

In production SITE_URL is required (config/settings.py) and every link starts with it. On the
embedded default it is usually unset, and the site may be reached at any address (a laptop's
LAN address, a container's port): a link then starts with the address of the request that
caused it. A mail sent later by a task has no request: the address is captured when the task
is queued and passed as its argument (``base_url``). Without any request (a management
command) the fallback is http://127.0.0.1:8000 (settings.WAGTAILADMIN_BASE_URL).
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest

# The request being answered in this context (thread or task), for code that has none at hand:
# the services that queue mails and build exports.
_current_request: ContextVar[HttpRequest | None] = ContextVar("forum_request", default=None)


def base_url(request: HttpRequest | None = None, *, captured: str = "") -> str:
    """Scheme and host the site's links start with, without a trailing slash.

    SITE_URL when it is set; else the given request's address; else ``captured`` (what a task
    was given); else the request being answered; else the fallback.
    """
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if request is None and not captured:
        request = _current_request.get()
    if request is not None:
        try:
            return request.build_absolute_uri("/").rstrip("/")
        except DisallowedHost:  # not an address of this site: never put it in a link
            pass
    return (captured or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path: str, *, request: HttpRequest | None = None, captured: str = "") -> str:
    return base_url(request, captured=captured) + path


class RequestAddressMiddleware:
    """Remembers the request being answered, for ``base_url()`` called without one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
