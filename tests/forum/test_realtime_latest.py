"""The "latest" stream: what the lists across boards (/latest/, /new/, /unread/) follow live.
Every board the reader may read, under one subscription, re-checked when a board's audience or
the account's access changes."""

import pytest
from asgiref.sync import sync_to_async

from forum.models import Board
from forum.services.posting import post_reply, start_thread
from tests.forum.test_realtime import open_socket, subscribe

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_a_visitor_hears_of_public_boards_only_under_the_latest_name(boards, member):
    socket = await open_socket()
    assert (await subscribe(socket, "latest"))["type"] == "subscribed"

    await sync_to_async(start_thread)(
        author=member, board=boards["members"], title="Members only", body="Not for visitors."
    )
    opening = await sync_to_async(start_thread)(
        author=member, board=boards["public"], title="For everyone", body="An opening post."
    )

    event = await socket.receive_json_from(timeout=5)
    assert (event["stream"], event["kind"]) == ("latest", "thread.created")
    assert event["payload"]["thread_id"] == opening.thread_id
    assert await socket.receive_nothing(timeout=0.5)
    await socket.disconnect()


async def test_a_member_hears_of_members_boards_and_of_replies(
    client, boards, member, other_member
):
    opening = await sync_to_async(start_thread)(
        author=member, board=boards["members"], title="Case practice", body="An opening post."
    )
    socket = await open_socket(client, other_member)
    await subscribe(socket, "latest")

    await sync_to_async(post_reply)(
        author=member, thread=opening.thread, body="A reply in a members board"
    )

    event = await socket.receive_json_from(timeout=5)
    assert (event["stream"], event["kind"]) == ("latest", "thread.updated")
    assert event["payload"]["board_id"] == boards["members"].pk
    await socket.disconnect()


async def test_a_board_made_private_leaves_a_visitors_latest_and_the_rest_stays(boards, member):
    board = boards["public"]
    kept = await sync_to_async(Board.objects.create)(area=board.area, slug="kept", name="Kept")
    socket = await open_socket()
    await subscribe(socket, "latest")
    board.visibility = Board.Visibility.MEMBERS
    await sync_to_async(board.save)()
    # Told through the board's access group, the subscription now covers what the visitor may
    # read: the board's events stop, the other boards' go on.
    await sync_to_async(start_thread)(
        author=member, board=board, title="Now private", body="Visitors must not hear of it."
    )
    assert await socket.receive_nothing(timeout=1)
    opening = await sync_to_async(start_thread)(
        author=member, board=kept, title="Still public", body="Visitors still hear of it."
    )
    event = await socket.receive_json_from(timeout=5)
    assert (event["stream"], event["payload"]["thread_id"]) == ("latest", opening.thread_id)
    await socket.disconnect()


async def test_latest_is_one_subscription_whatever_the_number_of_boards(boards, member):
    # Sixty boards: beyond the twenty streams a socket may follow, one "latest" covers them.
    area = boards["public"].area
    many = await sync_to_async(
        lambda: [Board.objects.create(area=area, slug=f"b{n}", name=f"B{n}") for n in range(60)]
    )()
    socket = await open_socket()
    await subscribe(socket, "latest")
    opening = await sync_to_async(start_thread)(
        author=member, board=many[-1], title="In the sixtieth", body="An opening post."
    )
    event = await socket.receive_json_from(timeout=5)
    assert event["payload"]["thread_id"] == opening.thread_id
    await socket.disconnect()
