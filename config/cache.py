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

import logging
import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_clients: dict[tuple, RedisCacheClient] = {}
_lock = threading.Lock()


def _unavailable(operation: str, error: RedisError) -> None:
    logger.warning("cache %s skipped: Redis does not answer (%s)", operation, error)


class SharedPoolRedisCache(RedisCache):
    @cached_property
    def _cache(self) -> RedisCacheClient:
        key = (tuple(self._servers), tuple(sorted((k, repr(v)) for k, v in self._options.items())))
        with _lock:
            if key not in _clients:
                _clients[key] = self._class(self._servers, **self._options)
            return _clients[key]

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            _unavailable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            _unavailable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            _unavailable("has_key", error)
            return False

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            _unavailable("add", error)
            return False

    def set(self, key, value, timeout=None, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            _unavailable("set", error)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            _unavailable("set_many", error)
            return list(data)

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            _unavailable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            _unavailable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            _unavailable("delete_many", error)
