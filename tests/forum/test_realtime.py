"""Live events over /ws/: subscribe, broadcast after commit, replay, resync, permissions."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from asgiref.sync import sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from config.asgi import application
from forum import limits
from forum.models import Board, Event, Profile
from forum.realtime import streams
from forum.realtime.consumers import CLOSE_RATE_LIMITED
from forum.realtime.events import post_payload, publish_event
from forum.services.moderation import hide_post
from forum.services.posting import delete_post, edit_post, post_reply
from forum.services.privacy import delete_account
from forum.worker import run_ready
from tests.factories import BoardFactory, thread_with_posts

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]
ORIGIN = (b"origin", b"http://localhost")


async def open_socket(client=None, user=None):
    headers = [ORIGIN]
    if user is not None:
        await sync_to_async(client.force_login)(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    socket = WebsocketCommunicator(application, "/ws/", headers=headers)
    connected, _ = await socket.connect(timeout=5)
    assert connected
    assert (await socket.receive_json_from(timeout=5))["type"] == "hello"
    return socket


async def subscribe(socket, stream, **extra):
    await socket.send_json_to({"type": "subscribe", "stream": stream, **extra})
    return await socket.receive_json_from(timeout=5)


@pytest.fixture
def public_thread(boards, member):
    return thread_with_posts(board=boards["public"], author=member)


async def test_a_reply_reaches_a_subscribed_reader_with_its_html(public_thread, other_member):
    socket = await open_socket()
    assert (await subscribe(socket, f"thread:{public_thread.pk}"))["type"] == "subscribed"

    await sync_to_async(post_reply)(
        author=other_member, thread=public_thread, body="**Live** reply"
    )

    event = await socket.receive_json_from(timeout=5)
    assert event["kind"] == "post.created"
    assert event["stream"] == f"thread:{public_thread.pk}"
    assert event["payload"]["html"] == "<p><strong>Live</strong> reply</p>\n"
    assert event["payload"]["position"] == 2
    await socket.disconnect()


async def test_the_board_stream_hears_of_replies_and_edits_go_to_the_thread(
    public_thread, member, other_member
):
    board_socket = await open_socket()
    thread_socket = await open_socket()
    await subscribe(board_socket, f"board:{public_thread.board_id}")
    await subscribe(thread_socket, f"thread:{public_thread.pk}")
    first = await sync_to_async(public_thread.posts.get)()

    await sync_to_async(post_reply)(author=other_member, thread=public_thread, body="Hello board")
    await sync_to_async(edit_post)(editor=member, post=first, body="Edited first post")

    updated = await board_socket.receive_json_from(timeout=5)
    assert (updated["kind"], updated["payload"]["reply_count"]) == ("thread.updated", 1)
    kinds = [(await thread_socket.receive_json_from(timeout=5))["kind"] for _ in range(2)]
    assert kinds == ["post.created", "post.edited"]
    await board_socket.disconnect()
    await thread_socket.disconnect()


async def test_a_deleted_posts_event_carries_no_text(public_thread, member):
    socket = await open_socket()
    await subscribe(socket, f"thread:{public_thread.pk}")
    first = await sync_to_async(public_thread.posts.get)()

    await sync_to_async(delete_post)(actor=member, post=first)

    event = await socket.receive_json_from(timeout=5)
    assert event["kind"] == "post.deleted"
    assert "html" not in event["payload"]
    await socket.disconnect()


async def test_a_replay_carries_each_posts_text_as_it_is_now_not_as_it_was(
    public_thread, other_member, moderator
):
    earlier = await open_socket()
    seen = (await subscribe(earlier, f"thread:{public_thread.pk}"))["last_id"]
    await earlier.disconnect()
    edited = await sync_to_async(post_reply)(
        author=other_member, thread=public_thread, body="First draft with a case number."
    )
    await sync_to_async(edit_post)(
        editor=other_member,
        post=edited,
        body="Case number removed.",
        language="en",
        seen_edit_count=0,
    )
    hidden = await sync_to_async(post_reply)(
        author=other_member, thread=public_thread, body="Names a victim."
    )
    await sync_to_async(hide_post)(actor=moderator, post=hidden, reason="Names a victim.")

    socket = await open_socket()
    await socket.send_json_to(
        {"type": "subscribe", "stream": f"thread:{public_thread.pk}", "last_id": seen}
    )
    replayed = []
    while (message := await socket.receive_json_from(timeout=5))["type"] == "event":
        replayed.append(message)

    texts = [event["payload"].get("html", "") for event in replayed]
    assert any("Case number removed." in text for text in texts)
    assert not any("case number." in text or "Names a victim" in text for text in texts)
    assert [e["kind"] for e in replayed] == [
        "post.created",
        "post.edited",
        "post.created",
        "post.hidden",
    ]


async def test_resubscribing_with_the_last_id_replays_what_was_missed_in_order(
    public_thread, other_member
):
    socket = await open_socket()
    subscribed = await subscribe(socket, f"thread:{public_thread.pk}")
    seen = subscribed["last_id"]
    await socket.disconnect()
    for n in range(3):
        await sync_to_async(post_reply)(
            author=other_member, thread=public_thread, body=f"Missed {n}"
        )

    socket = await open_socket()
    await socket.send_json_to(
        {"type": "subscribe", "stream": f"thread:{public_thread.pk}", "last_id": seen}
    )
    replayed = [await socket.receive_json_from(timeout=5) for _ in range(3)]
    done = await socket.receive_json_from(timeout=5)

    assert [e["payload"]["position"] for e in replayed] == [2, 3, 4]
    assert [e["id"] for e in replayed] == sorted(e["id"] for e in replayed)
    assert done == {
        "type": "subscribed",
        "stream": f"thread:{public_thread.pk}",
        "last_id": replayed[-1]["id"],
        "readers": 1,
    }
    await socket.disconnect()


async def test_too_many_missed_events_means_resync(public_thread, monkeypatch):
    monkeypatch.setattr(limits, "REPLAY_LIMIT", 2)
    stream = streams.thread(public_thread.pk)
    for _ in range(3):
        await sync_to_async(publish_event)(stream=stream, kind="post.edited", payload={})
    latest = await sync_to_async(lambda: Event.objects.latest("pk").pk)()

    socket = await open_socket()
    await socket.send_json_to({"type": "subscribe", "stream": stream.name, "last_id": 0})

    assert await socket.receive_json_from(timeout=5) == {
        "type": "resync",
        "stream": stream.name,
        "last_id": latest,
    }
    assert (await socket.receive_json_from(timeout=5))["type"] == "subscribed"
    await socket.disconnect()


async def test_a_resume_replays_what_came_just_before_its_last_id(public_thread):
    # Two processes broadcast two replies: the later id arrives first, then the socket drops
    # before the earlier one arrives. Resuming after the later id must still bring the earlier.
    stream = streams.thread(public_thread.pk)

    def stored(ago: int) -> int:
        event = publish_event(stream=stream, kind="post.edited", payload={"ago": ago})
        Event.objects.filter(pk=event.pk).update(created_at=timezone.now() - timedelta(seconds=ago))
        return event.pk

    long_before = await sync_to_async(stored)(limits.REPLAY_REORDER_SECONDS + 60)
    on_its_way = await sync_to_async(stored)(2)
    received = await sync_to_async(stored)(1)

    socket = await open_socket()
    await socket.send_json_to({"type": "subscribe", "stream": stream.name, "last_id": received})

    replayed = await socket.receive_json_from(timeout=5)
    assert (replayed["type"], replayed["id"]) == ("event", on_its_way)
    assert await socket.receive_json_from(timeout=5) == {
        "type": "subscribed",
        "stream": stream.name,
        "last_id": received,
        "readers": 1,
    }
    assert long_before < on_its_way  # older than the window: the client had it, not replayed
    await socket.disconnect()


async def test_a_last_id_beyond_the_log_means_resync_and_new_events_still_arrive(public_thread):
    # After the database is restored from a backup, a page open since remembers ids the log
    # has not reached: kept as they are, every event up to them would be dropped.
    stream = streams.thread(public_thread.pk)
    await sync_to_async(publish_event)(stream=stream, kind="post.edited", payload={})
    latest = await sync_to_async(lambda: Event.objects.latest("pk").pk)()

    socket = await open_socket()
    await socket.send_json_to({"type": "subscribe", "stream": stream.name, "last_id": latest + 500})

    assert await socket.receive_json_from(timeout=5) == {
        "type": "resync",
        "stream": stream.name,
        "last_id": latest,
    }
    assert (await socket.receive_json_from(timeout=5))["last_id"] == latest  # subscribed
    await sync_to_async(publish_event)(stream=stream, kind="post.edited", payload={"n": 1})
    event = await socket.receive_json_from(timeout=5)
    assert (event["type"], event["payload"]) == ("event", {"n": 1})
    await socket.disconnect()


async def test_a_page_subscribing_from_the_cursor_it_was_drawn_at_misses_nothing(
    client, public_thread, boards, other_member
):
    # The page is drawn with the log's newest id; a reply posted before its socket subscribes
    # is replayed. The cursor is the whole log's: past a quiet stream's newest, it is no resync.
    quiet = await sync_to_async(BoardFactory)(area=boards["public"].area)
    await sync_to_async(publish_event)(
        stream=streams.thread(public_thread.pk + 1000), kind="post.edited", payload={}
    )
    page = await sync_to_async(client.get)(reverse("forum:thread", args=(public_thread.pk,)))
    since = int(re.search(r'data-since="(\d+)"', page.content.decode()).group(1))
    assert since == await sync_to_async(lambda: Event.objects.latest("pk").pk)()

    await sync_to_async(post_reply)(author=other_member, thread=public_thread, body="In the gap")

    socket = await open_socket()
    replayed = await subscribe(socket, f"thread:{public_thread.pk}", last_id=since)
    assert (replayed["kind"], replayed["payload"]["position"]) == ("post.created", 2)
    assert (await socket.receive_json_from(timeout=5))["type"] == "subscribed"
    assert await subscribe(socket, f"board:{quiet.pk}", last_id=since) == {
        "type": "subscribed",
        "stream": f"board:{quiet.pk}",
        "last_id": since,
    }
    await socket.disconnect()


@pytest.mark.parametrize(
    ("stream", "error"),
    [
        ("thread:abc", "unknown stream"),
        ("secrets", "unknown stream"),
        (42, "unknown stream"),
        ("thread:999999", "stream not found"),
        ("moderation", "stream not found"),
        ("user", "stream not found"),
    ],
)
async def test_bad_or_forbidden_streams_get_an_error_and_nothing_else(db, stream, error):
    socket = await open_socket()

    reply = await subscribe(socket, stream)

    assert reply["type"] == "error"
    assert reply["message"] == error
    assert await socket.receive_nothing()
    await socket.disconnect()


async def test_a_members_board_is_not_found_for_a_visitor_but_is_for_a_member(
    client, boards, member
):
    visitor = await open_socket()
    assert (await subscribe(visitor, f"board:{boards['members'].pk}"))["message"] == (
        "stream not found"
    )
    signed_in = await open_socket(client, member)
    assert (await subscribe(signed_in, f"board:{boards['members'].pk}"))["type"] == "subscribed"
    await visitor.disconnect()
    await signed_in.disconnect()


async def test_notifications_arrive_on_the_recipients_user_stream_only(
    client, public_thread, member, other_member
):
    socket = await open_socket(client, member)
    assert (await subscribe(socket, "user"))["stream"] == f"user:{member.pk}"

    await sync_to_async(post_reply)(author=other_member, thread=public_thread, body="For @member")
    await sync_to_async(run_ready)()  # the worker tells them

    event = await socket.receive_json_from(timeout=5)
    assert event["kind"] == "notification.created"
    assert event["payload"]["kind"] == "mention"
    await socket.disconnect()


async def test_a_board_made_private_stops_a_visitors_streams(public_thread, boards):
    socket = await open_socket()
    await subscribe(socket, f"thread:{public_thread.pk}")
    board = boards["public"]

    board.visibility = Board.Visibility.MEMBERS
    await sync_to_async(board.save)()

    assert await socket.receive_json_from(timeout=5) == {
        "type": "unsubscribed",
        "stream": f"thread:{public_thread.pk}",
        "reason": "forbidden",
    }
    await sync_to_async(publish_event)(
        stream=streams.thread(public_thread.pk), kind="post.edited", payload={}
    )
    assert await socket.receive_nothing(timeout=0.5)
    await socket.disconnect()


async def test_subscription_floods_are_capped_and_rate_limited(db, monkeypatch):
    monkeypatch.setattr(limits, "SUBSCRIPTIONS_PER_SOCKET", 1)
    monkeypatch.setattr(limits, "SOCKET_MESSAGES_PER_WINDOW", 4)
    monkeypatch.setattr(limits, "SOCKET_RATE_STRIKES", 2)
    board = await sync_to_async(BoardFactory)()
    socket = await open_socket()

    assert (await subscribe(socket, f"board:{board.pk}"))["type"] == "subscribed"
    assert (await subscribe(socket, f"board:{board.pk}"))["message"] == "already subscribed"
    assert (await subscribe(socket, "thread:1"))["message"] == "too many subscriptions"
    await socket.send_json_to({"type": "ping"})
    assert (await socket.receive_json_from(timeout=5))["type"] == "pong"
    await socket.send_json_to({"type": "ping"})
    assert (await socket.receive_json_from(timeout=5))["message"] == "too many messages: slow down"
    await socket.send_json_to({"type": "ping"})

    closed = await socket.receive_output(timeout=5)
    assert closed == {"type": "websocket.close", "code": CLOSE_RATE_LIMITED}


async def test_prune_events_deletes_only_events_past_the_retention(db):
    old = await sync_to_async(Event.objects.create)(stream="board:1", kind="x", payload={})
    await sync_to_async(Event.objects.filter(pk=old.pk).update)(
        created_at=timezone.now() - timedelta(days=8)
    )
    recent = await sync_to_async(Event.objects.create)(stream="board:1", kind="x", payload={})
    out = StringIO()

    await sync_to_async(call_command)("prune_events", stdout=out)

    assert await sync_to_async(list)(Event.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Deleted 1 events older than 7 days." in out.getvalue()


async def group_members(group: str) -> set[str]:
    """Who is in a Channels group, for either layer this suite runs on."""
    layer = get_channel_layer()
    if isinstance(layer, InMemoryChannelLayer):
        return set(layer.groups.get(group, {}))
    connection = layer.connection(layer.consistent_hash(group))
    return {name.decode() for name in await connection.zrange(layer._group_key(group), 0, -1)}


async def test_a_closed_socket_leaves_every_group_it_joined(public_thread):
    groups = (
        f"stream.thread.{public_thread.pk}",
        f"stream.board.{public_thread.board_id}",
        f"access.board.{public_thread.board_id}",
    )
    before = {group: await group_members(group) for group in groups}
    socket = await open_socket()
    await subscribe(socket, f"thread:{public_thread.pk}")
    await subscribe(socket, f"board:{public_thread.board_id}")
    for group in groups:
        assert await group_members(group) > before[group], group

    await socket.disconnect()

    for group in groups:
        assert await group_members(group) == before[group], group


async def test_an_event_stored_but_never_broadcast_still_reaches_a_connected_socket(
    public_thread, monkeypatch
):
    # The process that wrote it died between its commit and its broadcast: the row is there,
    # no group message was sent, and this socket has no reason to reconnect.
    monkeypatch.setattr(limits, "SWEEP_SECONDS", 0.1)
    stream = streams.thread(public_thread.pk)
    socket = await open_socket()
    assert (await subscribe(socket, stream.name))["type"] == "subscribed"

    orphan = await sync_to_async(Event.objects.create)(
        stream=stream.name, kind="post.edited", payload={"orphan": True}
    )

    event = await socket.receive_json_from(timeout=5)
    assert (event["type"], event["id"], event["payload"]) == ("event", orphan.pk, {"orphan": True})
    assert await socket.receive_nothing(timeout=0.5)  # sent once, not at every sweep
    await socket.disconnect()


async def test_a_live_post_carries_what_its_page_shows_of_it_and_nothing_about_a_reader(
    boards, member, other_member
):
    def write():
        Profile.objects.filter(user=other_member).update(
            organization="Office of the Prosecutor", avatar="avatars/face.webp"
        )
        thread = thread_with_posts(board=boards["public"], author=member)
        author = Profile.objects.get(user=other_member).user  # as a request loads them
        post = post_reply(author=author, thread=thread, body="Agreed.", language="en")
        edit_post(post=post, editor=author, body="Agreed, with a caveat.")
        return thread

    thread = await sync_to_async(write)()
    kinds = ("post.created", "post.edited")
    payloads = await sync_to_async(
        lambda: [e.payload for e in Event.objects.filter(kind__in=kinds).order_by("pk")]
    )()

    created, edited = payloads[-2], payloads[-1]
    assert created["thread_id"] == edited["thread_id"] == thread.pk
    assert created["author_organization"] == "Office of the Prosecutor"
    assert created["author_avatar"].endswith("avatars/face.webp")
    assert created["created_at"].endswith("Z")
    assert "." not in created["created_at"]  # no microseconds
    assert edited["edit_count"] == 1
    # The reader's own actions (Edit, Flag) come from their page, never from the event.
    assert not {"can_edit", "can_flag", "viewer"} & set(created)


async def test_a_deleted_members_live_post_shows_no_organization_nor_picture(
    boards, member, other_member
):
    def write():
        Profile.objects.filter(user=other_member).update(
            organization="Office of the Prosecutor", avatar="avatars/face.webp"
        )
        thread = thread_with_posts(board=boards["public"], author=member)
        post = post_reply(author=other_member, thread=thread, body="Agreed.", language="en")
        delete_account(member=other_member)
        post.refresh_from_db()
        return post_payload(post)

    payload = await sync_to_async(write)()

    assert (payload["author_organization"], payload["author_avatar"]) == ("", "")


async def test_the_sweep_never_sends_a_resubscribed_socket_the_event_it_resumed_from(
    public_thread, monkeypatch
):
    # A page that reloaded after an event (a moderator's page on "post.hidden") resubscribes
    # with that event's id; the events just before it are replayed once (the reorder window),
    # and the sweep must not send the last one again: the page would reload every sweep.
    monkeypatch.setattr(limits, "SWEEP_SECONDS", 0.1)
    stream = streams.thread(public_thread.pk)
    create = sync_to_async(Event.objects.create)
    earlier = await create(stream=stream.name, kind="post.edited", payload={"n": 1})
    resumed_from = await create(stream=stream.name, kind="post.edited", payload={"n": 2})
    socket = await open_socket()
    await socket.send_json_to(
        {"type": "subscribe", "stream": stream.name, "last_id": resumed_from.pk}
    )
    received = []
    while (message := await socket.receive_json_from(timeout=5))["type"] != "subscribed":
        received.append(message["id"])
    assert received == [earlier.pk]  # the reorder window, once
    assert await socket.receive_nothing(timeout=0.5)  # several sweeps: nothing sent again
    await socket.disconnect()
