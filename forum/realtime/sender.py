"""Group sends from synchronous code (views, tasks) through one event loop kept per process.

``async_to_sync`` in a thread with no event loop of its own (gunicorn's workers, the task
worker) starts an event loop for each call, and channels_redis keeps its connections per event
loop and closes them with it: every broadcast after a commit paid a new loop, a thread and a new
Redis connection (2.7 ms a send on a quiet machine, ten times that under the mixed load's
contention: docs/performance.md). With channels_redis each process keeps one loop in a daemon
thread and sends through it, so the layer's connections stay open from one send to the next.

Other layers keep ``async_to_sync``: the embedded default's relay is an in-memory layer whose
groups live in the caller's own event loop (Daphne's, a test's).
"""

from __future__ import annotations

import asyncio
import os
import threading

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels_redis.core import RedisChannelLayer

# A send Redis has not taken by then fails like any broadcast: logged, and the clients catch up
# from the events table (forum/realtime/events.py).
SEND_TIMEOUT = 10

_lock = threading.Lock()
_loop: tuple[int, asyncio.AbstractEventLoop] | None = None  # (the process it belongs to, loop)


def _sending_loop() -> asyncio.AbstractEventLoop:
    """This process's sending loop, started on first use (and again in a forked child)."""
    global _loop
    with _lock:
        if _loop is None or _loop[0] != os.getpid():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="forum-sender", daemon=True).start()
            _loop = (os.getpid(), loop)
        return _loop[1]


def group_send(group: str, message: dict) -> None:
    """Send ``message`` to ``group`` and wait until the channel layer has taken it."""
    layer = get_channel_layer()
    if isinstance(layer, RedisChannelLayer):
        sent = asyncio.run_coroutine_threadsafe(layer.group_send(group, message), _sending_loop())
        sent.result(timeout=SEND_TIMEOUT)
    else:
        async_to_sync(layer.group_send)(group, message)
