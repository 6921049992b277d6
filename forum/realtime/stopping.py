"""Stopping this process's live machinery (the fan-out hub, the late sweep, the presence
heartbeat and announcements) before its event loop closes.

A loop closes by cancelling its tasks once and waiting for all of them. A task reading from
Redis can swallow that one cancel: redis-py turns a read cut short into a connection error and
retries it, and channels-redis's receive then goes on polling. The loop then waits for ever
(CI saw it in a test's teardown). Here each task is cancelled again until it has stopped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from forum.realtime import fanout, late, presence

PATIENCE_SECONDS = 5.0  # at most this long in all
RECANCEL_SECONDS = 0.25  # a task still running after this is cancelled again


async def cancel_until_done(
    tasks: Iterable[asyncio.Task | None], timeout: float = PATIENCE_SECONDS
) -> set[asyncio.Task]:
    """Cancel the tasks of this loop and wait for them, cancelling again any that swallowed
    it; returns those still running after ``timeout`` (none, unless one ignores every cancel)."""
    loop = asyncio.get_running_loop()
    pending = {t for t in tasks if t is not None and not t.done() and t.get_loop() is loop}
    deadline = loop.time() + timeout
    while pending and loop.time() < deadline:
        for task in pending:
            task.cancel()
        wait = max(0.0, min(RECANCEL_SECONDS, deadline - loop.time()))
        _, pending = await asyncio.wait(pending, timeout=wait)
    return pending


async def stop() -> set[asyncio.Task]:
    """Stop every background task of the live machinery on this loop; forget its state."""
    left = await cancel_until_done([*fanout.tasks(), *late.tasks(), *presence.tasks()])
    fanout.reset()
    presence.reset()
    return left
