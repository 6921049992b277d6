import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings

from config.asgi import application

ORIGIN = (b"origin", b"http://localhost")


async def connect(*headers):
    communicator = WebsocketCommunicator(application, "/ws/", headers=[ORIGIN, *headers])
    connected, _ = await communicator.connect(timeout=5)
    return communicator, connected


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_visitor_connects_and_gets_pong_for_ping():
    communicator, connected = await connect()
    assert connected
    assert await communicator.receive_json_from(timeout=5) == {
        "type": "hello",
        "authenticated": False,
    }

    await communicator.send_json_to({"type": "ping", "id": 7})

    assert await communicator.receive_json_from(timeout=5) == {"type": "pong", "id": 7}
    await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_the_socket_knows_the_signed_in_member(member, client):
    await sync_to_async(client.force_login)(member)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    communicator, connected = await connect((b"cookie", cookie.encode()))

    assert connected
    assert await communicator.receive_json_from(timeout=5) == {
        "type": "hello",
        "authenticated": True,
    }
    await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_page_from_another_site_cannot_open_the_socket():
    communicator = WebsocketCommunicator(
        application, "/ws/", headers=[(b"origin", b"https://evil.example")]
    )

    connected, _ = await communicator.connect(timeout=5)

    assert not connected


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("frame", "error"),
    [
        ("{not json", "message is not valid JSON"),
        ("[1, 2]", 'message must be a JSON object with a "type"'),
        ('{"type": 3}', 'message must be a JSON object with a "type"'),
        ('{"type": "launch"}', "unknown message type 'launch'"),
        ('{"type": "ping", "pad": "' + "x" * 5000 + '"}', "message larger than 4096 bytes"),
    ],
)
async def test_bad_messages_get_an_error_and_the_socket_stays_usable(frame, error):
    communicator, _ = await connect()
    await communicator.receive_json_from(timeout=5)

    await communicator.send_to(text_data=frame)
    assert await communicator.receive_json_from(timeout=5) == {"type": "error", "message": error}

    await communicator.send_json_to({"type": "ping"})
    assert (await communicator.receive_json_from(timeout=5))["type"] == "pong"
    await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_binary_frames_are_refused():
    communicator, _ = await connect()
    await communicator.receive_json_from(timeout=5)

    await communicator.send_to(bytes_data=b"\x00\x01")

    assert await communicator.receive_json_from(timeout=5) == {
        "type": "error",
        "message": "binary frames are not accepted",
    }
    await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_an_unknown_socket_path_is_refused():
    communicator = WebsocketCommunicator(application, "/ws/other/", headers=[ORIGIN])

    with pytest.raises(ValueError, match="No route found"):
        await communicator.connect(timeout=5)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_deeply_nested_json_gets_an_error_and_the_socket_stays_open():
    communicator, _ = await connect()
    await communicator.receive_json_from(timeout=5)
    frame = "[" * 2000 + "]" * 2000  # 4,000 bytes: under the size limit, over the parser's depth

    await communicator.send_to(text_data=frame)

    assert await communicator.receive_json_from(timeout=5) == {
        "type": "error",
        "message": "message nests too deeply",
    }
    await communicator.send_json_to({"type": "ping", "id": 2})
    assert await communicator.receive_json_from(timeout=5) == {"type": "pong", "id": 2}
    await communicator.disconnect()
