import os
import uuid

import pytest
import pytest_asyncio
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission

from forum import audit
from forum.caching import bump_listing_version, bump_roles_version
from forum.models import Board
from tests.factories import (
    BoardFactory,
    GroupFactory,
    ProgramAreaFactory,
    UserFactory,
    pending_member,
    verified_member,
)

# The audit log's triggers refuse every UPDATE and DELETE of it (forum/audit.py); the suite's
# databases are emptied between tests, so here they let those through, except where a test
# proves the refusal (audit.enforced()).
audit.MAINTENANCE = True


def pytest_configure(config):
    # Test runs and xdist workers share one Redis in the PostgreSQL + Redis pass: give each its
    # own key space so no cached page crosses from one to another.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    run = f"test-{worker}-{uuid.uuid4().hex[:8]}"
    django_settings.CACHES["default"]["KEY_PREFIX"] = run
    # Channel groups too: the same names (thread:1, the moderation streams) in two workers would
    # carry one worker's events to the other's sockets.
    layer = django_settings.CHANNEL_LAYERS["default"]
    if "CONFIG" in layer:
        layer["CONFIG"]["prefix"] = run
    if layer["BACKEND"] == "forum.realtime.relay.RelayChannelLayer":
        # One process: the relay between processes is tested on its own (tests/forum/
        # test_relay.py) and by the served-site tests, whose servers run with it.
        layer["CONFIG"] = {"relay": False}


@pytest.fixture(autouse=True)
def fresh_listing_cache():
    # Each test builds its own data; a listing cached by an earlier test must not show, nor a
    # moderation scope kept for an account id an earlier test's rolled-back account had.
    bump_listing_version()
    bump_roles_version()


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    # Every test client comes from 127.0.0.1 and user ids repeat between tests: each test
    # counts its requests under keys of its own (forum/throttling.py), with no clear() that
    # would empty the Redis other runs share. Failed sign-ins (axes) are rows, rolled back.
    settings.RATELIMIT_CACHE_PREFIX = f"rl-{uuid.uuid4().hex}:"


@pytest.fixture
def run_tasks():
    """Stand in for the worker process: run the queued tasks that are ready, with the worker's
    own code (forum/worker/); returns how many ran."""
    from forum.worker import run_ready

    return run_ready


@pytest.fixture
def member(db):
    return verified_member("member")


@pytest.fixture
def other_member(db):
    return verified_member("other")


@pytest.fixture
def pending(db):
    return pending_member("newcomer")


@pytest.fixture
def moderator(db):
    user = verified_member("moderator")
    user.user_permissions.add(Permission.objects.get(codename="moderate"))
    return user


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True, is_superuser=True)


@pytest.fixture
def council(db):
    return GroupFactory(name="Council")


@pytest.fixture
def group_member(db, council):
    return verified_member("councillor", groups=[council])


@pytest.fixture
def area(db):
    return ProgramAreaFactory(slug="juvenile-justice", name_en="Juvenile Justice")


@pytest.fixture
def boards(area, council):
    """One board of each visibility in one area."""
    return {
        "public": BoardFactory(area=area, slug="general", name_en="General discussion"),
        "members": BoardFactory(
            area=area, slug="practice", name_en="Case practice", visibility=Board.Visibility.MEMBERS
        ),
        "groups": BoardFactory(
            area=area,
            slug="council",
            name_en="Council room",
            visibility=Board.Visibility.GROUPS,
            allowed_groups=[council],
        ),
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's deliberate slowness only costs time here; tests don't need brute-force cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(items):
    # Every async test stops the live machinery it started before its loop closes (last in,
    # so its teardown runs first): see live_machinery_stopped.
    for item in items:
        if item.get_closest_marker("asyncio") and hasattr(item, "fixturenames"):
            item.fixturenames.append("live_machinery_stopped")


@pytest_asyncio.fixture
async def live_machinery_stopped():
    # A loop's close cancels each task once and waits for all: a task reading from Redis that
    # swallowed the one cancel (redis-py retries a read cut short; channels-redis then polls
    # on) held CI runs five minutes in a test's teardown — the fan-out hub's, and a refused
    # socket's consumer still waiting on its channel. forum.realtime.stopping cancels the live
    # machinery, then every task the test left, until each has stopped.
    import asyncio

    from forum.realtime import stopping

    yield
    left = await stopping.stop()
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    left |= await stopping.cancel_until_done(others)
    assert not left, f"tasks that would not stop: {left}"


@pytest.fixture(autouse=True)
def own_channel_layer():
    # Each test gets a channel layer of its own. channels-redis keeps receive state (a lock, a
    # count of receivers, buffers) on the layer instance, and each async test runs on its own
    # event loop: a layer shared across tests carried one loop's state into the next, and a
    # CI run hung five minutes closing a loop on it (the fan-out hub's receive).
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def fresh_presence():
    # Reader counts live in the process (and the cache) across tests; ids are reused between
    # transactional tests, so a count left by an earlier test must not show in the next.
    from django.core.cache import cache

    from forum.realtime import presence

    presence.reset()
    cache.delete(presence.REGISTRY)
    yield
    presence.reset()


@pytest.fixture(autouse=True)
def default_language():
    # A request or a test may leave another language active in the thread; messages asserted
    # by the next test are in English.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
