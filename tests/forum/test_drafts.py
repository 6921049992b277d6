"""Drafts kept in the member's account (issue 23): saved as they type, brought back on another
device, dropped with the post that sends them, never served where the member may not read."""

from __future__ import annotations

import uuid

import pytest

from forum import limits
from forum.models import Board, Draft, Thread
from forum.services.drafts import save_draft
from forum.services.posting import post_reply
from forum.services.privacy import delete_account, export_member_data
from tests.factories import signed_in, thread_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(boards, other_member):
    return thread_with_posts(board=boards["public"], author=other_member, title="Remote hearings")


device = signed_in  # a member on one of their devices


def draft_url(thread) -> str:
    return f"/en/t/{thread.pk}/draft/"


def test_a_draft_saved_on_one_device_is_there_on_another(member, thread):
    laptop, phone = device(member), device(member)
    assert f'data-draft-url="{draft_url(thread)}"' in laptop.get(f"/en/t/{thread.pk}/").text

    saved = laptop.post(draft_url(thread), {"body": "Half a thought about video", "language": "en"})

    assert saved.status_code == 200
    assert "no-store" in saved["Cache-Control"]
    answer = phone.get(draft_url(thread)).json()["draft"]
    assert answer["body"] == "Half a thought about video"
    assert answer["language"] == "en"
    assert answer["updated_at"]
    listed = phone.get("/en/drafts/").text
    assert "Remote hearings" in listed
    assert "Half a thought about video" in listed


def test_sending_the_post_drops_the_draft_and_a_late_save_does_not_bring_it_back(member, thread):
    client = device(member)
    token = str(uuid.uuid4())
    client.post(draft_url(thread), {"body": "My reply, nearly done", "submission_token": token})

    client.post(
        f"/en/t/{thread.pk}/reply/",
        {"body": "My reply, nearly done.", "language": "en", "submission_token": token},
    )
    assert not Draft.objects.exists()
    # A save sent just before the post, arriving after it: the post's token tells it is moot.
    late = client.post(draft_url(thread), {"body": "My reply, nearly d", "submission_token": token})

    assert late.json() == {"draft": None}
    assert not Draft.objects.exists()


def test_a_new_threads_draft_keeps_its_title_until_the_thread_is_started(boards, member):
    board = boards["public"]
    client = device(member)
    url = f"/en/b/{board.area.slug}/{board.slug}/draft/"
    client.post(url, {"title": "Victim statements", "body": "Do you read them aloud?"})
    assert client.get(url).json()["draft"]["title"] == "Victim statements"
    form = client.get(f"/en/b/{board.area.slug}/{board.slug}/new/").text
    assert f'data-draft-url="{url}"' in form

    client.post(
        f"/en/b/{board.area.slug}/{board.slug}/new/",
        {"title": "Victim statements", "body": "Do you read them aloud?", "language": "en"},
    )

    assert Thread.objects.filter(title="Victim statements").exists()
    assert client.get(url).json() == {"draft": None}


def test_clearing_the_box_drops_the_draft(member, thread):
    client = device(member)
    client.post(draft_url(thread), {"body": "Something"})

    client.post(draft_url(thread), {"body": "   "})

    assert not Draft.objects.exists()


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"body": "a\x00b"}, "Null characters"),
        ({"body": "a\x07b"}, "characters that are not allowed"),
        ({"body": "x" * (limits.BODY_MAX_LENGTH + 1)}, "at most"),
        ({"body": "fine", "title": "t" * (limits.TITLE_MAX_LENGTH + 1)}, "at most"),
        ({"body": "fine", "submission_token": "not a token"}, "UUID"),
    ],
)
def test_a_draft_that_cannot_be_kept_is_refused_with_the_reason(member, thread, fields, reason):
    answer = device(member).post(draft_url(thread), fields)

    assert answer.status_code == 400
    assert reason in answer.json()["error"]
    assert not Draft.objects.exists()


def test_a_language_the_post_form_does_not_offer_is_kept_as_detect(member, thread):
    device(member).post(draft_url(thread), {"body": "Text", "language": "<x>"})

    assert Draft.objects.get().language == ""


def test_a_visitor_is_told_the_draft_stays_in_the_browser(client, thread):
    answer = client.post(draft_url(thread), {"body": "Typed before the session ended"})

    assert answer.status_code == 403
    assert "stays in this browser" in answer.json()["error"]
    assert client.get("/en/drafts/").status_code == 302


def test_a_draft_where_the_member_may_no_longer_read_is_neither_served_nor_listed(member, thread):
    save_draft(user=member, thread=thread, body="About the hearing")
    board = thread.board
    board.visibility = Board.Visibility.GROUPS
    board.save()
    client = device(member)

    assert client.get(draft_url(thread)).status_code == 404
    assert "About the hearing" not in client.get("/en/drafts/").text
    assert Draft.objects.exists()  # kept: the member may be let in again


def test_saving_a_draft_many_times_a_minute_is_slowed(member, thread, settings):
    settings.RATELIMIT_ENABLE = True
    client = device(member)
    for n in range(limits.DRAFT_SAVES_PER_WINDOW):
        assert client.post(draft_url(thread), {"body": f"Version {n}"}).status_code == 200

    refused = client.post(draft_url(thread), {"body": "One more"})

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert Draft.objects.get().body == f"Version {limits.DRAFT_SAVES_PER_WINDOW - 1}"


def test_drafts_bookmarks_and_reactions_are_in_the_export_and_go_with_the_account(member, thread):
    from forum.services.bookmarks import bookmark_post
    from forum.services.reactions import toggle_reaction

    first = thread.posts.get(position=1)
    save_draft(user=member, thread=thread, body="Unsent words")
    bookmark_post(user=member, post=first, note="Read again")
    toggle_reaction(user=member, post=first, kind="thanks")

    exported = export_member_data(member=member)
    assert exported["drafts"][0]["body"] == "Unsent words"
    assert exported["bookmarks"][0]["note"] == "Read again"
    assert exported["reactions"][0]["kind"] == "thanks"

    delete_account(member=member)
    assert not Draft.objects.exists()
    assert not member.bookmarks.exists()


def test_a_reply_posted_from_another_device_drops_the_draft_too(member, thread):
    save_draft(user=member, thread=thread, body="Started on the laptop")

    post_reply(author=member, thread=thread, body="Finished on the phone.")

    assert not Draft.objects.exists()
