"""Service checks for /healthz: does each service this process depends on answer?

Three questions, three addresses: is the process alive (/healthz/live, no service touched), can
it serve (/healthz/ready: the database answers; a cache, channel layer or search engine down
degrades the site but it still serves), and does every service answer (/healthz, for alerts).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest

from forum.search import engine


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    version = ".".join(str(part) for part in connection.get_database_version())
    return {"engine": connection.vendor, "version": version}


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


# Without the database no page can be served; without the others pages are still served (from
# the database, without live updates or search), so a load balancer keeps sending traffic.
REQUIRED = frozenset({"database"})


def readiness(report: dict) -> dict:
    """The report of run_checks() read for a load balancer: ok, degraded, or error (unready)."""
    failing = set(report["failing"])
    status = "error" if failing & REQUIRED else "degraded" if failing else "ok"
    return {**report, "status": status}


def statuses_only(report: dict) -> dict:
    """The report without backend names, versions, errors and times: what anyone may read."""
    checks = {name: {"ok": detail["ok"]} for name, detail in report["checks"].items()}
    return {**report, "checks": checks}


LOOPBACK = frozenset({"127.0.0.1", "::1"})
# A proxy on the same machine connects from loopback for every client: a request it forwarded
# carries one of these, and is not the machine itself asking.
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def is_from_this_machine(request: HttpRequest) -> bool:
    """Asked from loopback directly, not through a proxy (a monitor on the machine)."""
    return request.META.get("REMOTE_ADDR") in LOOPBACK and not any(
        header in request.META for header in PROXY_HEADERS
    )


async def may_see_backends(request: HttpRequest) -> bool:
    """Backend names, versions and errors help an attacker: staff and the machine itself only."""
    if is_from_this_machine(request):
        return True
    try:
        user = await request.auser()
    except DatabaseError:  # the database is down: nobody can be known to be staff
        return False
    return bool(user.is_staff)
