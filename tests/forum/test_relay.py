"""The embedded default's channel layer (forum/realtime/relay.py): group messages written by
one process reach the groups of another through the relay table, once each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from forum import limits
from forum.models import RelayMessage
from forum.realtime import relay

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.asyncio
async def test_a_message_from_another_process_reaches_this_ones_group_once():
    layer = relay.RelayChannelLayer()
    channel = await layer.new_channel()
    await layer.group_add("thread-7", channel)
    since = timezone.now() - timedelta(seconds=1)
    await sync_to_async(RelayMessage.objects.create)(
        origin="another-process", group="thread-7", message={"type": "forum.event", "n": 1}
    )
    assert await layer.poll(since=since) == 1
    assert await layer.receive(channel) == {"type": "forum.event", "n": 1}
    assert await layer.poll(since=since) == 0  # read again within the look-back: not resent


@pytest.mark.asyncio
async def test_this_processs_own_messages_are_written_for_others_and_not_sent_twice():
    layer = relay.RelayChannelLayer()
    channel = await layer.new_channel()
    await layer.group_add("board-3", channel)
    since = timezone.now() - timedelta(seconds=1)
    await layer.group_send("board-3", {"type": "forum.event", "id": 9})
    stored = await sync_to_async(list)(RelayMessage.objects.values_list("origin", "group"))
    assert stored == [(relay.ORIGIN, "board-3")]
    assert await layer.receive(channel) == {"type": "forum.event", "id": 9}  # sent locally
    assert await layer.poll(since=since) == 0  # its own row is not sent again


@pytest.mark.asyncio
async def test_a_layer_with_the_relay_off_writes_nothing():
    layer = relay.RelayChannelLayer(relay=False)
    await layer.group_send("board-3", {"type": "forum.event"})
    assert not await sync_to_async(RelayMessage.objects.exists)()


@pytest.mark.asyncio
async def test_a_message_that_is_not_json_stays_local():
    layer = relay.RelayChannelLayer()
    channel = await layer.new_channel()
    await layer.group_add("g", channel)
    await layer.group_send("g", {"type": "forum.event", "when": timezone.now()})
    assert (await layer.receive(channel))["type"] == "forum.event"
    assert not await sync_to_async(RelayMessage.objects.exists)()


def test_old_relay_rows_are_pruned():
    old = RelayMessage.objects.create(origin="x", group="g", message={})
    RelayMessage.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(seconds=limits.RELAY_KEEP_SECONDS + 1)
    )
    fresh = RelayMessage.objects.create(origin="x", group="g", message={})
    assert relay.prune() == 1
    assert list(RelayMessage.objects.values_list("pk", flat=True)) == [fresh.pk]
