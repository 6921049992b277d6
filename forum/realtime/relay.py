"""The embedded default's channel layer: in-memory within a process, relayed between processes
through a table.

Without Redis each process has its own in-memory layer, so an event published by gunicorn (a
reply posted over HTTP) or by the worker would never reach the sockets Daphne holds. This layer
sends every group message locally as the in-memory layer does and also writes it to
``RelayMessage``; each process that serves sockets reads the rows other processes wrote every
``RELAY_POLL_SECONDS`` and sends them to its own groups. Rows are read by age, not only by id, so
a row committed after a higher id is not skipped; a message seen once is not sent twice. The
schedule's ``prune_relay`` deletes rows after ``RELAY_KEEP_SECONDS``. With Redis (production)
none of this runs: channels-redis is shared by every process.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from datetime import timedelta

from channels.db import database_sync_to_async
from channels.layers import InMemoryChannelLayer
from django.utils import timezone

from forum import limits

logger = logging.getLogger(__name__)

ORIGIN = uuid.uuid4().hex  # this process
LOOKBACK = timedelta(seconds=10)  # rows this recent are read again, in case they committed late


@database_sync_to_async
def _write(group: str, message: dict) -> None:
    from forum.models import RelayMessage

    RelayMessage.objects.create(origin=ORIGIN, group=group, message=message)


@database_sync_to_async
def _read(since) -> list[tuple[int, str, dict]]:
    from forum.models import RelayMessage

    return list(
        RelayMessage.objects.filter(created_at__gte=since)
        .exclude(origin=ORIGIN)
        .order_by("pk")
        .values_list("pk", "group", "message")[:1000]
    )


def prune() -> int:
    from forum.models import RelayMessage

    cutoff = timezone.now() - timedelta(seconds=limits.RELAY_KEEP_SECONDS)
    return RelayMessage.objects.filter(created_at__lt=cutoff).delete()[0]


class RelayChannelLayer(InMemoryChannelLayer):
    def __init__(self, relay: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.relay = relay
        self._poller: asyncio.Task | None = None
        self._seen: dict[int, float] = {}

    async def group_send(self, group: str, message: dict) -> None:
        await super().group_send(group, message)
        if not self.relay:
            return
        try:
            json.dumps(message)
        except (TypeError, ValueError):
            logger.warning("not relayed (not JSON): a %s message to %s", message.get("type"), group)
            return
        try:
            await _write(group, message)
        except Exception:
            logger.warning("could not relay a message to %s", group, exc_info=True)

    def start_polling(self) -> None:
        """Called when this process starts serving sockets (forum/realtime/consumers.py)."""
        if not self.relay:
            return
        loop = asyncio.get_running_loop()
        if self._poller is None or self._poller.done() or self._poller.get_loop() is not loop:
            self._poller = loop.create_task(self._poll_forever())

    async def _poll_forever(self) -> None:
        started = timezone.now()
        while True:
            await asyncio.sleep(limits.RELAY_POLL_SECONDS)
            try:
                await self.poll(since=max(started, timezone.now() - LOOKBACK))
            except Exception:
                logger.warning("relay poll failed", exc_info=True)

    async def poll(self, *, since) -> int:
        """Send this process's groups the other processes' messages not yet sent; how many."""
        sent = 0
        now = asyncio.get_running_loop().time()
        for pk, group, message in await _read(since):
            if pk in self._seen:
                continue
            self._seen[pk] = now
            await super().group_send(group, message)
            sent += 1
        horizon = now - 2 * LOOKBACK.total_seconds()
        for pk in [pk for pk, at in self._seen.items() if at < horizon]:
            del self._seen[pk]
        return sent
