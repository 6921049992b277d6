"""Errors to Sentry and metrics for Prometheus (docs/deploy.md, "Logs and metrics").

Sentry: on when ``SENTRY_DSN`` is set. Unhandled errors of requests, sockets and tasks, and
every ERROR log line (a task parked after its last attempt, forum/worker/runner.py), are sent
without personal data: no cookies, no addresses, no user names or e-mail addresses, and no
request bodies (members' posts).

Prometheus (django-prometheus): request counts, latencies and statuses by view, at /metrics, for
the machine itself (loopback, not through the proxy) and staff only; anyone else gets a 403.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def without_addresses(event: Any, hint: dict[str, Any]) -> Any:
    """An error's text may quote a member's e-mail address (an SMTP refusal): masked."""
    return json.loads(EMAIL.sub("[address]", json.dumps(event)))


def init_sentry(dsn: str, *, environment: str) -> None:
    """Start sentry-sdk; a malformed DSN raises ValueError (settings turn it into one line)."""
    if not dsn:
        return
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration
    from sentry_sdk.utils import BadDsn

    try:
        sentry_sdk.init(
            dsn=dsn,
            environment=environment,
            integrations=[DjangoIntegration(), LoggingIntegration(event_level=logging.ERROR)],
            send_default_pii=False,  # no cookies, user names, e-mail or IP addresses
            max_request_body_size="never",  # posts are members' words: never sent
            traces_sample_rate=0.0,
            before_send=without_addresses,
        )
    except BadDsn as error:
        raise ValueError(str(error)) from error


def metrics(request: HttpRequest) -> HttpResponse:
    """django-prometheus's export, behind the same rule as /healthz's backend details."""
    from django_prometheus.exports import ExportToDjangoView

    from forum.health import is_from_this_machine

    user = getattr(request, "user", None)
    if not (is_from_this_machine(request) or (user is not None and user.is_staff)):
        raise PermissionDenied
    return ExportToDjangoView(request)
