"""Fuzzing the socket (issue 9, bad input): whatever a tab sends to /ws/, the consumer answers
with an error (or what was asked), or closes cleanly for a flood; it never raises (the
communicator would re-raise it here), and never sends anything of a stream its user may not
see.

Every message type the consumer takes (forum/realtime/consumers.py, ``receive_json``), and what
is sent instead of one:

| type | fields fuzzed |
|---|---|
| ping | id: any JSON |
| subscribe | stream: real names of every audience, garbage, huge/negative/zero ids, non-strings; last_id: huge, negative, floats, booleans, strings, lists |
| unsubscribe | stream, as above |
| anything else | unknown types ("resume", "presence", "typing", empty, long), a non-string type |
| not a message | JSON that is not an object, text that is not JSON, over 4,096 bytes, binary frames |

A test below fails when ``receive_json`` learns a message type this module does not send.
"""  # noqa: E501

from __future__ import annotations

import inspect
import json
import os
import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forum import limits
from forum.realtime.consumers import CLOSE_RATE_LIMITED, MAX_MESSAGE_BYTES, ForumConsumer
from forum.services.moderation import flag_post, hide_post
from forum.services.posting import post_reply
from tests.factories import thread_with_posts
from tests.forum.test_realtime import open_socket

# FUZZ_SCALE=50 (say) for a long hunt, as in test_fuzz_forms.py.
FUZZ = settings(
    max_examples=round(30 * float(os.environ.get("FUZZ_SCALE", "1"))),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TIMEOUT = 5
TYPES = ["ping", "subscribe", "unsubscribe"]
# Text that only the audience of the council board, or moderators, may ever receive.
SECRET = "council-only-text"
HIDDEN = "hidden-post-text"


@pytest.fixture
def site(boards, member, other_member, moderator):
    """Threads of each audience with events to replay: a council thread, a hidden post."""
    public = thread_with_posts(board=boards["public"], author=other_member, replies=1)
    members = thread_with_posts(board=boards["members"], author=other_member)
    council = thread_with_posts(
        board=boards["groups"], author=moderator, title="Council agenda", body=f"The {SECRET}."
    )
    post_reply(author=moderator, thread=council, body=f"More {SECRET} here.")
    hidden = post_reply(author=other_member, thread=public, body=f"A {HIDDEN} to hide.")
    hide_post(actor=moderator, post=hidden, reason="Off topic")
    flag_post(flagger=member, post=public.posts.get(position=2), reason="spam")
    ids = {
        "public": public.pk,
        "members": members.pk,
        "council": council.pk,
        "public board": boards["public"].pk,
        "members board": boards["members"].pk,
        "council board": boards["groups"].pk,
    }
    return {"ids": ids, "users": {"member": member, "moderator": moderator}}


def forbidden(site, role: str) -> set[str]:
    """Streams this role may not hear of (the user stream is always the socket's own)."""
    ids = site["ids"]
    council = {f"thread:{ids['council']}", f"board:{ids['council board']}"}
    members = {f"thread:{ids['members']}", f"board:{ids['members board']}"}
    others = {f"user:{user.pk}" for name, user in site["users"].items() if name != role}
    if role == "visitor":
        return council | members | others | {"moderation"}
    if role == "member":
        return council | others | {"moderation"}
    return others


# --- What is sent ----------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
ANY_JSON = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=6,
)
NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.sampled_from(["0", "01", "-1", "9" * 18, "9" * 19, "9" * 40, "²", "١٢", "1.5", "1e3"]),
)


def known_streams(site) -> list[str]:
    """Every stream name of the site, whoever may follow it."""
    return [
        *(f"thread:{pk}" for key, pk in site["ids"].items() if "board" not in key),
        *(f"board:{pk}" for key, pk in site["ids"].items() if "board" in key),
        "user",
        "moderation",
    ]


def streams(site) -> st.SearchStrategy:
    made_up = st.builds(
        lambda kind, number: f"{kind}:{number}",
        st.sampled_from(["thread", "board", "user", "moderation", "Thread", " thread", ""]),
        NUMBERS,
    )
    return st.one_of(
        st.sampled_from(known_streams(site)),
        made_up,
        TEXT,
        st.sampled_from(["thread:", "moderation:*", "moderation:0", "x" * 5000, "thread:1\n"]),
        st.sampled_from([f"user:{user.pk}" for user in site["users"].values()]),
        ANY_JSON,
    )


LAST_IDS = st.one_of(
    st.integers(-5, 50),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**63 - 1, 2**63, 2**64, True, False, 1.5, "3", [], {}]),
    ANY_JSON,
)


