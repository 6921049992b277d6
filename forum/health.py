"""Service checks for /healthz: does each service this process depends on answer?"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from forum.search import engine


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"engine": connection.vendor}


async def check_database() -> dict:
    return await sync_to_async(_database)()


async def check_channel_layer() -> dict:
    """A message must make the round trip through the layer (Redis when configured)."""
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    message = await layer.receive(channel)
    if message.get("type") != "healthz.ping":
        raise RuntimeError("the channel layer returned another message")
    return {"backend": f"{type(layer).__module__}.{type(layer).__qualname__}"}


def _cache() -> dict:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)
    return {"backend": settings.CACHES["default"]["BACKEND"]}


async def check_cache() -> dict:
    return await sync_to_async(_cache, thread_sensitive=False)()


async def check_search() -> dict:
    name = engine.engine_name()
    if name == "elasticsearch":
        version = await sync_to_async(engine.elasticsearch_version, thread_sensitive=False)()
        return {"engine": name, "version": version}
    # The database engine answers exactly when the database does.
    await check_database()
    return {"engine": name, "database": connection.vendor}


CHECKS: dict[str, Callable[[], Awaitable[dict]]] = {
    "database": check_database,
    "channel_layer": check_channel_layer,
    "cache": check_cache,
    "search": check_search,
}


async def _run(check: Callable[[], Awaitable[dict]], timeout: float) -> dict:
    started = time.perf_counter()
    try:
        detail = await asyncio.wait_for(check(), timeout)
    except TimeoutError:
        detail = {"ok": False, "error": f"no answer within {timeout:g} s"}
    except Exception as exc:  # noqa: BLE001 - any failure means "does not answer"; say which
        detail = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    else:
        detail["ok"] = True
    detail["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return detail


async def run_checks() -> dict:
    """Every check at once; the report names each service and whether it answered."""
    timeout = settings.HEALTH_CHECK_TIMEOUT
    results = await asyncio.gather(*(_run(check, timeout) for check in CHECKS.values()))
    checks = dict(zip(CHECKS, results, strict=True))
    failing = [name for name, detail in checks.items() if not detail["ok"]]
    return {"status": "error" if failing else "ok", "failing": failing, "checks": checks}
