"""Django's Redis cache, with one connection pool per process, that degrades when Redis is down.

Under ASGI, Django keeps a cache object per request context, and each new object opens its
own pool, so every request paid for a fresh Redis connection. redis-py's pool is thread-safe,
so one per process and server list is enough.

The cache only saves work: every value in it can be computed again from the database. So when
Redis does not answer (killed, restarting, unreachable), a read is a miss and a write is
skipped, with a warning, and the page is rendered from the database instead of failing
(bench/faults.py kills Redis under load). ``incr`` still raises: its callers (django-ratelimit,
with RATELIMIT_FAIL_OPEN) must know the count is unknown. The pool reconnects by itself. A
Redis that restarts comes back empty, so nothing stale survives; one that was only unreachable
may keep the program-area listing of before the outage until it expires (an hour, forum/
caching.py): the board and thread pages are keyed on their change stamps and cannot be stale.
"""

from __future__ import annotations

import functools
import logging
import threading
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_clients: dict[tuple, RedisCacheClient] = {}
_lock = threading.Lock()


class _KeptClientRedisCacheClient(RedisCacheClient):
    """Django's client wraps its pool in a new ``redis.Redis`` for every cache call, and each
    one builds redis-py's table of about 170 response callbacks (0.3 ms: 1.2 ms of a reply's
    19, four calls). A ``redis.Redis`` is thread-safe (each command takes a connection from
    the pool), so one is kept per pool."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept: dict[int, Any] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._kept.get(id(pool))
        if client is None:
            client = self._kept[id(pool)] = self._client(connection_pool=pool)
        return client


class _PooledRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _KeptClientRedisCacheClient

    @cached_property
    def _cache(self) -> RedisCacheClient:
        # RedisCache keeps these three on the instance; Django's stubs do not declare them.
        servers, options = self._servers, self._options  # type: ignore[attr-defined]
        key = (tuple(servers), tuple(sorted((k, repr(v)) for k, v in options.items())))
        with _lock:
            if key not in _clients:
                _clients[key] = self._class(servers, **options)
            return _clients[key]


def _tolerant(name: str, fallback) -> None:
    """Wrap RedisCache.<name> so that a Redis error logs a warning and returns ``fallback(args,
    kwargs)``: a miss for reads, nothing written for writes."""
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def tolerant(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            logger.warning("cache %s skipped: Redis does not answer (%s)", name, error)
            return fallback(args, kwargs)

    setattr(_PooledRedisCache, name, tolerant)


def _default(args, kwargs):  # get(key, default=None, version=None)
    return kwargs.get("default", args[1] if len(args) > 1 else None)


for _name, _fallback in {
    "get": _default,
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "add": lambda args, kwargs: False,
    "set": lambda args, kwargs: None,
    "set_many": lambda args, kwargs: list(args[0] if args else kwargs["data"]),
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "delete_many": lambda args, kwargs: None,
}.items():
    _tolerant(_name, _fallback)


# --- Shared parts kept in each process too ---------------------------------------------------

# Keys whose value never changes while they live: each holds the change stamp or version its
# value was drawn at (forum/fragments.py, forum/caching.py, forum/activity.py, forum/selectors.py,
# the roles version of a moderation scope, {% cache %} fragments keyed on the listing version),
# or the answers it was drawn for. Anything else (sessions, the versions themselves, rate
# limits, a member's muted list, presence, the review queue) is read from Redis every time.
KEPT_IN_PROCESS = (
    "forum:thread-page:",
    "forum:threads:",
    "forum:toolbar:",
    "forum:account-links:",
    "forum:scope:",
    "forum:board:",
    "forum:board-slugs:",
    "forum:board-languages:",
    "forum:thread:",
    "forum:activity:",
    "forum:member-areas:",
    "cms:menu:",
    "template.cache.",
)
IN_PROCESS_SECONDS = 60  # at most: a part drawn with a translation on its way is kept a minute
IN_PROCESS_ENTRIES = 1000  # a worker's share of the parts members read at once

_in_process = LocMemCache(
    "forum-kept-in-process",
    {"TIMEOUT": IN_PROCESS_SECONDS, "OPTIONS": {"MAX_ENTRIES": IN_PROCESS_ENTRIES}},
)
_MISSING = object()


class SharedPoolRedisCache(_PooledRedisCache):
    """Redis for every process, and for the parts of pages drawn once (``KEPT_IN_PROCESS``) a
    minute's copy in each process as well: a member's thread page asked Redis fifteen times,
    and under load each round trip waits for Redis and then for the CPU again. As a part's key
    names what it was drawn from, a copy can only be as old as the key; nothing is ever
    invalidated in place (a deleted key of these is deleted here too, for this process)."""

    def _kept(self, key: str, version: int | None) -> str | None:
        return self.make_and_validate_key(key, version) if key.startswith(KEPT_IN_PROCESS) else None

    @staticmethod
    def _seconds(timeout) -> float:
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return IN_PROCESS_SECONDS
        return min(timeout, IN_PROCESS_SECONDS)

    def get(self, key, default=None, version=None):
        kept = self._kept(key, version)
        if kept is None:
            return super().get(key, default, version)
        value = _in_process.get(kept, _MISSING)
        if value is _MISSING:
            value = super().get(key, _MISSING, version)
            if value is _MISSING:
                return default
            _in_process.set(kept, value, IN_PROCESS_SECONDS)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        kept = self._kept(key, version)
        if kept is not None and timeout != 0:
            _in_process.set(kept, value, self._seconds(timeout))
        return super().set(key, value, timeout, version)

    def get_many(self, keys, version=None):
        found, wanted = {}, []
        for key in keys:
            kept = self._kept(key, version)
            value = _MISSING if kept is None else _in_process.get(kept, _MISSING)
            if value is _MISSING:
                wanted.append(key)
            else:
                found[key] = value
        if wanted:
            fetched = super().get_many(wanted, version)
            for key, value in fetched.items():
                if (kept := self._kept(key, version)) is not None:
                    _in_process.set(kept, value, IN_PROCESS_SECONDS)
            found.update(fetched)
        return found

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if timeout != 0:
            for key, value in data.items():
                if (kept := self._kept(key, version)) is not None:
                    _in_process.set(kept, value, self._seconds(timeout))
        return super().set_many(data, timeout, version)

    def clear(self):
        _in_process.clear()
        return super().clear()

    def delete(self, key, version=None):
        if (kept := self._kept(key, version)) is not None:
            _in_process.delete(kept)
        return super().delete(key, version)
