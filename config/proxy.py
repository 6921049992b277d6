"""Proxy headers are believed only when told: ``TRUST_PROXY_HEADERS=on`` and the request comes
from one of ``TRUSTED_PROXIES`` (addresses or networks; loopback by default, where nginx is).

Then ``X-Forwarded-For``'s last address (the one the proxy itself added: nginx sets it to the
address that connected to it) becomes ``REMOTE_ADDR``, which rate limits, django-axes and the
request log read, and ``X-Forwarded-Proto`` makes ``request.is_secure()`` (settings'
``SECURE_PROXY_SSL_HEADER``, set only when told). A request from anywhere else keeps its own
address, and its ``X-Forwarded-Proto`` is dropped, so no client can claim another address or
HTTPS. ``X-Forwarded-For`` itself stays: it marks a proxied request, which /healthz does not
take for the machine asking itself (forum/health.py). First in the middleware.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(entries: list[str]) -> list[Network]:
    try:
        return [ipaddress.ip_network(entry, strict=False) for entry in entries]
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.trusted = networks(settings.TRUSTED_PROXIES) if settings.TRUST_PROXY_HEADERS else []

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        peer = _address(meta.get("REMOTE_ADDR", ""))
        if peer is not None and any(peer in network for network in self.trusted):
            client = _address(meta.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1])
            if client is not None:
                meta["REMOTE_ADDR"] = str(client)
        else:
            meta.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)
