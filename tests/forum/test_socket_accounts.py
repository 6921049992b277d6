"""An open socket follows its account: signing out or changing the password closes it, losing a
group or a role ends the subscriptions that needed it (forum/realtime/accounts.py)."""

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from config.asgi import application
from forum.models import Moderator, Profile
from forum.services.posting import post_reply
from tests.factories import thread_with_posts
from tests.forum.test_access_surfaces import everything_sent

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]
ORIGIN = (b"origin", b"http://localhost")
TIMEOUT = 5


async def socket_of(client: Client) -> WebsocketCommunicator:
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    headers = [ORIGIN, (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode())]
    socket = WebsocketCommunicator(application, "/ws/", headers=headers)
    connected, _ = await socket.connect(timeout=TIMEOUT)
    assert connected
    assert await socket.receive_json_from(timeout=TIMEOUT) == {
        "type": "hello",
        "authenticated": True,
    }
    return socket


async def signed_in(user) -> Client:
    client = Client()
    await sync_to_async(client.force_login)(user)
    return client


async def closed(socket) -> bool:
    output = await socket.receive_output(timeout=TIMEOUT)
    return output["type"] == "websocket.close"


async def test_signing_out_closes_the_sockets_of_that_session_only(member):
    leaving, staying = await signed_in(member), await signed_in(member)
    leaving_socket, staying_socket = await socket_of(leaving), await socket_of(staying)

    response = await sync_to_async(leaving.post)("/en/accounts/logout/")

    assert response.status_code == 302
    assert await closed(leaving_socket)
    await staying_socket.send_json_to({"type": "ping", "id": 1})
    assert await staying_socket.receive_json_from(timeout=TIMEOUT) == {"type": "pong", "id": 1}
    await staying_socket.disconnect()


async def test_a_password_change_closes_every_socket_of_the_account(member):
    client, elsewhere = await signed_in(member), await signed_in(member)
    here, there = await socket_of(client), await socket_of(elsewhere)

    response = await sync_to_async(client.post)(
        "/en/accounts/password_change/",
        {
            "old_password": "correct horse battery",
            "new_password1": "a new and long passphrase 42",
            "new_password2": "a new and long passphrase 42",
        },
    )

    assert response.status_code == 302
    assert await closed(here)
    assert await closed(there)


async def test_leaving_a_group_ends_the_subscriptions_it_opened(group_member, moderator, boards):
    board = boards["groups"]
    thread = await sync_to_async(thread_with_posts)(board=board, author=group_member)
    socket = await socket_of(await signed_in(group_member))
    for stream in (f"thread:{thread.pk}", f"board:{board.pk}"):
        await socket.send_json_to({"type": "subscribe", "stream": stream})
        assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "subscribed"

    await sync_to_async(group_member.groups.clear)()

    ended = [
        (frame["type"], frame["stream"], frame["reason"])
        for frame in [await socket.receive_json_from(timeout=TIMEOUT) for _ in range(2)]
    ]
    assert sorted(ended) == sorted(
        [
            ("unsubscribed", f"thread:{thread.pk}", "forbidden"),
            ("unsubscribed", f"board:{board.pk}", "forbidden"),
        ]
    )
    # Nor can it follow them again, nor receive what is posted there.
    await socket.send_json_to({"type": "subscribe", "stream": f"board:{board.pk}"})
    assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "error"
    await sync_to_async(post_reply)(author=moderator, thread=thread, body="zqsecretcouncil")
    assert not any("zqsecretcouncil" in frame for frame in await everything_sent(socket))
    await socket.disconnect()


async def test_a_group_emptied_from_its_own_side_ends_its_members_subscriptions(
    group_member, boards, council
):
    board = boards["groups"]
    socket = await socket_of(await signed_in(group_member))
    await socket.send_json_to({"type": "subscribe", "stream": f"board:{board.pk}"})
    assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "subscribed"

    await sync_to_async(council.user_set.remove)(group_member)

    frame = await socket.receive_json_from(timeout=TIMEOUT)
    assert (frame["type"], frame["reason"]) == ("unsubscribed", "forbidden")
    await socket.disconnect()


async def test_a_withdrawn_verification_ends_members_only_subscriptions(member, boards):
    board = boards["members"]
    socket = await socket_of(await signed_in(member))
    await socket.send_json_to({"type": "subscribe", "stream": f"board:{board.pk}"})
    assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "subscribed"

    def withdraw() -> None:
        profile = Profile.objects.get(user=member)
        profile.verification = Profile.Verification.PENDING
        profile.save()

    await sync_to_async(withdraw)()

    frame = await socket.receive_json_from(timeout=TIMEOUT)
    assert (frame["type"], frame["stream"]) == ("unsubscribed", f"board:{board.pk}")
    await socket.disconnect()


async def test_an_area_moderator_removed_stops_following_the_areas_queue(member, area):
    moderator_row = await sync_to_async(Moderator.objects.create)(user=member)
    await sync_to_async(moderator_row.areas.add)(area)
    socket = await socket_of(await signed_in(member))
    await socket.send_json_to({"type": "subscribe", "stream": "moderation"})
    assert (await socket.receive_json_from(timeout=TIMEOUT))["type"] == "subscribed"

    await sync_to_async(moderator_row.delete)()

    frame = await socket.receive_json_from(timeout=TIMEOUT)
    assert (frame["type"], frame["stream"], frame["reason"]) == (
        "unsubscribed",
        "moderation",
        "forbidden",
    )
    await socket.disconnect()