def messages(site) -> st.SearchStrategy:
    """One frame: most often a (un)subscribe to a real stream of any audience, else a message
    with anything in it, or something that is not a message."""
    follow = st.fixed_dictionaries(
        {
            "type": st.sampled_from(["subscribe", "subscribe", "unsubscribe"]),
            "stream": st.sampled_from(known_streams(site)),
        },
        optional={"last_id": st.one_of(st.integers(0, 50), LAST_IDS)},
    )
    anything = st.fixed_dictionaries(
        {"type": st.one_of(st.sampled_from(TYPES), st.sampled_from(UNKNOWN_TYPES), TEXT)},
        optional={"stream": streams(site), "last_id": LAST_IDS, "id": ANY_JSON, "extra": TEXT},
    )
    return st.one_of(
        follow.map(json.dumps),
        follow.map(json.dumps),
        follow.map(json.dumps),
        anything.map(json.dumps),
        anything.map(json.dumps),
        ANY_JSON.map(json.dumps),  # JSON, not always an object
        st.dictionaries(TEXT, ANY_JSON, max_size=2).map(json.dumps),  # an object, no "type"
        TEXT,  # not JSON at all
        st.sampled_from(["{", '{"type": "ping"', "null", '{"type": null}', '{"type": 7}']),
        st.just(json.dumps({"type": "ping", "pad": "x" * MAX_MESSAGE_BYTES})),
        st.binary(max_size=64),
    )


UNKNOWN_TYPES = ["resume", "replay", "presence", "typing", "", "PING", "forum.event", "x" * 500]


# --- The tests -------------------------------------------------------------------------------


async def connect(site, role: str):
    if role == "visitor":
        return await open_socket()
    return await open_socket(Client(), site["users"][role])


async def exchange(socket, frame, barrier: int) -> list[dict]:
    """Send one frame, then a ping: everything the frame caused arrives before the pong."""
    # send_input, not send_to: an empty frame is a frame too
    await socket.send_input(
        {"type": "websocket.receive", "bytes" if isinstance(frame, bytes) else "text": frame}
    )
    await socket.send_json_to({"type": "ping", "id": f"barrier-{barrier}"})
    received = []
    while True:
        output = await socket.receive_output(timeout=TIMEOUT)
        if output["type"] == "websocket.close":
            received.append({"type": "closed", "code": output.get("code")})
            return received
        message = json.loads(output["text"])
        if message == {"type": "pong", "id": f"barrier-{barrier}"}:
            return received
        received.append(message)
        if message == {"type": "error", "message": "too many messages: slow down"}:
            return received  # the ping was refused too: there is no pong to wait for


def check(site, role: str, received: list[dict]) -> None:
    refused = forbidden(site, role)
    for message in received:
        assert isinstance(message.get("type"), str), message
        if message["type"] == "closed":
            assert message["code"] == CLOSE_RATE_LIMITED, message
            continue
        text = json.dumps(message)
        assert len(text) < 2 * MAX_MESSAGE_BYTES, "an error echoes what it was sent, whole"
        if message["type"] == "error":
            assert isinstance(message["message"], str)
            continue
        # Only the replies to a subscribe name a stream: the stream must be one this role hears.
        stream = message.get("stream")
        assert stream not in refused, f"{role} was sent {message}"
        if role != "moderator":
            assert SECRET not in text, f"{role} was sent {message}"
            assert HIDDEN not in text, f"{role} was sent {message}"


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", ["visitor", "member", "moderator"])
@FUZZ
@given(data=st.data())
async def test_no_frame_crashes_the_socket_or_reaches_a_stream_it_may_not(
    site, role, monkeypatch, data
):
    flood = data.draw(st.booleans(), label="a tight rate limit")
    monkeypatch.setattr(limits, "SOCKET_MESSAGES_PER_WINDOW", 4 if flood else 30)
    frames = data.draw(st.lists(messages(site), min_size=1, max_size=6), label="frames")
    socket = await connect(site, role)
    received = []
    for barrier, frame in enumerate(frames):
        received += await exchange(socket, frame, barrier)
        if received and received[-1]["type"] == "closed":
            break
    else:  # still open: it still answers (or closes, for the flood)
        received += await exchange(socket, '{"type": "ping"}', len(frames))
    await socket.disconnect()  # what the server sends after a close too: the groups are left
    check(site, role, received)


def test_every_message_type_the_consumer_takes_is_fuzzed():
    source = inspect.getsource(ForumConsumer.receive_json)
    taken = set(re.findall(r'kind == "([^"]+)"', source))
    assert taken == set(TYPES)
