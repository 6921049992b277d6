"""A process's fan-out hub stops when its event loop does (a Daphne worker shutting down, and
each test's own loop closing), on the configured layer and when the client swallows the cancel."""

import asyncio

import pytest
from channels.layers import InMemoryChannelLayer, get_channel_layer

from forum.realtime.fanout import Hub

pytestmark = pytest.mark.asyncio


async def started_hub(layer) -> Hub:
    hub = Hub(layer, asyncio.get_running_loop())
    await hub.start()
    await asyncio.sleep(0.05)  # the receive task is waiting on the layer now
    return hub


async def stopped_within(task: asyncio.Task, seconds: float) -> bool:
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=seconds)
    return task in done and task.cancelled()


async def test_the_hub_stops_when_cancelled_in_the_middle_of_a_receive():
    # The configured layer: Redis on the production stack, in memory on the embedded default.
    hub = await started_hub(get_channel_layer())
    assert hub.task is not None
    assert not hub.task.done()

    assert await stopped_within(hub.task, 5)
    assert await stopped_within(hub.rejoining, 5)


class CancelBecomesConnectionError(InMemoryChannelLayer):
    """redis-py answers a read cut short by a cancel with ConnectionError, not CancelledError:
    the hub used to take that for Redis being down and went round again for ever, so the
    loop's close waited for a task that never ended (a CI run hung five minutes on it)."""

    async def receive(self, channel):
        try:
            return await super().receive(channel)
        except asyncio.CancelledError:
            raise ConnectionError("Connection closed by server.") from None


async def test_a_cancel_turned_into_a_connection_error_still_stops_the_hub(caplog):
    hub = await started_hub(CancelBecomesConnectionError())

    assert await stopped_within(hub.task, 3)
    assert "fan-out receive failed" not in caplog.text
    hub.rejoining.cancel()


async def test_the_layer_really_failing_is_still_retried():
    # An error that is not a cancel keeps the hub going: it waits, joins again and receives.
    class FailsOnce(InMemoryChannelLayer):
        failed = False

        async def receive(self, channel):
            if not self.failed:
                self.failed = True
                raise ConnectionError("Redis restarted")
            return await super().receive(channel)

    layer = FailsOnce()
    hub = await started_hub(layer)
    await layer.send(hub.channel, {"type": "forum.event", "group": "nobody", "event": {}})
    await asyncio.sleep(1.5)  # RETRY_SECONDS, then the message is read

    assert layer.failed
    assert not hub.task.done()
    assert layer.channels[hub.channel].empty()  # the queued message was received
    assert await stopped_within(hub.task, 3)
    hub.rejoining.cancel()
