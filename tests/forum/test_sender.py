"""Broadcasts from synchronous code (forum/realtime/sender.py): through channels_redis, each
process sends on one event loop it keeps, over connections it keeps; other layers as before."""

from __future__ import annotations

import uuid

import pytest
import redis
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings

from forum.realtime import sender


async def _receive(layer, channel: str, count: int) -> list[int]:
    return [(await layer.receive(channel))["n"] for _ in range(count)]


def test_a_group_send_from_sync_code_reaches_the_group_in_order():
    layer = get_channel_layer()
    group = f"sender-{uuid.uuid4().hex}"

    async def send_and_receive() -> list[int]:
        channel = await layer.new_channel()
        await layer.group_add(group, channel)
        # From a thread with no event loop, as a view's after-commit hook is.
        await sync_to_async(
            lambda: [sender.group_send(group, {"type": "t", "n": n}) for n in range(5)]
        )()
        return await _receive(layer, channel, 5)

    assert async_to_sync(send_and_receive)() == [0, 1, 2, 3, 4]


@pytest.mark.skipif(not settings.REDIS_URL, reason="channels_redis: the PostgreSQL + Redis pass")
def test_sends_through_redis_keep_their_connection():
    """Each async_to_sync call had its own event loop, and channels_redis a new connection per
    loop: a connection a send. Now twenty sends open at most one.

    The server counts every client's connections, and the suite's other workers connect too: a
    window may catch one of theirs. Twenty sends opening twenty connections show in every window,
    so the fewest seen over a few windows is this process's own."""
    server = redis.Redis.from_url(settings.REDIS_URL)
    sender.group_send(f"sender-{uuid.uuid4().hex}", {"type": "t", "n": 0})  # the loop, once

    def connections_for_twenty_sends() -> int:
        before = server.info("stats")["total_connections_received"]
        for n in range(20):
            sender.group_send(f"sender-{uuid.uuid4().hex}", {"type": "t", "n": n})
        return server.info("stats")["total_connections_received"] - before

    assert min(connections_for_twenty_sends() for _ in range(5)) <= 1
