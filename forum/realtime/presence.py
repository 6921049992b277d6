"""How many sockets are reading a thread now, across every Daphne process.

Each process counts its own readers in memory (no write per subscription) and publishes its
count per thread to the shared cache (Redis when configured) under a key of its own, with a
time-to-live its heartbeat refreshes: a process that dies stops counting when its keys expire.
A registry key lists the live processes, so a count is one read of the registry and one
``get_many`` of their keys. After a change, each process sends the thread's count to the
thread's group at most once per debounce interval (longer for big audiences): a burst of
subscriptions is one message.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import defaultdict

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import cache

from forum import limits
from forum.realtime import streams

PROCESS = uuid.uuid4().hex[:12]
REGISTRY = "forum:presence:processes"

_readers: dict[int, set[str]] = defaultdict(set)
_due: dict[int, asyncio.Task] = {}
_last_count: dict[int, int] = {}
_heartbeat: asyncio.Task | None = None


def _off_thread(function):
    return sync_to_async(function, thread_sensitive=False)


def _key(thread_id: int, process: str) -> str:
    return f"forum:presence:{thread_id}:{process}"


def _register(now: float) -> list[str]:
    """Put this process in the registry (dropping processes not seen lately); return it."""
    processes = cache.get(REGISTRY) or {}
    expiry = limits.PRESENCE_EXPIRY_SECONDS
    processes = {name: seen for name, seen in processes.items() if now - seen < expiry}
    if now - processes.get(PROCESS, 0) > limits.PRESENCE_HEARTBEAT_SECONDS / 2:
        processes[PROCESS] = now
        cache.set(REGISTRY, processes, None)
    return list(processes)


def _publish_and_count(thread_id: int, local: int) -> int:
    """Write this process's count for the thread, then read every live process's count."""
    processes = _register(time.time())
    cache.set(_key(thread_id, PROCESS), local, limits.PRESENCE_EXPIRY_SECONDS)
    counts = cache.get_many([_key(thread_id, process) for process in processes])
    return sum(counts.values())


def _refresh(counts: dict[int, int]) -> None:
    _register(time.time())
    cache.set_many(
        {_key(thread_id, PROCESS): count for thread_id, count in counts.items()},
        limits.PRESENCE_EXPIRY_SECONDS,
    )


async def enter(thread_id: int, channel_name: str) -> int:
    """A socket started reading the thread; returns the readers now (it included)."""
    _readers[thread_id].add(channel_name)
    _ensure_heartbeat()
    # Off the one thread that serves the sockets' database reads: a cache call reads no
    # database, and a burst of subscriptions queued behind it there (bench/fanout.py).
    readers = await _off_thread(_publish_and_count)(thread_id, len(_readers[thread_id]))
    _last_count[thread_id] = readers
    _announce(thread_id)
    return readers


async def leave(thread_id: int, channel_name: str) -> None:
    local = _readers.get(thread_id)
    if local is None or channel_name not in local:
        return
    local.discard(channel_name)
    if not local:
        del _readers[thread_id]
    _announce(thread_id)


def _announce(thread_id: int) -> None:
    """Send the thread's count soon: at most once per debounce interval in this process."""
    due = _due.get(thread_id)
    if due is not None and not due.done() and due.get_loop() is asyncio.get_running_loop():
        return

    # Each message goes to every reader: the bigger the audience, the rarer the message, so that
    # presence costs a process at most PRESENCE_FRAMES_PER_SECOND frames a second per thread.
    audience = _last_count.get(thread_id, 0)
    wait = max(limits.PRESENCE_DEBOUNCE_SECONDS, audience / limits.PRESENCE_FRAMES_PER_SECOND)

    async def announce() -> None:
        try:
            await asyncio.sleep(wait)
        finally:
            # Off the list before counting: a change from now on schedules the next message.
            if _due.get(thread_id) is asyncio.current_task():
                del _due[thread_id]
        local = len(_readers.get(thread_id, ()))
        readers = await _off_thread(_publish_and_count)(thread_id, local)
        _last_count[thread_id] = readers
        if not local:
            _last_count.pop(thread_id, None)
        group = streams.thread(thread_id).group
        await get_channel_layer().group_send(
            group,
            {"type": "forum.presence", "thread_id": thread_id, "readers": readers, "group": group},
        )

    _due[thread_id] = asyncio.get_running_loop().create_task(announce())


def _ensure_heartbeat() -> None:
    """One task per process keeps its counts (and its registry entry) from expiring."""
    global _heartbeat
    loop = asyncio.get_running_loop()
    if _heartbeat is not None and not _heartbeat.done() and _heartbeat.get_loop() is loop:
        return

    async def beat() -> None:
        while _readers:
            await asyncio.sleep(limits.PRESENCE_HEARTBEAT_SECONDS)
            counts = {thread_id: len(local) for thread_id, local in _readers.items()}
            await _off_thread(_refresh)(counts)

    _heartbeat = loop.create_task(beat())


def local_readers(thread_id: int) -> int:
    """Sockets of this process reading the thread."""
    return len(_readers.get(thread_id, ()))


def tasks() -> list[asyncio.Task]:
    """The heartbeat and the announcements due (stopping.py stops them)."""
    return [*([_heartbeat] if _heartbeat is not None else []), *_due.values()]


def reset() -> None:
    """Forget this process's readers (tests: ids are reused between them)."""
    _readers.clear()
    _last_count.clear()
    _due.clear()
