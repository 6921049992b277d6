import os
import pickle
import subprocess
import sys
import uuid

import pytest
import redis
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


def test_cache_calls_share_one_redis_client_and_still_read_what_they_wrote():
    """Django made a redis.Redis (and redis-py its table of response callbacks) for every
    call: one is kept per pool, and it is the pool's."""
    cache = SharedPoolRedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": uuid.uuid4().hex})
    client = cache._cache.get_client(write=True)

    cache.set("answer", {"n": 42})
    cache.set_many({"a": 1, "b": 2})

    assert cache._cache.get_client() is client
    assert client.connection_pool is cache._cache._get_connection_pool(write=True)
    assert cache.get("answer") == {"n": 42}
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}


def layered(prefix: str) -> tuple[SharedPoolRedisCache, redis.Redis]:
    """This process's cache on the machine's Redis, and a plain client to change Redis behind
    its back (as another process would)."""
    cache = SharedPoolRedisCache("redis://127.0.0.1:6379/0", {"KEY_PREFIX": prefix})
    return cache, redis.Redis.from_url("redis://127.0.0.1:6379/0")


def test_a_part_drawn_once_is_read_from_the_process_after_the_first_read():
    """Keys that name what their value was drawn from (a stamp, a version) are kept in the
    process a minute: read again, they cost no round trip to Redis."""
    run = uuid.uuid4().hex
    cache, server = layered(run)
    key = f"forum:thread-page:1:{run}:1"
    cache.set(key, "the page as drawn", 3600)
    server.delete(cache.make_key(key))  # gone from Redis: only the process's copy is left

    assert cache.get(key) == "the page as drawn"
    assert cache.get_many([key, "forum:thread-page:missing"]) == {key: "the page as drawn"}

    cache.delete(key)
    assert cache.get(key) is None


def test_what_changes_in_place_is_read_from_redis_every_time():
    """Versions, sessions, a member's muted list: another process's change shows at once."""
    run = uuid.uuid4().hex
    cache, server = layered(run)
    for key in ("forum:listing-version", "forum:muted-members:1", "forum:activity-version"):
        cache.set(key, "before", 3600)
        assert cache.get(key) == "before"
        server.set(cache.make_key(key), pickle.dumps("after"))  # another process writes

        assert cache.get(key) == "after"
        assert cache.get_many([key]) == {key: "after"}


def test_a_kept_part_read_from_redis_by_another_process_is_kept_too():
    run = uuid.uuid4().hex
    writer, server = layered(run)
    reader, _ = layered(run)
    key = f"forum:toolbar:1:en:{run}"
    server.set(writer.make_key(key), pickle.dumps("links"))  # drawn by another process

    assert reader.get(key) == "links"
    server.delete(writer.make_key(key))
    assert reader.get(key) == "links"
