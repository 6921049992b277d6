"""Cache keys for pages every visitor sees alike, and their invalidation.

The program-area listing is the same for every visitor in a language, so it is rendered once
per language and reused until an area, a board or a board's groups change (the receivers in
forum/signals.py bump the version, which makes every cached copy stale at once).
"""

from __future__ import annotations

import uuid

from django.core.cache import cache

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
