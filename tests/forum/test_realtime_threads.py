"""What happens to a thread, over /ws/: started, unlocked, pinned, merged and split threads reach
the sockets of its board and its readers (one test per event kind: tests/forum/test_event_kinds.py
checks that every kind has one)."""

import pytest
from asgiref.sync import sync_to_async

from forum import limits
from forum.realtime import kinds
from forum.services.moderation import lock_thread, merge_threads, pin_thread, split_thread
from forum.services.posting import start_thread
from tests.factories import thread_with_posts
from tests.forum.test_realtime_moderation import open_socket, receive, subscribe

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quiet_presence(monkeypatch):
    """No reader count arrives during the test: the sockets receive only the events checked."""
    monkeypatch.setattr(limits, "PRESENCE_DEBOUNCE_SECONDS", 3600)


@pytest.fixture
def public_thread(boards, member, other_member):
    """A public thread by ``member`` with two replies by ``other_member``."""
    return thread_with_posts(
        board=boards["public"], author=member, replies=2, repliers=[other_member]
    )


async def test_a_new_thread_reaches_its_boards_readers(boards, member):
    board = boards["public"]
    socket = await open_socket()
    assert (await subscribe(socket, f"board:{board.pk}"))["type"] == "subscribed"

    first = await sync_to_async(start_thread)(
        author=member, board=board, title="Court fees in 2025", body="Who has the new table?"
    )

    created = await receive(socket)
    assert (created["kind"], created["stream"]) == (kinds.THREAD_CREATED, f"board:{board.pk}")
    assert created["payload"]["thread_id"] == first.thread_id
    assert created["payload"]["title"] == "Court fees in 2025"
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_unlocking_a_thread_reaches_its_readers_and_its_board(moderator, public_thread):
    thread_socket, board_socket = await open_socket(), await open_socket()
    await subscribe(thread_socket, f"thread:{public_thread.pk}")
    await subscribe(board_socket, f"board:{public_thread.board_id}")
    await sync_to_async(lock_thread)(actor=moderator, thread=public_thread, reason="Cooling off")
    assert (await receive(thread_socket))["kind"] == kinds.THREAD_LOCKED
    assert (await receive(board_socket))["kind"] == kinds.THREAD_LOCKED

    await sync_to_async(lock_thread)(
        actor=moderator, thread=public_thread, reason="Calm again", locked=False
    )

    on_thread, on_board = await receive(thread_socket), await receive(board_socket)
    assert (on_thread["kind"], on_thread["stream"]) == (
        kinds.THREAD_UNLOCKED,
        f"thread:{public_thread.pk}",
    )
    assert (on_board["kind"], on_board["stream"]) == (
        kinds.THREAD_UNLOCKED,
        f"board:{public_thread.board_id}",
    )
    assert on_board["payload"]["is_locked"] is False
    await thread_socket.disconnect()
    await board_socket.disconnect()


async def test_pinning_and_unpinning_a_thread_reach_its_board(moderator, public_thread):
    socket = await open_socket()
    await subscribe(socket, f"board:{public_thread.board_id}")

    await sync_to_async(pin_thread)(actor=moderator, thread=public_thread, reason="Read first")
    pinned = await receive(socket)
    await sync_to_async(pin_thread)(
        actor=moderator, thread=public_thread, reason="Outdated", pinned=False
    )
    unpinned = await receive(socket)

    assert (pinned["kind"], pinned["payload"]["is_pinned"]) == (kinds.THREAD_PINNED, True)
    assert (unpinned["kind"], unpinned["payload"]["is_pinned"]) == (kinds.THREAD_UNPINNED, False)
    assert pinned["payload"]["thread_id"] == unpinned["payload"]["thread_id"] == public_thread.pk
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_a_merged_threads_readers_learn_where_its_posts_went(
    moderator, member, boards, public_thread
):
    target = await sync_to_async(thread_with_posts)(
        board=boards["public"], author=member, title="The same question, asked before"
    )
    socket = await open_socket()
    await subscribe(socket, f"thread:{public_thread.pk}")

    await sync_to_async(merge_threads)(
        actor=moderator, source=public_thread, target_id=target.pk, reason="Same question"
    )

    merged = await receive(socket)
    assert (merged["kind"], merged["stream"]) == (
        kinds.THREAD_MERGED,
        f"thread:{public_thread.pk}",
    )
    assert merged["payload"]["merged_into"] == target.pk  # live.js follows it there
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_posts_split_off_leave_their_threads_readers_and_a_new_thread_reaches_the_board(
    moderator, public_thread
):
    replies = await sync_to_async(list)(public_thread.posts.filter(position__gt=1))
    thread_socket, board_socket = await open_socket(), await open_socket()
    await subscribe(thread_socket, f"thread:{public_thread.pk}")
    await subscribe(board_socket, f"board:{public_thread.board_id}")

    new = await sync_to_async(split_thread)(
        actor=moderator,
        thread=public_thread,
        post_ids=[replies[-1].pk],
        title="A question of its own",
        reason="Off topic",
    )

    split = await receive(thread_socket)
    assert (split["kind"], split["stream"]) == (kinds.THREAD_SPLIT, f"thread:{public_thread.pk}")
    assert split["payload"] == {"posts": [replies[-1].pk], "to_thread": new.pk}
    on_board = [await receive(board_socket) for _ in range(2)]
    assert [(e["kind"], e["payload"]["thread_id"]) for e in on_board] == [
        (kinds.THREAD_CREATED, new.pk),
        (kinds.THREAD_UPDATED, public_thread.pk),
    ]
    assert await thread_socket.receive_nothing(timeout=0.3)
    await thread_socket.disconnect()
    await board_socket.disconnect()
