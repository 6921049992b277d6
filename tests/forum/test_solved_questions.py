"""Solved questions (issue 23): a thread marked a question, a reply accepted as its answer by
the question's author or a moderator, shown under the question and in the lists, and the
"unsolved" filter of boards and Latest."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum.models import ModerationAction, Notification, Post, Thread
from forum.realtime import kinds
from forum.services.answers import accept_answer
from forum.services.moderation import ModerationError, hide_post
from forum.services.posting import delete_post, post_reply, start_thread
from tests.factories import verified_member
from tests.forum.test_realtime_moderation import open_socket, receive, subscribe


@pytest.fixture
def question(boards, member):
    return start_thread(
        author=member,
        board=boards["public"],
        title="Is a child's recorded interview admissible?",
        body="In our jurisdiction the defence objects every time.",
        is_question=True,
    ).thread


@pytest.fixture
def answer(question, other_member):
    return post_reply(
        author=other_member, thread=question, body="Yes, under the 2019 rules, with the recording."
    )


def accept_url(post) -> str:
    return f"/en/posts/{post.pk}/accept/"


@pytest.mark.django_db
def test_a_member_asks_a_question_and_accepts_an_answer(client, boards, member, other_member):
    client.force_login(member)
    board = boards["public"]
    client.post(
        f"/en/b/{board.area.slug}/{board.slug}/new/",
        {
            "title": "Which court hears juvenile appeals?",
            "body": "After the reform, who hears them?",
            "language": "en",
            "is_question": "on",
        },
    )
    thread = Thread.objects.get(title="Which court hears juvenile appeals?")
    assert thread.is_question
    reply = post_reply(author=other_member, thread=thread, body="The family chamber does now.")
    page = client.get(f"/en/t/{thread.pk}/").text
    assert accept_url(reply) in page
    assert f"/en/posts/{thread.posts.get(position=1).pk}/accept/" not in page  # not the question

    response = client.post(accept_url(reply), follow=True)

    assert "The reply is accepted as the answer." in response.text
    thread.refresh_from_db()
    assert thread.accepted_answer == reply
    page = client.get(f"/en/t/{thread.pk}/").text
    solution = page.split('<aside class="solution"')[1].split("</aside>")[0]
    assert "The family chamber does now." in solution
    assert f'href="/en/posts/{reply.pk}/"' in solution
    assert "Accepted answer" in page
    assert "Take back the accepted answer" in page
    listed = Client().get(f"/en/b/{board.area.slug}/{board.slug}/").text
    assert '<span class="badge solved">Solved</span>' in listed
    told = Notification.objects.get(recipient=other_member, kind=Notification.Kind.ACCEPTED)
    assert told.post == reply
    assert "was accepted as the answer" in _notifications(other_member)
    # The question's author acted in their own thread: no audit row.
    assert not ModerationAction.objects.filter(kind=ModerationAction.Kind.ACCEPT).exists()


def _notifications(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get("/en/notifications/").text


@pytest.mark.django_db
def test_a_moderator_accepts_in_someone_elses_question_on_the_record(
    client, moderator, question, answer
):
    client.force_login(moderator)

    assert client.post(accept_url(answer)).status_code == 302

    row = ModerationAction.objects.get(kind=ModerationAction.Kind.ACCEPT)
    assert (row.actor, row.post, row.thread) == (moderator, answer, question)


@pytest.mark.django_db
def test_no_one_else_accepts_and_each_is_told_why(client, boards, question, answer, member):
    someone = verified_member("someone")
    client.force_login(someone)
    refused = client.post(accept_url(answer))
    assert refused.status_code == 403
    assert "Only the question&#x27;s author or a moderator may accept an answer." in refused.text

    client.force_login(member)
    first = question.posts.get(position=1)
    refused = client.post(accept_url(first))
    assert refused.status_code == 403
    assert "The question itself cannot be its answer." in refused.text

    plain = start_thread(author=member, board=boards["public"], title="Not a question", body="x y")
    reply = post_reply(author=someone, thread=plain.thread, body="A reply here.")
    refused = client.post(accept_url(reply))
    assert refused.status_code == 403
    assert "This thread is not a question." in refused.text
    assert not Thread.objects.filter(accepted_answer__isnull=False).exists()
    assert Client().post(accept_url(answer)).status_code == 302  # a visitor: to sign in


@pytest.mark.django_db
def test_accepting_twice_is_told_and_taking_back_leaves_it_unsolved(
    client, member, question, answer
):
    client.force_login(member)
    client.post(accept_url(answer))

    with pytest.raises(ModerationError, match="accepted answer already"):
        accept_answer(actor=member, post=answer)
    taken_back = client.post(accept_url(answer), {"undo": "1"}, follow=True)

    assert "The answer is no longer accepted." in taken_back.text
    question.refresh_from_db()
    assert question.accepted_answer is None
    assert '<aside class="solution"' not in client.get(f"/en/t/{question.pk}/").text


@pytest.mark.django_db
@pytest.mark.parametrize("gone", ["hidden", "deleted"])
def test_an_answer_hidden_or_deleted_stops_being_the_answer(
    client, moderator, member, question, answer, gone
):
    accept_answer(actor=member, post=answer)
    if gone == "hidden":
        hide_post(actor=moderator, post=answer, reason="Names a victim.")
    else:
        delete_post(actor=answer.author, post=answer)

    question.refresh_from_db()
    assert question.accepted_answer is None
    client.force_login(verified_member("reader"))
    page = client.get(f"/en/t/{question.pk}/").text
    assert "2019 rules" not in page
    assert '<aside class="solution"' not in page


@pytest.mark.django_db
def test_the_unsolved_filter_of_a_board_and_of_latest(client, boards, member, question, answer):
    board = boards["public"]
    solved = start_thread(
        author=member, board=board, title="Solved one here", body="Asking.", is_question=True
    )
    reply = post_reply(author=answer.author, thread=solved.thread, body="Answered.")
    accept_answer(actor=member, post=reply)
    start_thread(author=member, board=board, title="Just a discussion", body="Talking.")
    client.force_login(member)

    for url in (f"/en/b/{board.area.slug}/{board.slug}/", "/en/latest/"):
        everything = client.get(url).text
        unsolved = client.get(f"{url}?status=unsolved").text
        assert "Solved one here" in everything
        assert "Just a discussion" in everything
        assert "admissible" in unsolved
        assert "Solved one here" not in unsolved
        assert "Just a discussion" not in unsolved
    # An unknown value: the board shows everything; Latest's form says what is wrong.
    assert "Just a discussion" in client.get(f"/en/b/{board.area.slug}/{board.slug}/?status=x").text
    wrong = client.get("/en/latest/?status=%3Cx%3E")
    assert wrong.status_code == 400
    assert "Just a discussion" in wrong.text


@pytest.mark.django_db
def test_the_title_form_marks_a_question_and_unmarking_drops_the_answer(
    client, member, question, answer
):
    accept_answer(actor=member, post=answer)
    client.force_login(member)

    response = client.post(
        f"/en/t/{question.pk}/title/", {"title": question.title}, follow=True
    )  # the box unticked

    assert "Your changes were saved." in response.text
    question.refresh_from_db()
    assert (question.is_question, question.accepted_answer) == (False, None)
    client.post(f"/en/t/{question.pk}/title/", {"title": question.title, "is_question": "on"})
    question.refresh_from_db()
    assert question.is_question


@pytest.mark.django_db
def test_a_question_page_with_an_answer_costs_the_same_queries_as_any(
    client, member, question, answer, boards
):
    accept_answer(actor=member, post=answer)
    plain = start_thread(author=member, board=boards["public"], title="Plain thread", body="a b")
    post_reply(author=answer.author, thread=plain.thread, body="A reply here.")
    reader = verified_member("reader")
    client.force_login(reader)
    counts = []
    for thread in (plain.thread, question):
        client.get(f"/en/t/{thread.pk}/")  # the shared part drawn once
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/en/t/{thread.pk}/")
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_an_accepted_answer_reaches_the_question_and_its_board(member, question, answer):
    thread_socket, board_socket = await open_socket(), await open_socket()
    await subscribe(thread_socket, f"thread:{question.pk}")
    await subscribe(board_socket, f"board:{question.board_id}")

    await sync_to_async(accept_answer)(actor=member, post=answer)

    assert (await receive(thread_socket))["kind"] == kinds.THREAD_SOLVED
    solved = await receive(board_socket)
    assert solved["kind"] == kinds.THREAD_SOLVED
    assert solved["payload"]["thread_id"] == question.pk
    await thread_socket.disconnect()
    await board_socket.disconnect()


@pytest.mark.django_db
def test_a_live_post_in_a_question_offers_its_author_the_accept_link(client, member, question):
    client.force_login(member)
    page = client.get(f"/en/t/{question.pk}/").text
    others = page.split('data-others-actions="')[1].split('"')[0]
    assert "accept" in others.split()
    assert Post.objects.filter(thread=question).count() == 1
