"""A machine translation arrives live on the thread's stream; a replay never carries the
translation of a post hidden or edited since."""

import pytest
from asgiref.sync import sync_to_async

from forum.realtime import kinds
from forum.services.moderation import hide_post
from forum.services.posting import start_thread
from forum.tasks import translate_posts
from tests.forum.test_realtime import open_socket, subscribe

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]
SPANISH = "La fiscalía revisa los criterios de derivación para menores infractores primarios."


@pytest.fixture
def spanish_post(boards, member):
    return start_thread(
        author=member, board=boards["public"], title="Criterios", body=SPANISH, language="es"
    )


async def test_a_translation_reaches_the_threads_readers_with_its_label(spanish_post):
    socket = await open_socket()
    await subscribe(socket, f"thread:{spanish_post.thread_id}")

    await sync_to_async(translate_posts.call)([spanish_post.pk], "pt")

    event = await socket.receive_json_from(timeout=10)
    assert event["kind"] == kinds.POST_TRANSLATED
    payload = event["payload"]
    assert (payload["post_id"], payload["target"], payload["revision"]) == (
        spanish_post.pk,
        "pt",
        0,
    )
    assert "promotoria" in payload["html_translated"].lower()
    assert 'data-slot="mt-label"' in payload["label"]
    await socket.disconnect()


async def test_a_replay_drops_the_translation_of_a_post_hidden_since(spanish_post, moderator):
    earlier = await open_socket()
    seen = (await subscribe(earlier, f"thread:{spanish_post.thread_id}"))["last_id"]
    await earlier.disconnect()
    await sync_to_async(translate_posts.call)([spanish_post.pk], "pt")
    await sync_to_async(hide_post)(actor=moderator, post=spanish_post, reason="A witness named")

    later = await open_socket()
    frames = [await subscribe(later, f"thread:{spanish_post.thread_id}", last_id=seen)]
    while not await later.receive_nothing(timeout=0.5):
        frames.append(await later.receive_json_from(timeout=5))

    translated = next(f for f in frames if f.get("kind") == kinds.POST_TRANSLATED)
    assert "html_translated" not in translated["payload"]
    await later.disconnect()
