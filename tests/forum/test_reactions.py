"""Reactions on posts (issue 23): a small fixed set with counts and who gave them, no reaction
to one's own post, a limit on floods, live counts, and the thread page's queries unchanged."""

from __future__ import annotations

import html
import json
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum import limits
from forum.models import Post, Reaction
from forum.realtime import kinds
from forum.services.moderation import hide_post, lock_thread
from forum.services.posting import post_reply
from forum.services.reactions import toggle_reaction
from tests.factories import thread_with_posts, verified_member
from tests.forum.test_realtime_moderation import open_socket, receive, subscribe


@pytest.fixture
def thread(boards, other_member):
    return thread_with_posts(board=boards["public"], author=other_member, title="Diversion rules")


@pytest.fixture
def post(thread):
    return Post.objects.get(thread=thread, position=1)


def react(client, post, kind, **headers):
    return client.post(f"/en/posts/{post.pk}/reactions/", {"kind": kind}, **headers)


JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.mark.django_db
def test_a_member_reacts_and_every_reader_sees_the_count(client, member, post):
    client.force_login(member)
    page = client.get(f"/en/t/{post.thread_id}/").text
    assert f'data-kind="helpful" data-toggle href="/en/posts/{post.pk}/reactions/"' in page

    response = react(client, post, "helpful", **JSON)

    assert response.status_code == 200
    assert response.json() == {"given": True, "reactions": {"helpful": 1}, "mine": ["helpful"]}
    assert "no-store" in response["Cache-Control"]
    # The count shows to a visitor (no toggle for them), and the reader's own button is pressed.
    visitor_page = client.__class__().get(f"/en/t/{post.thread_id}/").text
    assert 'data-kind="helpful" href=' in visitor_page
    assert '<span class="count">1</span>' in visitor_page
    assert 'data-kind="thanks" hidden href=' in visitor_page  # nobody gave it, nobody may here
    own = client.get(f"/en/t/{post.thread_id}/").text
    given = own.split('data-given="')[1].split('"')[0]
    assert json.loads(html.unescape(given)) == {str(post.pk): ["helpful"]}


@pytest.mark.django_db
def test_reacting_again_takes_the_reaction_back(client, member, post):
    client.force_login(member)
    react(client, post, "thanks", **JSON)

    answer = react(client, post, "thanks", **JSON).json()

    assert answer == {"given": False, "reactions": {}, "mine": []}
    assert not Reaction.objects.exists()
    assert Post.objects.get(pk=post.pk).reaction_counts == {}


@pytest.mark.django_db
def test_without_script_the_reactions_page_toggles_and_names_who_reacted(
    client, member, moderator, post
):
    client.force_login(member)
    response = react(client, post, "agree", follow=True)
    assert "You reacted “Agree”." in response.text
    client.force_login(moderator)
    react(client, post, "agree")

    page = client.get(f"/en/posts/{post.pk}/reactions/").text

    assert "<li>Member</li><li>Moderator</li>" in page  # in the order they reacted
    assert "Take back “Agree”" in page  # the moderator's own is pressed
    # A visitor reads who reacted; they are offered no button.
    visitor = client.__class__().get(f"/en/posts/{post.pk}/reactions/")
    assert visitor.status_code == 200
    assert "React “Helpful”" not in visitor.text


