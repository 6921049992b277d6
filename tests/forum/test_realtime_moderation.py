"""Presence and moderation over /ws/: reader counts, the moderation stream's scope, and what
moderation acts (hide, lock, move, suspend, the review queues) send to open sockets."""

import time
from datetime import timedelta

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from config.asgi import application
from forum import limits
from forum.models import Board, ModerationSettings, Moderator
from forum.realtime import kinds, presence
from forum.services.members import confirm_email, confirmation_token, register_member
from forum.services.moderation import (
    approve_post,
    decide_membership,
    flag_post,
    hide_post,
    lift_suspension,
    lock_thread,
    move_thread,
    restore_post,
    suspend_member,
)
from forum.services.posting import post_reply, start_thread
from tests.factories import BoardFactory, ProgramAreaFactory, thread_with_posts, verified_member

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]
ORIGIN = (b"origin", b"http://localhost")
TIMEOUT = 5


async def open_socket(user=None):
    """A socket of a visitor, or of ``user`` signed in (each user with their own session)."""
    headers = [ORIGIN]
    if user is not None:
        client = Client()
        await sync_to_async(client.force_login)(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    socket = WebsocketCommunicator(application, "/ws/", headers=headers)
    connected, _ = await socket.connect(timeout=5)
    assert connected
    assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "hello"
    return socket


async def subscribe(socket, stream, **extra):
    await socket.send_json_to({"type": "subscribe", "stream": stream, **extra})
    return await socket.receive_json_from(timeout=TIMEOUT)


async def receive(socket):
    return await socket.receive_json_from(timeout=TIMEOUT)


@pytest.fixture
def fast_presence(monkeypatch):
    monkeypatch.setattr(limits, "PRESENCE_DEBOUNCE_SECONDS", 0.05)


@pytest.fixture
def quiet_presence(monkeypatch):
    """No reader count arrives during the test: the sockets receive only the events checked."""
    monkeypatch.setattr(limits, "PRESENCE_DEBOUNCE_SECONDS", 3600)


@pytest.fixture
def public_thread(boards, member, other_member):
    """A public thread by ``member`` with one reply by ``other_member``."""
    return thread_with_posts(
        board=boards["public"], author=member, replies=1, repliers=[other_member]
    )


@pytest.fixture
def other_area_board(db):
    area = ProgramAreaFactory(slug="family-law", name_en="Family Law")
    return BoardFactory(area=area, slug="family", name_en="Family matters")


def post_at(thread, position):
    return thread.posts.get(position=position)


async def flag(flagger, post):
    return await sync_to_async(flag_post)(flagger=flagger, post=post, reason="spam")


async def readers_of(thread_id):
    return presence.local_readers(thread_id)


# --- Presence -------------------------------------------------------------------------------


async def test_readers_are_counted_and_announced_as_sockets_come_and_go(
    fast_presence, public_thread
):
    stream = f"thread:{public_thread.pk}"
    first = await open_socket()
    subscribed = await subscribe(first, stream)
    assert (subscribed["type"], subscribed["stream"], subscribed["readers"]) == (
        "subscribed",
        stream,
        1,
    )
    assert await receive(first) == {"type": "presence", "stream": stream, "readers": 1}

    second = await open_socket()
    assert (await subscribe(second, stream))["readers"] == 2
    assert await receive(first) == {"type": "presence", "stream": stream, "readers": 2}
    assert await receive(second) == {"type": "presence", "stream": stream, "readers": 2}
    assert await readers_of(public_thread.pk) == 2

    await second.disconnect()

    assert await receive(first) == {"type": "presence", "stream": stream, "readers": 1}
    assert await readers_of(public_thread.pk) == 1
    await first.disconnect()
    assert await readers_of(public_thread.pk) == 0


async def test_unsubscribing_from_a_thread_removes_the_reader_and_tells_the_others(
    fast_presence, public_thread
):
    stream = f"thread:{public_thread.pk}"
    staying, leaving = await open_socket(), await open_socket()
    await subscribe(staying, stream)
    assert await receive(staying) == {"type": "presence", "stream": stream, "readers": 1}
    await subscribe(leaving, stream)
    assert (await receive(staying))["readers"] == 2
    assert (await receive(leaving))["readers"] == 2

    await leaving.send_json_to({"type": "unsubscribe", "stream": stream})

    assert await receive(leaving) == {"type": "unsubscribed", "stream": stream}
    assert await receive(staying) == {"type": "presence", "stream": stream, "readers": 1}
    assert await leaving.receive_nothing(timeout=0.3)  # no longer in the thread's group
    assert await readers_of(public_thread.pk) == 1
    await staying.disconnect()
    await leaving.disconnect()


async def test_readers_of_a_dead_process_stop_counting(fast_presence, public_thread):
    """Another process's readers count while its registry entry is fresh, not once it expired."""
    now = time.time()
    await sync_to_async(cache.set)(
        presence.REGISTRY,
        {"live-process": now - 5, "dead-process": now - limits.PRESENCE_EXPIRY_SECONDS - 5},
        None,
    )
    for process, count in (("live-process", 1), ("dead-process", 4)):
        await sync_to_async(cache.set)(presence._key(public_thread.pk, process), count, 300)
    socket = await open_socket()

    assert (await subscribe(socket, f"thread:{public_thread.pk}"))["readers"] == 2
    assert (await receive(socket))["readers"] == 2
    await socket.disconnect()


# --- The moderation stream's scope -------------------------------------------------------------


async def test_a_site_moderator_hears_of_flags_in_every_area(
    quiet_presence, area, moderator, member, other_member, public_thread, other_area_board
):
    elsewhere = await sync_to_async(thread_with_posts)(board=other_area_board, author=member)
    socket = await open_socket(moderator)
    assert await subscribe(socket, "moderation") == {
        "type": "subscribed",
        "stream": "moderation",
        "last_id": 0,
    }
    here_post = await sync_to_async(post_at)(public_thread, 1)
    there_post = await sync_to_async(post_at)(elsewhere, 1)

    await flag(other_member, here_post)
    await flag(other_member, there_post)

    first, second = await receive(socket), await receive(socket)
    assert [(e["type"], e["kind"], e["stream"]) for e in (first, second)] == [
        ("event", "queue.flagged", "moderation"),
        ("event", "queue.flagged", "moderation"),
    ]
    assert first["payload"] == {
        "area_id": area.pk,
        "language": "en",
        "post_id": here_post.pk,
    }
    assert second["payload"]["area_id"] == other_area_board.area_id
    assert second["payload"]["post_id"] == there_post.pk
    assert "html" not in first["payload"]
    await socket.disconnect()


async def area_moderator(username, area, languages=()):
    def make():
        user = verified_member(username)
        scope = Moderator.objects.create(user=user, languages=list(languages))
        scope.areas.add(area)
        return user

    return await sync_to_async(make)()


async def test_an_area_moderator_hears_of_their_areas_flags_only(
    quiet_presence, area, member, other_member, public_thread, other_area_board
):
    elsewhere = await sync_to_async(thread_with_posts)(board=other_area_board, author=member)
    keeper = await area_moderator("keeper", area)
    socket = await open_socket(keeper)
    assert (await subscribe(socket, "moderation"))["type"] == "subscribed"
    here_post = await sync_to_async(post_at)(public_thread, 1)
    there_post = await sync_to_async(post_at)(elsewhere, 1)

    await flag(other_member, there_post)  # another area's board: not theirs
    await flag(other_member, here_post)

    event = await receive(socket)
    assert (event["kind"], event["stream"]) == ("queue.flagged", "moderation")
    assert event["payload"]["post_id"] == here_post.pk
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_an_area_moderator_for_some_languages_hears_of_posts_in_those_only(
    quiet_presence, area, boards, member, other_member, public_thread
):
    translator = await area_moderator("traductora", area, languages=["es"])
    english = await sync_to_async(post_at)(public_thread, 1)
    spanish = await sync_to_async(start_thread)(
        author=member,
        board=boards["public"],
        title="Decisiones de acusación",
        body="Un mensaje en español sobre el caso.",
        language="es",
    )
    socket = await open_socket(translator)
    assert (await subscribe(socket, "moderation"))["type"] == "subscribed"

    await flag(other_member, english)
    await flag(other_member, spanish)

    event = await receive(socket)
    assert event["kind"] == "queue.flagged"
    assert event["payload"]["post_id"] == spanish.pk
    assert event["payload"]["language"] == "es"
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


@pytest.mark.parametrize("who", ["visitor", "member"])
async def test_the_moderation_stream_is_not_found_for_others(quiet_presence, member, who):
    socket = await open_socket(member if who == "member" else None)

    assert await subscribe(socket, "moderation") == {
        "type": "error",
        "message": "stream not found",
        "stream": "moderation",
    }
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


# --- Replay of the moderation stream ------------------------------------------------------------


async def test_a_moderator_resubscribing_gets_the_missed_queue_events_in_order(
    quiet_presence, moderator, member, other_member, public_thread, other_area_board
):
    elsewhere = await sync_to_async(thread_with_posts)(board=other_area_board, author=member)
    socket = await open_socket(moderator)
    seen = (await subscribe(socket, "moderation"))["last_id"]
    await socket.disconnect()
    posts = [
        await sync_to_async(post_at)(public_thread, 1),
        await sync_to_async(post_at)(elsewhere, 1),
        await sync_to_async(post_at)(public_thread, 2),
    ]
    flagger = await sync_to_async(verified_member)("flagger")
    await flag(flagger, posts[0])
    await flag(flagger, posts[1])
    await flag(flagger, posts[2])  # other_member's own post: flagged by someone else

    socket = await open_socket(moderator)
    await socket.send_json_to({"type": "subscribe", "stream": "moderation", "last_id": seen})
    replayed = [await receive(socket) for _ in posts]
    done = await receive(socket)

    assert [(e["kind"], e["stream"]) for e in replayed] == [("queue.flagged", "moderation")] * 3
    assert [e["payload"]["post_id"] for e in replayed] == [post.pk for post in posts]
    assert [e["id"] for e in replayed] == sorted(e["id"] for e in replayed)
    assert done == {"type": "subscribed", "stream": "moderation", "last_id": replayed[-1]["id"]}
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_an_area_moderators_replay_keeps_to_their_scope(
    quiet_presence, area, boards, member, other_member, public_thread, other_area_board
):
    elsewhere = await sync_to_async(thread_with_posts)(board=other_area_board, author=member)
    translator = await area_moderator("traductora", area, languages=["es"])
    spanish = await sync_to_async(start_thread)(
        author=member,
        board=boards["public"],
        title="Decisiones de acusación",
        body="Un mensaje en español sobre el caso.",
        language="es",
    )
    socket = await open_socket(translator)
    seen = (await subscribe(socket, "moderation"))["last_id"]
    await socket.disconnect()
    await flag(other_member, await sync_to_async(post_at)(elsewhere, 1))  # another area
    await flag(other_member, await sync_to_async(post_at)(public_thread, 1))  # English
    await flag(other_member, spanish)

    socket = await open_socket(translator)
    await socket.send_json_to({"type": "subscribe", "stream": "moderation", "last_id": seen})
    replayed = await receive(socket)
    done = await receive(socket)

    assert (replayed["kind"], replayed["stream"]) == ("queue.flagged", "moderation")
    assert replayed["payload"]["post_id"] == spanish.pk
    assert done == {"type": "subscribed", "stream": "moderation", "last_id": replayed["id"]}
    await socket.disconnect()


async def test_a_held_post_reaches_the_queue_and_leaves_it_when_approved(
    quiet_presence, moderator, member, public_thread
):
    def hold_new_posts():
        stored = ModerationSettings.load()
        stored.review_first_posts = 10
        stored.save()

    await sync_to_async(hold_new_posts)()
    socket = await open_socket(moderator)
    assert (await subscribe(socket, "moderation"))["type"] == "subscribed"

    reply = await sync_to_async(post_reply)(
        author=member, thread=public_thread, body="Held until a moderator reads it."
    )
    held = await receive(socket)
    await sync_to_async(approve_post)(actor=moderator, post=reply)
    settled = await receive(socket)

    assert (held["kind"], held["stream"]) == (kinds.QUEUE_HELD, "moderation")
    assert (settled["kind"], settled["stream"]) == (kinds.QUEUE_SETTLED, "moderation")
    assert held["payload"]["post_id"] == settled["payload"]["post_id"] == reply.pk
    assert "Held until" not in str(held)  # ids only: the page fetches what its viewer may see
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_a_member_waiting_for_verification_reaches_the_queue_and_leaves_it_when_decided(
    quiet_presence, moderator
):
    socket = await open_socket(moderator)
    assert (await subscribe(socket, "moderation"))["type"] == "subscribed"

    def register_and_confirm():
        user = register_member(
            username="applicant",
            email="applicant@unlisted.example",
            password="a-long-pass-phrase",
            language="en",
            display_name="An Applicant",
        )
        return confirm_email(confirmation_token(user))

    applicant = await sync_to_async(register_and_confirm)()
    waiting = await receive(socket)
    await sync_to_async(decide_membership)(actor=moderator, member=applicant, verified=True)
    settled = await receive(socket)

    assert (waiting["kind"], waiting["payload"]["member_id"]) == (kinds.QUEUE_MEMBER, applicant.pk)
    assert (settled["kind"], settled["payload"]["member_id"]) == (
        kinds.QUEUE_SETTLED,
        applicant.pk,
    )
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


# --- What moderation acts send to readers -------------------------------------------------------


async def test_a_hidden_posts_text_never_reaches_readers_and_comes_back_when_restored(
    quiet_presence, moderator, member, public_thread
):
    reply = await sync_to_async(post_at)(public_thread, 2)
    socket = await open_socket(member)
    assert (await subscribe(socket, f"thread:{public_thread.pk}"))["type"] == "subscribed"

    await sync_to_async(hide_post)(actor=moderator, post=reply, reason="Confidential details")

    hidden = await receive(socket)
    assert (hidden["kind"], hidden["stream"]) == ("post.hidden", f"thread:{public_thread.pk}")
    assert hidden["payload"]["post_id"] == reply.pk
    assert hidden["payload"]["state"] == "hidden"
    assert "html" not in hidden["payload"]
    assert "Reply number 1" not in str(hidden)

    await sync_to_async(restore_post)(actor=moderator, post=reply, reason="Checked again")

    restored = await receive(socket)
    assert restored["kind"] == "post.restored"
    assert restored["payload"]["html"] == "<p>Reply number 1.</p>\n"
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_locking_a_thread_reaches_its_readers_and_its_board(
    quiet_presence, moderator, public_thread
):
    thread_socket, board_socket = await open_socket(), await open_socket()
    await subscribe(thread_socket, f"thread:{public_thread.pk}")
    await subscribe(board_socket, f"board:{public_thread.board_id}")

    await sync_to_async(lock_thread)(actor=moderator, thread=public_thread, reason="Cooling off")

    on_thread, on_board = await receive(thread_socket), await receive(board_socket)
    assert (on_thread["kind"], on_thread["stream"]) == (
        "thread.locked",
        f"thread:{public_thread.pk}",
    )
    assert (on_board["kind"], on_board["stream"]) == (
        "thread.locked",
        f"board:{public_thread.board_id}",
    )
    assert on_thread["payload"]["is_locked"] is True
    assert on_board["payload"]["thread_id"] == public_thread.pk
    await thread_socket.disconnect()
    await board_socket.disconnect()


@pytest.mark.parametrize("who", ["visitor", "member"])
async def test_a_thread_moved_where_the_reader_cannot_follow_unsubscribes_them(
    quiet_presence, moderator, member, group_member, boards, public_thread, who
):
    stream = f"thread:{public_thread.pk}"
    socket = await open_socket(member if who == "member" else None)
    assert (await subscribe(socket, stream))["type"] == "subscribed"

    await sync_to_async(move_thread)(
        actor=moderator, thread=public_thread, board_id=boards["groups"].pk, reason="Council only"
    )

    message = await receive(socket)
    if message["type"] == "event":  # the move itself reaches the thread's stream first
        # ... without naming the board the reader may not read.
        assert (message["kind"], message["payload"]) == (
            "thread.moved",
            {"thread_id": public_thread.pk},
        )
        message = await receive(socket)
    assert message == {"type": "unsubscribed", "stream": stream, "reason": "forbidden"}
    await sync_to_async(post_reply)(
        author=group_member, thread=public_thread, body="Council eyes only"
    )
    assert await socket.receive_nothing(timeout=0.5)
    assert await readers_of(public_thread.pk) == 0
    await socket.disconnect()


async def test_a_thread_moved_where_the_reader_can_follow_keeps_them_subscribed(
    quiet_presence, moderator, member, other_member, boards, public_thread
):
    stream = f"thread:{public_thread.pk}"
    socket = await open_socket(member)
    assert (await subscribe(socket, stream))["type"] == "subscribed"

    await sync_to_async(move_thread)(
        actor=moderator, thread=public_thread, board_id=boards["members"].pk, reason="Practice"
    )

    moved = await receive(socket)
    # Readers learn that it moved, never where to: some may not read the new board.
    assert (moved["kind"], moved["payload"]) == ("thread.moved", {"thread_id": public_thread.pk})
    await sync_to_async(post_reply)(author=other_member, thread=public_thread, body="Still here")
    created = await receive(socket)
    assert (created["kind"], created["stream"]) == ("post.created", stream)
    assert created["payload"]["html"] == "<p>Still here</p>\n"

    # The socket now follows the access of the thread's new board, not the old one.
    old, new = boards["public"], boards["members"]
    old.visibility = Board.Visibility.GROUPS
    await sync_to_async(old.save)()
    assert await socket.receive_nothing(timeout=0.3)
    new.visibility = Board.Visibility.GROUPS
    await sync_to_async(new.save)()
    assert await receive(socket) == {
        "type": "unsubscribed",
        "stream": stream,
        "reason": "forbidden",
    }
    await socket.disconnect()


async def test_a_suspension_reaches_the_members_own_stream(
    quiet_presence, moderator, member, other_member
):
    socket = await open_socket(member)
    bystander = await open_socket(other_member)
    assert (await subscribe(socket, "user"))["stream"] == f"user:{member.pk}"
    assert (await subscribe(bystander, "user"))["stream"] == f"user:{other_member.pk}"
    until = timezone.now() + timedelta(days=7)

    await sync_to_async(suspend_member)(
        actor=moderator, member=member, until=until, reason="Repeated spam"
    )

    notified, suspended = await receive(socket), await receive(socket)
    assert notified["kind"] == "notification.created"
    assert notified["payload"]["action"] == "suspend"
    assert (suspended["kind"], suspended["stream"]) == ("account.suspended", f"user:{member.pk}")
    assert suspended["payload"] == {"until": until.isoformat()}
    assert await bystander.receive_nothing(timeout=0.3)
    await socket.disconnect()
    await bystander.disconnect()


async def test_a_lifted_suspension_reaches_the_members_own_stream(
    quiet_presence, moderator, member
):
    until = timezone.now() + timedelta(days=7)
    await sync_to_async(suspend_member)(
        actor=moderator, member=member, until=until, reason="Repeated spam"
    )
    socket = await open_socket(member)
    assert (await subscribe(socket, "user"))["stream"] == f"user:{member.pk}"

    await sync_to_async(lift_suspension)(actor=moderator, member=member, reason="Served")

    notified, restored = await receive(socket), await receive(socket)
    assert (notified["kind"], notified["payload"]["action"]) == (kinds.NOTIFICATION_CREATED, "lift")
    assert (restored["kind"], restored["stream"], restored["payload"]) == (
        kinds.ACCOUNT_RESTORED,
        f"user:{member.pk}",
        {},
    )
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()
