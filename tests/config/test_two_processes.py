"""Two real Daphne processes sharing Redis, or on the embedded default the relay table
(forum/realtime/relay.py): an event posted through one reaches a client of the other, and a
client of a restarted process catches up on what it missed."""

import json

import pytest
import requests
from websockets.sync.client import connect

from tests.live import DaphneServer, poster_with_thread, seeded_env


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    env = seeded_env(tmp_path_factory.mktemp("two"))
    return env, poster_with_thread(env, username="poster", title="Live across processes")


def reply(server: DaphneServer, thread: int, session: str, body: str) -> int:
    """Post a reply through the server's HTML form, as a browser would (cookies, CSRF)."""
    browser = requests.Session()
    browser.cookies.set("sessionid", session)
    form = browser.get(f"{server.url}/en/t/{thread}/reply/", timeout=10)
    token = form.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(
        f"{server.url}/en/t/{thread}/reply/",
        data={"csrfmiddlewaretoken": token, "body": body},
        timeout=10,
    )
    return response.status_code


def subscribe(socket, stream, last_id=None):
    message = {"type": "subscribe", "stream": stream}
    if last_id is not None:
        message["last_id"] = last_id
    socket.send(json.dumps(message))


def receive(socket, kind):
    while True:
        message = json.loads(socket.recv(timeout=10))
        if message["type"] == kind:
            return message


def test_an_event_posted_through_one_process_reaches_a_client_of_the_other(site):
    env, data = site
    stream = f"thread:{data['thread']}"
    first, second = DaphneServer(env).start(), DaphneServer(env).start()
    try:
        with connect(f"{second.ws_url}/ws/", origin=second.url, open_timeout=10) as socket:
            receive(socket, "hello")
            subscribe(socket, stream)
            last_id = receive(socket, "subscribed")["last_id"]

            assert reply(first, data["thread"], data["session"], "Through the first process") == 200

            event = receive(socket, "event")
            assert event["kind"] == "post.created"
            assert "Through the first process" in event["payload"]["html"]
            assert event["id"] > last_id
            last_id = event["id"]

        # The second process restarts; meanwhile a reply is posted through the first.
        port = second.port
        second.stop()
        assert reply(first, data["thread"], data["session"], "Posted while it was down") == 200
        second = DaphneServer(env, port=port).start()

        with connect(f"{second.ws_url}/ws/", origin=second.url, open_timeout=10) as socket:
            receive(socket, "hello")
            subscribe(socket, stream, last_id)
            event = receive(socket, "event")
            assert "Posted while it was down" in event["payload"]["html"]
            assert receive(socket, "subscribed")["last_id"] == event["id"]
    finally:
        first.stop()
        second.stop()
