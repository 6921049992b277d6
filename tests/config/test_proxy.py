"""Whom Django believes about the client's address and scheme (config/proxy.py)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from config.proxy import TrustedProxyMiddleware


def seen(request):
    return HttpResponse(f"{request.META['REMOTE_ADDR']} {request.is_secure()}")


def answer(settings, *, trust: bool, proxies=("127.0.0.1", "::1"), remote="127.0.0.1", **headers):
    settings.TRUST_PROXY_HEADERS = trust
    settings.TRUSTED_PROXIES = list(proxies)
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if trust else None
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **headers)
    return TrustedProxyMiddleware(seen)(request).content.decode()


FORWARDED = {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "HTTP_X_FORWARDED_PROTO": "https"}


def test_untold_django_ignores_forwarding_headers(settings):
    assert answer(settings, trust=False, **FORWARDED) == "127.0.0.1 False"


def test_told_it_believes_the_trusted_proxy(settings):
    assert answer(settings, trust=True, **FORWARDED) == "203.0.113.9 True"


def test_a_client_that_is_not_the_proxy_cannot_claim_an_address_or_https(settings):
    assert answer(settings, trust=True, remote="198.51.100.4", **FORWARDED) == (
        "198.51.100.4 False"
    )


def test_only_the_address_the_proxy_added_counts(settings):
    # A client sends its own X-Forwarded-For; a proxy that appends puts the real one last.
    headers = dict(FORWARDED, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    assert answer(settings, trust=True, **headers) == "203.0.113.9 True"


def test_a_trusted_network_and_a_malformed_header(settings):
    lan = {"proxies": ["10.0.0.0/8"], "remote": "10.1.2.3"}
    assert answer(settings, trust=True, **lan, **FORWARDED) == "203.0.113.9 True"
    garbage = dict(FORWARDED, HTTP_X_FORWARDED_FOR="not-an-address")
    assert answer(settings, trust=True, **lan, **garbage) == "10.1.2.3 True"


@pytest.mark.parametrize("value", ["10.0.0.0/33", "proxy.example.org", "1.2.3.4/8/9"])
def test_a_malformed_trusted_proxies_stops_start_up_naming_it(value):
    from tests.config.test_settings import start

    result = start(TRUSTED_PROXIES=value)
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stderr


def test_a_proxied_request_from_loopback_is_still_known_as_proxied(settings):
    # Trust off: the address stays nginx's, and the header that says "forwarded" stays, so
    # /healthz does not take a visitor through nginx for the machine itself.
    from django.test import RequestFactory as Factory

    from forum.health import is_from_this_machine

    settings.TRUST_PROXY_HEADERS = False
    request = Factory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    TrustedProxyMiddleware(seen)(request)
    assert not is_from_this_machine(request)
