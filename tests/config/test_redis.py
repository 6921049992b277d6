import os
import subprocess
import sys
import uuid

import pytest
from channels.layers import InMemoryChannelLayer, get_channel_layer
from channels_redis.core import RedisChannelLayer
from django.conf import settings

from config.cache import SharedPoolRedisCache
from forum.realtime.relay import RelayChannelLayer
from tests.live import ROOT


def test_the_channel_layer_is_the_one_the_environment_asks_for():
    # Without Redis: in-memory within the process, relayed to the others (forum/realtime/relay.py).
    expected = RedisChannelLayer if settings.REDIS_URL else RelayChannelLayer

    assert type(get_channel_layer()) is expected
    assert isinstance(
        get_channel_layer(), RedisChannelLayer if settings.REDIS_URL else InMemoryChannelLayer
    )


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the PostgreSQL + Redis pass)")
@pytest.mark.asyncio
async def test_a_group_message_sent_by_another_process_arrives_through_redis():
    layer = get_channel_layer()
    group = f"test-{uuid.uuid4().hex}"
    channel = await layer.new_channel()
    await layer.group_add(group, channel)
    prefix = settings.CHANNEL_LAYERS["default"]["CONFIG"]["prefix"]  # this run's (conftest)
    sender = (
        "import django; django.setup()\n"
        "from asgiref.sync import async_to_sync\n"
        "from channels.layers import get_channel_layer\n"
        "from django.conf import settings\n"
        f"settings.CHANNEL_LAYERS['default']['CONFIG']['prefix'] = {prefix!r}\n"
        f"async_to_sync(get_channel_layer().group_send)({group!r}, "
        "{'type': 'forum.event', 'text': 'from another process'})\n"
    )

    subprocess.run(
        [sys.executable, "-c", sender],
        cwd=ROOT,
        env=dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings"),
        check=True,
        timeout=60,
    )

    message = await layer.receive(channel)
    assert message == {"type": "forum.event", "text": "from another process"}
    await layer.group_discard(group, channel)


def test_redis_cache_objects_of_one_process_share_one_connection_pool():
    first = SharedPoolRedisCache("redis://127.0.0.1:6379/0", {})
    second = SharedPoolRedisCache("redis://127.0.0.1:6379/0", {})
    other_server = SharedPoolRedisCache("redis://127.0.0.1:6379/1", {})

    assert first._cache is second._cache
    assert first._cache is not other_server._cache
