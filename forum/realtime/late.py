"""Late delivery: events stored but never broadcast still reach the sockets of this process."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from channels.db import database_sync_to_async
from django.db.models import Q
from django.utils import timezone

from forum import limits
from forum.models import Event
from forum.realtime.following import ALL_MODERATION
from forum.realtime.replay import _as_now

if TYPE_CHECKING:  # the consumer imports this module; the sweep only calls its sockets' _deliver
    from forum.realtime.consumers import ForumConsumer

logger = logging.getLogger(__name__)

# publish_event broadcasts after commit, from the process that wrote. A process that dies
# between its commit and its broadcast (a restart, a crash) leaves an event in the table that
# no socket was sent: sockets that reconnect replay it, but sockets on the other, healthy
# processes never reconnect (bench/faults.py found them). So every SWEEP_SECONDS each process
# reads the recent events of the streams its sockets follow, one query whatever their number,
# and hands each to its followers, which drop the ids they have sent (_deliver). Members' own
# streams are left out: their replay filter is per member, and the notifications page and its
# badge have every notification anyway.

_SWEPT: dict[ForumConsumer, None] = {}  # sockets of this process with subscriptions, in order
_sweeper: asyncio.Task | None = None


@database_sync_to_async
def _recent(sources: list[str], moderation: bool) -> list[dict]:
    since = timezone.now() - timedelta(seconds=limits.REPLAY_REORDER_SECONDS)
    stored = Q(stream__in=sources) | (Q(stream__startswith="moderation:") if moderation else Q())
    events = Event.objects.filter(stored, created_at__gte=since).order_by("pk")
    return _as_now([event.as_message() for event in events[: limits.REPLAY_LIMIT]])


async def sweep() -> None:
    """Hand this process's sockets the recent events they follow and were not sent."""
    followers: dict[str, list[ForumConsumer]] = {}
    moderation: list[ForumConsumer] = []
    for consumer in list(_SWEPT):
        for following in list(consumer.subscriptions.values()):
            for source in following.sources:
                if source == ALL_MODERATION:
                    moderation.append(consumer)
                elif not source.startswith("user:"):
                    followers.setdefault(source, []).append(consumer)
    if not followers and not moderation:
        return
    for event in await _recent(sorted(followers), bool(moderation)):
        stored = event["stream"]
        late = followers.get(stored, []) + (moderation if stored.startswith("moderation:") else [])
        for consumer in late:
            try:
                await consumer._deliver(event)
            except Exception:  # noqa: BLE001 - a socket closing meanwhile: forget it
                _SWEPT.pop(consumer, None)


async def _sweep_forever() -> None:
    while True:
        await asyncio.sleep(limits.SWEEP_SECONDS)
        try:
            await sweep()
        except Exception:  # noqa: BLE001 - the database restarting: try again next time
            logger.warning("late-delivery sweep failed; next in %s s", limits.SWEEP_SECONDS)


def start_sweeping() -> None:
    global _sweeper
    loop = asyncio.get_running_loop()
    if _sweeper is None or _sweeper.done() or _sweeper.get_loop() is not loop:
        _sweeper = loop.create_task(_sweep_forever())


def tasks() -> list[asyncio.Task]:
    """The sweep's task, if any (stopping.py stops it before the loop closes)."""
    return [_sweeper] if _sweeper is not None else []
