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

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_clients: dict[tuple, RedisCacheClient] = {}
_lock = threading.Lock()


class SharedPoolRedisCache(RedisCache):
    @cached_property
    def _cache(self) -> RedisCacheClient:
        # RedisCache keeps these three on the instance; Django's stubs do not declare them.
        servers, options = self._servers, self._options  # type: ignore[attr-defined]
        key = (tuple(servers), tuple(sorted((k, repr(v)) for k, v in options.items())))
        with _lock:
            if key not in _clients:
                _clients[key] = self._class(servers, **options)  # type: ignore[attr-defined]
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

    setattr(SharedPoolRedisCache, name, tolerant)


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