@pytest.mark.django_db
def test_no_one_reacts_to_their_own_post(client, other_member, post):
    client.force_login(other_member)

    response = react(client, post, "helpful")

    assert response.status_code == 403
    assert "You cannot react to your own post." in response.text
    assert not Reaction.objects.exists()
    page = client.get(f"/en/t/{post.thread_id}/").text
    assert "data-toggle" not in page.split('id="post-1"')[1].split("</article>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["", "love", "helpful ", "<b>", "x" * 500])
def test_an_unknown_kind_is_refused_with_a_reason(client, member, post, kind):
    client.force_login(member)

    response = react(client, post, kind, **JSON)

    assert response.status_code == 400
    assert response.json()["error"]
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_who_may_not_react_is_told_why(client, pending, post):
    visitor = client.__class__()
    assert react(visitor, post, "helpful").status_code == 302  # to sign in
    client.force_login(pending)
    refused = react(client, post, "helpful")
    assert refused.status_code == 403
    assert "verified" in refused.text
    suspended = verified_member("suspended")
    suspended.profile.suspended_until = timezone.now() + timedelta(days=1)
    suspended.profile.save()
    client.force_login(suspended)
    assert react(client, post, "helpful", **JSON).status_code == 403
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_a_hidden_post_takes_no_reaction_and_its_reactions_page_is_not_found(
    client, member, moderator, thread
):
    writer = verified_member("writer")
    answer = post_reply(author=writer, thread=thread, body="A reply that names a victim.")
    toggle_reaction(user=member, post=answer, kind="helpful")
    hide_post(actor=moderator, post=answer, reason="Names a victim.")
    client.force_login(member)

    assert react(client, answer, "thanks").status_code == 404
    assert client.get(f"/en/posts/{answer.pk}/reactions/").status_code == 404
    # The moderator still reads who reacted; no one may change it while it is hidden.
    client.force_login(moderator)
    assert "<li>Member</li>" in client.get(f"/en/posts/{answer.pk}/reactions/").text
    refused = react(client, answer, "thanks")
    assert refused.status_code == 403
    assert "Only published posts take reactions." in refused.text


@pytest.mark.django_db
def test_members_react_in_a_locked_thread(client, member, moderator, post):
    lock_thread(actor=moderator, thread=post.thread, reason="Settled")
    client.force_login(member)

    assert react(client, post, "thanks", **JSON).status_code == 200


@pytest.mark.django_db
def test_a_flood_of_reactions_is_stopped_with_retry_after(
    client, member, post, settings, monkeypatch
):
    settings.RATELIMIT_ENABLE = True
    # The limit counts in fixed windows: a slow machine's 60 reactions could straddle two and
    # get the 61st through (CI saw it). The limiter's clock stands still for the flood.
    import django_ratelimit.core

    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
    client.force_login(member)
    for _ in range(limits.REACTIONS_PER_WINDOW):
        assert react(client, post, "helpful", **JSON).status_code == 200

    refused = react(client, post, "helpful", **JSON)

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "Wait a minute" in refused.json()["error"]
    page = react(client, post, "helpful")
    assert page.status_code == 429
    assert "Wait a minute" in page.text


@pytest.mark.django_db
def test_a_reaction_draws_the_thread_page_again_for_every_reader(client, member, post):
    # The shared part of members' pages (forum/fragments.py) is keyed on the thread's stamp.
    reader = verified_member("reader")
    client.force_login(reader)
    before = client.get(f"/en/t/{post.thread_id}/").text
    assert '<span class="count">1</span>' not in before

    toggle_reaction(user=member, post=post, kind="agree")

    assert '<span class="count">1</span>' in client.get(f"/en/t/{post.thread_id}/").text


@pytest.mark.django_db
def test_the_thread_page_asks_one_query_more_only_when_a_post_has_reactions(
    client, member, boards, other_member
):
    thread = thread_with_posts(
        board=boards["public"], author=other_member, replies=19, repliers=[other_member]
    )
    client.force_login(member)
    url = f"/en/t/{thread.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    for post in thread.posts.all()[:10]:
        toggle_reaction(user=member, post=post, kind="helpful")
    client.get(url)
    with CaptureQueriesContext(connection) as reacted:
        page = client.get(url).text
    assert len(reacted) == len(plain) + 1  # the reader's own reactions, for all posts at once
    assert page.count('aria-pressed="true"') == 0  # pressed by script, from data-given
    assert page.count('<span class="count">1</span>') == 10


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_reaction_reaches_the_threads_open_pages(member, post):
    socket = await open_socket()
    await subscribe(socket, f"thread:{post.thread_id}")

    await sync_to_async(toggle_reaction)(user=member, post=post, kind="helpful")

    event = await receive(socket)
    assert event["kind"] == kinds.POST_REACTED
    assert event["payload"] == {
        "post_id": post.pk,
        "position": 1,
        "reactions": {"helpful": 1},
    }
    await socket.disconnect()
