"""Legal holds (issue 24): staff place one on a thread, a board or a member with a reason; while
it is in force nothing it covers is deleted or anonymized (an author's delete hides the post
instead; a closed account waits, and is anonymized when the hold is lifted); both acts are rows
of the audit log; bad requests are told why."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from forum import audit
from forum.models import LegalHold, ModerationAction, Post
from forum.services.holds import HoldError, lift_hold, place_hold
from forum.services.posting import delete_post
from forum.services.privacy import delete_account
from tests.factories import signed_in, thread_with_posts

URL = "/en/moderation/holds/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(boards, member, other_member):
    return thread_with_posts(
        board=boards["public"], author=other_member, replies=1, repliers=[member]
    )


@pytest.fixture
def reply(thread, member):
    return Post.objects.get(thread=thread, position=2)


def test_staff_place_a_hold_on_a_thread_and_its_authors_delete_hides_the_post_instead(
    staff, member, other_member, thread, reply
):
    page = signed_in(staff)
    answer = page.post(
        URL, {"act": "place", "target": "thread", "thread": thread.pk, "reason": "Case 12/2026."}
    )
    assert answer.status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.thread, hold.reason, hold.placed_by) == (thread, "Case 12/2026.", staff)
    assert "Case 12/2026." in page.get(URL).text

    # The author deletes their reply: it is hidden instead, and the text is kept on record.
    response = signed_in(member).post(f"/en/posts/{reply.pk}/delete/")
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.state == Post.State.HIDDEN
    assert reply.body_source == "Reply number 1."
    assert "Reply number 1." not in signed_in(other_member).get(f"/en/t/{thread.pk}/").text
    kinds = list(ModerationAction.objects.order_by("sequence").values_list("kind", flat=True))
    assert kinds == ["hold", "kept"]
    assert audit.verify_database().holds

    # Lifted: a delete deletes again.
    lift_hold(actor=staff, hold_id=hold.pk, reason="The case is closed.")
    first = Post.objects.get(thread=thread, position=1)
    delete_post(actor=other_member, post=first)
    first.refresh_from_db()
    assert first.state == Post.State.DELETED


def test_a_member_under_hold_who_deletes_their_account_is_closed_then_anonymized_on_lifting(
    staff, member, thread, django_capture_on_commit_callbacks
):
    hold = place_hold(actor=staff, member=member, reason="Subpoena 4411.")
    client = signed_in(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/delete/", {"password": "correct horse battery"}, follow=True
        )
    assert "Your account is closed: nobody can sign in to it." in response.text
    anonymized = not member.__class__.objects.filter(username="member").exists()

    assert anonymized is False
    member.refresh_from_db()
    assert member.username == "member"  # kept while held
    assert not member.is_active
    assert member.profile.deletion_requested_at is not None
    assert member.profile.deleted_at is None
    assert client.get("/en/notifications/").status_code == 302  # signed out: sign in again

    with django_capture_on_commit_callbacks(execute=True):
        lift_hold(actor=staff, hold_id=hold.pk, reason="Released by the court.")

    member.refresh_from_db()
    assert member.username.startswith("deleted-")
    assert member.profile.deleted_at is not None
    assert audit.verify_database().holds


def test_a_hold_on_a_board_covers_its_threads_and_their_authors_accounts(
    staff, member, boards, thread, reply, django_capture_on_commit_callbacks
):
    place_hold(actor=staff, board=boards["public"], reason="Audit of the board.")

    delete_post(actor=member, post=reply)
    with django_capture_on_commit_callbacks(execute=True):
        anonymized = delete_account(member=member)

    reply.refresh_from_db()
    assert reply.state == Post.State.HIDDEN
    assert anonymized is False


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"act": "place", "target": "thread", "thread": "999999", "reason": "x"},
            "No thread has this number.",
        ),
        (
            {"act": "place", "target": "member", "member": "@nobody", "reason": "x"},
            "No member has this user name.",
        ),
        ({"act": "place", "target": "board", "reason": "x"}, "Choose the board."),
        (
            {"act": "place", "target": "thread", "thread": "1", "reason": ""},
            "This field is required.",
        ),
        (
            {"act": "lift", "hold": "424242", "reason": "Never placed."},
            "There is no such hold in force: it does not exist, or it was lifted already.",
        ),
        (
            {"act": "lift", "hold": "99999999999999999999999", "reason": "x"},
            "Ensure this value is less than or equal to",
        ),
        ({"target": "galaxy"}, "Select a valid choice."),
    ],
    ids=[
        "unknown thread",
        "unknown member",
        "no board",
        "no reason",
        "no such hold",
        "huge id",
        "no act",
    ],
)
def test_bad_requests_are_told_why(staff, thread, data, message):
    response = signed_in(staff).post(URL, data)

    assert response.status_code == 400
    assert message in response.text.replace("&#x27;", "'")
    assert not LegalHold.objects.exists()


def test_lifting_a_hold_twice_is_told_not_done_twice(staff, thread):
    hold = place_hold(actor=staff, thread=thread, reason="Case 7.")
    lift_hold(actor=staff, hold_id=hold.pk, reason="Closed.")

    with pytest.raises(HoldError, match="lifted already"):
        lift_hold(actor=staff, hold_id=hold.pk, reason="Closed again.")
    assert ModerationAction.objects.filter(kind="lift_hold").count() == 1


def test_only_staff_see_or_place_holds(member, moderator, thread):
    for client in (Client(), signed_in(member), signed_in(moderator)):
        assert client.get(URL).status_code == 404
        sent = client.post(
            URL, {"act": "place", "target": "thread", "thread": thread.pk, "reason": "Trying."}
        )
        assert sent.status_code == 404
    with pytest.raises(HoldError):
        place_hold(actor=moderator, thread=thread, reason="Not staff.")
    assert not LegalHold.objects.exists()
    assert get_user_model().objects.filter(username="member").exists()
