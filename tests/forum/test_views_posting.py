"""Posting through the pages: forms, errors that keep the text, 403/404, double submit."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import limits
from forum.models import Event, Post, PostRevision, Thread
from forum.services.posting import post_reply
from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def new_thread_url(board):
    return f"/en/b/{board.area.slug}/{board.slug}/new/"


def test_a_member_starts_a_thread_and_lands_on_it(signed_in, boards):
    response = signed_in.post(
        new_thread_url(boards["public"]),
        {"title": "Victim notification timelines", "body": "How fast do you notify **victims**?"},
    )

    thread = Thread.objects.get()
    assert response["Location"] == f"/en/t/{thread.pk}/#post-1"
    page = signed_in.get(f"/en/t/{thread.pk}/").text
    assert "<strong>victims</strong>" in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"title": "", "body": "Some text"}, "This field is required."),
        ({"title": "Hi", "body": "Some text"}, "Ensure this value has at least 5 characters"),
        ({"title": "T" * 201, "body": "Some text"}, "at most 200 characters"),
        ({"title": "A fine title", "body": ""}, "This field is required."),
        ({"title": "A fine title", "body": "x" * (limits.BODY_MAX_LENGTH + 1)}, "at most 20000"),
        ({"title": "A fine title", "body": "bad \x00 byte"}, "Null characters are not allowed."),
        ({"title": "A fine title", "body": "bell \x07 here"}, "characters that are not allowed"),
        ({"title": "A fine title", "body": "ok text", "language": "xx"}, "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_form_error_and_keeps_what_was_typed(signed_in, boards, data, error):
    response = signed_in.post(new_thread_url(boards["public"]), data)

    assert response.status_code == 200
    assert error in response.text
    assert not Thread.objects.exists()
    if data["title"] and "\x00" not in data["title"]:
        assert f'value="{data["title"]}"' in response.text
    if data["body"] and "\x00" not in data["body"] and "\x07" not in data["body"]:
        assert data["body"][:50] in response.text


def test_posting_the_same_form_twice_creates_one_reply(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    data = {"body": "Only once, please.", "submission_token": str(uuid.uuid4())}

    first = signed_in.post(f"/en/t/{thread.pk}/reply/", data)
    second = signed_in.post(f"/en/t/{thread.pk}/reply/", data)

    # The page the post is on, naming the form sent so the browser drops its draft.
    sent = data["submission_token"]
    assert first["Location"] == second["Location"] == f"/en/t/{thread.pk}/?sent={sent}#post-2"
    assert thread.posts.count() == 2


def test_a_garbled_submission_token_still_posts(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)

    response = signed_in.post(
        f"/en/t/{thread.pk}/reply/", {"body": "Still fine", "submission_token": "nope"}
    )

    assert response.status_code == 302
    assert thread.posts.count() == 2


def test_replying_to_a_locked_thread_is_forbidden(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)

    response = signed_in.post(f"/en/t/{thread.pk}/reply/", {"body": "Let me in"})

    assert response.status_code == 403
    assert "locked" in response.text
    assert thread.posts.count() == 1


def test_a_board_you_cannot_see_and_a_missing_thread_are_404(client, boards, group_member, member):
    hidden = thread_with_posts(board=boards["groups"], author=group_member)
    client.force_login(member)

    assert client.post(f"/en/t/{hidden.pk}/reply/", {"body": "Hello"}).status_code == 404
    assert client.get(f"/en/t/{hidden.pk}/").status_code == 404
    assert client.get(new_thread_url(boards["groups"])).status_code == 404
    assert client.post("/en/t/999999/reply/", {"body": "Hello"}).status_code == 404
    assert client.get("/en/posts/999999/").status_code == 404
    assert client.get("/en/b/no-such-area/general/").status_code == 404


def test_a_pending_member_can_read_public_boards_but_not_post(client, boards, pending, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    client.force_login(pending)

    assert client.get(f"/en/t/{thread.pk}/").status_code == 200
    response = client.post(f"/en/t/{thread.pk}/reply/", {"body": "Can I?"})
    assert response.status_code == 403
    assert "verified" in response.text
    # Named to them, and closed until verified (it says so).
    assert client.get(f"/en/b/{boards['members'].area.slug}/practice/").status_code == 403


def test_visitors_are_sent_to_sign_in_to_post(client, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)

    response = client.post(f"/en/t/{thread.pk}/reply/", {"body": "Hi"})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_quote_prefills_the_reply_with_a_named_linked_quote(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    first = thread.posts.get()

    page = signed_in.get(f"/en/t/{thread.pk}/reply/?quote={first.pk}").text

    assert f"[wrote](/posts/{first.pk}/)" in page
    assert "&gt; First post text for the thread." in page


def test_quote_of_an_unknown_post_is_ignored(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)

    assert signed_in.get(f"/en/t/{thread.pk}/reply/?quote=abc").status_code == 200
    assert signed_in.get(f"/en/t/{thread.pk}/reply/?quote=999999").status_code == 200


@pytest.mark.parametrize("quote", ["%C2%B2", "%E2%91%A6", "9" * 30])  # "²", "⑦", > 64 bits
def test_quote_of_digits_int_refuses_or_too_big_for_an_id_is_ignored(
    signed_in, boards, member, quote
):
    # Found by tests/forum/test_fuzz_forms.py: "²".isdigit() is true but int("²") fails (a 500),
    # and a number past 64 bits cannot even be bound by SQLite.
    thread = thread_with_posts(board=boards["public"], author=member)

    response = signed_in.get(f"/en/t/{thread.pk}/reply/?quote={quote}")

    assert response.status_code == 200
    assert "[wrote](" not in response.text


def test_editing_shows_edited_and_keeps_the_history(signed_in, boards, member):
    post = thread_with_posts(board=boards["public"], author=member).posts.get()

    response = signed_in.post(
        f"/en/posts/{post.pk}/edit/",
        {"body": "Corrected text", "language": "en", "seen_edit_count": 0},
    )

    assert response.status_code == 302
    page = signed_in.get(f"/en/t/{post.thread_id}/").text
    assert "Corrected text" in page
    assert f'href="/en/posts/{post.pk}/history/">edited' in page
    history = signed_in.get(f"/en/posts/{post.pk}/history/").text
    assert "First post text for the thread." in history
    assert "Corrected text" in history


def test_a_conflicting_edit_keeps_the_editors_text_and_shows_the_other(
    signed_in, boards, member, moderator
):
    from forum.services.posting import edit_post

    post = thread_with_posts(board=boards["public"], author=member).posts.get()
    edit_post(
        editor=moderator, post=post, body="Moderator wording", seen_edit_count=0, reason="Style"
    )

    response = signed_in.post(
        f"/en/posts/{post.pk}/edit/",
        {"body": "My own wording", "language": "en", "seen_edit_count": 0},
    )

    assert response.status_code == 200
    assert "Someone else edited this post" in response.text
    assert "My own wording" in response.text
    assert "Moderator wording" in response.text
    post.refresh_from_db()
    assert post.body_source == "Moderator wording"


def test_members_cannot_edit_or_delete_others_posts(client, boards, member, other_member):
    post = thread_with_posts(board=boards["public"], author=member).posts.get()
    client.force_login(other_member)

    assert client.get(f"/en/posts/{post.pk}/edit/").status_code == 403
    assert client.post(f"/en/posts/{post.pk}/delete/").status_code == 403
    assert not PostRevision.objects.exists()
    assert Post.objects.get(pk=post.pk).state == Post.State.PUBLISHED


def test_deleting_own_post_leaves_a_placeholder(signed_in, boards, member):
    thread = thread_with_posts(board=boards["public"], author=member, replies=1)
    reply = thread.posts.get(position=2)

    signed_in.post(f"/en/posts/{reply.pk}/delete/")

    page = signed_in.get(f"/en/t/{thread.pk}/").text
    assert "This post was deleted." in page
    assert "Reply number 1." not in page


def test_a_reply_stores_its_post_and_thread_events_in_one_statement_in_order(
    boards, member, other_member
):
    """The post's event (thread stream) and the thread's (board stream) go in one INSERT, in
    that order of ids: a reader resuming from either stream gets them as before."""
    thread = thread_with_posts(board=boards["public"], author=member)
    before = Event.objects.count()
    with CaptureQueriesContext(connection) as captured:
        post = post_reply(author=other_member, thread=thread, body="One write, two events.")

    inserts = [
        q for q in captured.captured_queries if q["sql"].startswith('INSERT INTO "forum_event"')
    ]
    assert len(inserts) == 1
    events = list(Event.objects.order_by("pk")[before:])
    assert [(event.stream, event.kind) for event in events] == [
        (f"thread:{thread.pk}", "post.created"),
        (f"board:{thread.board_id}", "thread.updated"),
    ]
    assert events[0].payload["post_id"] == post.pk
