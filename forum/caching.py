"""Cache keys for pages every visitor sees alike, and their invalidation.

Visitors (signed out) all see the same board and thread pages, so those pages are cached per
language and keyed on the board's or thread's ``changed_at``, which the services move in the
same transaction as every change a reader would see.

The program-area listing is the same for every visitor in a language, so it is rendered once
per language and reused until an area, a board or a board's groups change (the receivers in
forum/signals.py bump the version, which makes every cached copy stale at once).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

LISTING_VERSION_KEY = "forum:listing-version"
LISTING_TIMEOUT = 60 * 60  # seconds; the version bump makes changes show at once anyway


def listing_version() -> str:
    version = cache.get(LISTING_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add(), not set(): when two processes race, both end up using the same version.
        cache.add(LISTING_VERSION_KEY, version, timeout=None)
        version = cache.get(LISTING_VERSION_KEY, version)
    return version


def bump_listing_version() -> None:
    cache.set(LISTING_VERSION_KEY, uuid.uuid4().hex, timeout=None)


PAGE_TIMEOUT = 60 * 60


def visitor_page(
    request: HttpRequest,
    kind: str,
    pk: int,
    changed_at: datetime,
    *extra,
    render: Callable[[], HttpResponse],
) -> HttpResponse:
    """A page every visitor sees alike, served from the cache while ``changed_at`` holds.

    Signed-in members, and visitors with a pending message, always get a fresh render. The
    cached pages hold no form with a CSRF token (visitors get none on these pages).
    """
    if request.user.is_authenticated or len(messages.get_messages(request)):
        return render()
    key = ":".join(
        ["forum", kind, str(pk), f"{changed_at.timestamp():.6f}", get_language(), *map(str, extra)]
    )
    content = cache.get(key)
    if content is None:
        response = render()
        if response.status_code == 200:
            cache.set(key, response.content, PAGE_TIMEOUT)
        return response
    return HttpResponse(content)
