"""Cache keys for pages every visitor sees alike, and their invalidation.

Visitors (signed out) all see the same board and thread pages, so those pages are cached per
language and keyed on the board's or thread's ``changed_at``, which the services move in the
same transaction as every change a reader would see.

The program-area listing is the same for every visitor in a language, so it is rendered once
per language and reused until an area, a board or a board's groups change (the receivers in
forum/signals.py bump the version, which makes every cached copy stale at once).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

LISTING_VERSION_KEY = "forum:listing-version"
LISTING_TIMEOUT = 60 * 60  # seconds; the version bump makes changes show at once anyway
ROLES_VERSION_KEY = "forum:roles-version"
ACTIVITY_VERSION_KEY = "forum:activity-version"

_FILE_STORES: dict[str, BaseCache] = {}


def version_store() -> BaseCache:
    """Where the version keys live: the default cache where every process shares it (Redis);
    on the embedded default, whose cache is in each process's memory, a file cache beside the
    database, so that gunicorn's workers, Daphne and the worker see a version move together
    (else a board closed in one process would stay open in the others for an hour)."""
    if not isinstance(caches["default"], LocMemCache):
        return cache
    database = connections["default"].settings_dict
    name = str(database["NAME"])
    if name not in _FILE_STORES:
        if "sqlite" in database["ENGINE"]:
            folder = f"{name}.versions"
        else:  # the processes of one site are those of one database
            where = f"{database.get('HOST')}:{database.get('PORT')}/{name}"
            digest = hashlib.blake2b(where.encode(), digest_size=8).hexdigest()
            folder = os.path.join(tempfile.gettempdir(), f"forum-versions-{digest}")
        prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
        _FILE_STORES[name] = FileBasedCache(folder, {"KEY_PREFIX": prefix})
    return _FILE_STORES[name]


def _version(key: str) -> str:
    store = version_store()
    version = store.get(key)
    if version is None:
        # add(), not set(): when two processes race, both end up using the same version.
        store.add(key, uuid.uuid4().hex, timeout=None)
        version = store.get(key, "")
    return version


def listing_version() -> str:
    """Moves whenever an area, a board or a board's groups change (forum/signals.py)."""
    return _version(LISTING_VERSION_KEY)


def bump_listing_version() -> None:
    version_store().set(LISTING_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def roles_version() -> str:
    """Moves whenever who moderates what may have changed (forum/signals.py): a moderator's row
    or areas, a permission held or through a group, a member's groups. Keys the moderation
    scopes kept in the cache (permissions.roles.moderation_scope)."""
    return _version(ROLES_VERSION_KEY)


def bump_roles_version() -> None:
    version_store().set(ROLES_VERSION_KEY, uuid.uuid4().hex, timeout=None)


def activity_version() -> str:
    """Moves whenever a board's stamp does (forum/services/stamps.py, once committed): keys the
    visitors' copy of the lists of boards with their counts and latest threads."""
    return _version(ACTIVITY_VERSION_KEY)


def bump_activity_version() -> None:
    version_store().set(ACTIVITY_VERSION_KEY, uuid.uuid4().hex, timeout=None)


PAGE_TIMEOUT = 60 * 60


def stamp_key(moment: datetime) -> str:
    """A change stamp (``changed_at``, forum/services/stamps.py) as part of a cache key or an
    ETag: to the microsecond, as the stamps are written."""
    return f"{moment.timestamp():.6f}"


def _etag(*parts: object) -> str:
    return quote_etag(
        hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    )


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

    Visitors' pages carry an ``ETag`` and ``Last-Modified`` from ``changed_at``: a reload of an
    unchanged page, by a browser or a CDN, is a 304. They must be asked again each time
    (``max-age=0``): a page is the point a live stream's catch-up starts from, and a copy kept
    for a minute would start it a minute late.
    """
    if request.user.is_authenticated or len(messages.get_messages(request)):
        return render()
    language = get_language()
    etag = _etag("visitor", kind, pk, stamp_key(changed_at), language, *extra)
    # HTTP dates are to the second: a change within the second of the last one moves the ETag
    # (which a client sending both is matched on first), not the date.
    last_modified = changed_at.timestamp()
    unchanged = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
    if unchanged is not None:
        return _validated(unchanged, etag, last_modified, member=False)
    key = ":".join(["forum", kind, str(pk), stamp_key(changed_at), language, *map(str, extra)])
    content = cache.get(key)
    if content is None:
        response = render()
        if response.status_code == 200:
            cache.set(key, response.content, PAGE_TIMEOUT)
            _validated(response, etag, last_modified, member=False)
        return response
    return _validated(HttpResponse(content), etag, last_modified, member=False)


def _validated(
    response: HttpResponse, etag: str, last_modified: float | None, *, member: bool
) -> HttpResponse:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(int(last_modified))
    if member:  # the page holds the member's own parts: never in a shared cache
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    # The page's language is in its address; the cookie tells a visitor from a member.
    patch_vary_headers(response, ["Cookie"])
    return response


def member_page(
    request: HttpRequest, kind: str, *parts: object, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """A member's page, answered 304 when nothing it shows has changed since the copy the
    browser holds: ``parts`` name what the page shows (its change stamp, page, the member's
    marks on it); the member's own header (name, notifications, membership, moderation) and
    the session's CSRF secret are added here. A pending message is always drawn."""
    if len(messages.get_messages(request)):
        return render()
    from forum.machine_translation.service import languages_read
    from forum.permissions import awaits_verification, is_suspended, moderation_scope
    from forum.selectors import request_members_waiting, request_unread_count

    user = request.user
    etag = _etag(
        "member",
        kind,
        *parts,
        get_language(),
        timezone.get_current_timezone_name(),
        user.pk,
        user.get_username(),
        sorted(languages_read(user)),
        awaits_verification(user),
        is_suspended(user),
        moderation_scope(user),
        request_unread_count(request),
        request_members_waiting(request),
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
    )
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        return _validated(unchanged, etag, None, member=True)
    response = render()
    if response.status_code == 200:
        _validated(response, etag, None, member=True)
    return response


def request_csrf_token(request: HttpRequest) -> str:
    """The CSRF token put in the parts of a page drawn once (forum/fragments.py, the header's
    links): masked once per request, not once per form (each mask is 64 random choices)."""
    token = getattr(request, "_forum_csrf_token", None)
    if token is None:
        token = get_token(request)
        request._forum_csrf_token = token  # type: ignore[attr-defined]
    return token


def drawn_with_csrf(request: HttpRequest, key: str, draw: Callable[[str], str]) -> str:
    """A small part of a page drawn once under ``key`` and kept for ``PAGE_TIMEOUT``: ``draw``
    is given an unguessable marker to render where the CSRF token goes, and each request gets
    the part with its own token there (the header's account links, a thread's toolbar)."""
    drawn: tuple[str, str] | None = cache.get(key)
    if drawn is None:
        marker = uuid.uuid4().hex  # no text a template draws can hold it
        drawn = (draw(marker), marker)
        cache.set(key, drawn, PAGE_TIMEOUT)
    html, marker = drawn
    return html.replace(marker, request_csrf_token(request)) if marker in html else html
