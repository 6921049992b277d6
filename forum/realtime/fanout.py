"""Fan-out within a process: one channel-layer member per stream group, not one per socket.

A reply to a thread with 2,500 readers on a Daphne process used to be 2,500 members of the
thread's group: channels-redis listed them all in the message, and each socket's own task
woke up, hopped to the database thread (``close_old_connections``, though a broadcast reads no
database) and encoded the same JSON again. Here the process joins a stream's group once, with
a channel of its own, when its first socket subscribes, and leaves it when its last one goes;
a broadcast arrives once per process, is encoded once, and is handed to the local sockets,
which keep their own checks (ids already sent, a moderator's languages) before the text goes
out. What a socket may follow is still decided when it subscribes (following.py).

A change of access (``access.board.*``, ``account.*``, ``session.*`` groups) comes through the
same hub, so it keeps its place among the broadcasts: the hub makes each socket concerned hold
its events before it reads the next message, and the socket re-checks in its own task, then
sends what waited (less what it may no longer follow).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

from channels.layers import get_channel_layer

if TYPE_CHECKING:  # the consumer imports this module
    from forum.realtime.consumers import ForumConsumer

logger = logging.getLogger(__name__)

# channels-redis forgets a group member after a day (group_expiry): a process that keeps a
# popular thread's group for longer adds itself again now and then, and at once after the
# layer failed (Redis restarted empty). Events in between reach the sockets through the late
# sweep (late.py) and, for a reconnecting tab, the replay.
REJOIN_SECONDS = 600
RETRY_SECONDS = 1.0
# Sockets served before the loop gets a turn: their frames go out (Twisted writes when the
# loop runs) and the process answers pings meanwhile, instead of after the last socket.
BATCH = 200
# What a socket re-checks when its account's, session's or board's access changes
# (accounts.py, events.announce_access_change): the hub passes them to the socket's own task.
CHECKS = frozenset({"forum.access", "forum.recheck", "forum.signout"})


class Hub:
    """This process's member of each stream group that its sockets follow."""

    def __init__(self, layer: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.layer, self.loop = layer, loop
        self.channel = ""
        self.members: dict[str, dict[ForumConsumer, None]] = {}  # in subscription order
        self.joined: set[str] = set()
        self.locks: dict[str, asyncio.Lock] = {}
        self.waiting: Counter[str] = Counter()
        self.task: asyncio.Task | None = None
        self.rejoining: asyncio.Task | None = None

    async def start(self) -> None:
        self.channel = await self.layer.new_channel()
        self.task = self.loop.create_task(self._receive_forever())
        self.rejoining = self.loop.create_task(self._rejoin_forever())

    async def join(self, group: str, consumer: ForumConsumer) -> None:
        """Deliver the group's messages to the socket; returns once the process is a member,
        so that a replay read afterwards overlaps the live broadcasts (nothing falls between)."""
        self.members.setdefault(group, {})[consumer] = None
        async with self._lock(group):
            if group in self.members and group not in self.joined:
                await self.layer.group_add(group, self.channel)
                self.joined.add(group)

    async def leave(self, group: str, consumer: ForumConsumer) -> None:
        local = self.members.get(group)
        if local is None or consumer not in local:
            return
        del local[consumer]
        if local:
            return
        del self.members[group]
        async with self._lock(group):
            # A socket that joined while this one waited keeps the membership.
            if group not in self.members and group in self.joined:
                self.joined.discard(group)
                await self.layer.group_discard(group, self.channel)

    def _lock(self, group: str) -> _GroupLock:
        return _GroupLock(self, group)

    async def _receive_forever(self) -> None:
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the layer down: wait, then join again
                if _being_cancelled():
                    # The client turned the cancel into a connection error (redis-py does when
                    # a read is cut short): this is the loop stopping, not Redis failing. Going
                    # round again would keep the task alive for ever and hang the loop's close.
                    raise asyncio.CancelledError from None
                logger.warning("fan-out receive failed; again in %s s", RETRY_SECONDS)
                await asyncio.sleep(RETRY_SECONDS)
                self.loop.create_task(self._rejoin())
                continue
            try:
                await self.dispatch(message)
            except Exception:  # one bad message must not stop the others
                logger.exception("fan-out of a %s message failed", message.get("type"))

    async def _rejoin_forever(self) -> None:
        while True:
            await asyncio.sleep(REJOIN_SECONDS)
            await self._rejoin()

    async def _rejoin(self) -> None:
        try:
            for group in list(self.joined):
                await self.layer.group_add(group, self.channel)
        except Exception:  # the layer still down: the receive loop calls again
            if _being_cancelled():
                raise asyncio.CancelledError from None
            logger.warning("fan-out could not join its groups again", exc_info=True)

    async def dispatch(self, message: dict) -> None:
        """Hand a group message to this process's sockets in the group, encoded once."""
        local = self.members.get(message.get("group", ""))
        if not local:
            return
        kind = message.get("type")
        if kind == "forum.event":
            event = message["event"]
            text = json.dumps(event)
            await self._each(local, lambda consumer: consumer.deliver(event, text))
        elif kind == "forum.presence":
            stream = f"thread:{message['thread_id']}"
            frame = {"type": "presence", "stream": stream, "readers": message["readers"]}
            text = json.dumps(frame)
            await self._each(local, lambda consumer: consumer.send_frame(stream, text))
        elif kind in CHECKS:
            await self._check(local, message)
        else:
            logger.warning("fan-out: no handler for %r", kind)

    async def _check(self, local: dict[ForumConsumer, None], message: dict) -> None:
        """An access change: each socket holds its events at once (before this hub hands out
        the next message), then re-checks in its own task, in order with what it is doing."""
        sockets = list(local)
        for consumer in sockets:
            consumer.hold()
        for consumer in sockets:
            try:
                await self.layer.send(consumer.channel_name, message)
            except Exception:  # noqa: BLE001 - the layer failing: re-check here, not never
                logger.warning("could not pass a %s on; handled here", message["type"])
                self.loop.create_task(consumer.dispatch(message))

    async def _each(self, local: dict[ForumConsumer, None], call) -> None:
        for n, consumer in enumerate(list(local)):
            if n and not n % BATCH:
                await asyncio.sleep(0)
            try:
                await call(consumer)
            except Exception:  # a socket closing meanwhile: the others go on
                logger.debug("fan-out to a closing socket failed", exc_info=True)


def _being_cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


class _GroupLock:
    """One lock per group, forgotten when nobody holds or waits for it: joins and leaves of a
    group are applied in order (a leave's discard never lands after a later join's add)."""

    def __init__(self, hub: Hub, group: str) -> None:
        self.hub, self.group = hub, group

    async def __aenter__(self) -> None:
        self.hub.waiting[self.group] += 1
        await self.hub.locks.setdefault(self.group, asyncio.Lock()).acquire()

    async def __aexit__(self, *exc) -> None:
        self.hub.locks[self.group].release()
        self.hub.waiting[self.group] -= 1
        if not self.hub.waiting[self.group]:
            del self.hub.waiting[self.group]
            del self.hub.locks[self.group]


_hub: Hub | None = None
_starting: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None


async def hub() -> Hub:
    """The hub of this process's event loop and channel layer (a test's loop gets its own)."""
    global _hub, _starting
    loop, layer = asyncio.get_running_loop(), get_channel_layer()
    if _hub is not None and _hub.loop is loop and _hub.layer is layer:
        return _hub
    if _starting is None or _starting[0] is not loop:
        _starting = (loop, asyncio.Lock())
    async with _starting[1]:
        if _hub is None or _hub.loop is not loop or _hub.layer is not layer:
            fresh = Hub(layer, loop)
            await fresh.start()
            _hub = fresh
    return _hub


def tasks() -> list[asyncio.Task]:
    """The hub's tasks (stopping.py stops them before the loop closes)."""
    return [t for t in (_hub.task, _hub.rejoining) if t is not None] if _hub is not None else []


def reset() -> None:
    """Forget the hub (tests: each has its own event loop)."""
    global _hub, _starting
    if _hub is not None and not _hub.loop.is_closed():
        for task in (_hub.task, _hub.rejoining):
            if task is not None:
                task.cancel()
    _hub, _starting = None, None
