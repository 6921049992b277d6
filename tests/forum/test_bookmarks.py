"""Bookmarks with a note and a reminder, as in Discourse (issue 22)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum.models import Bookmark, Notification, Post
from forum.services.bookmarks import bookmark_post, send_due_reminders
from forum.services.moderation import hide_post
from forum.services.moderation.threads import move_thread
from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(boards, other_member):
    return thread_with_posts(board=boards["public"], author=other_member, title="Sentencing memo")


@pytest.fixture
def post(thread):
    return Post.objects.get(thread=thread, position=1)


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_member_bookmarks_a_post_with_a_note_and_a_reminder(client, member, post):
    client.force_login(member)
    assert f"/posts/{post.pk}/bookmark/" in client.get(f"/en/t/{post.thread_id}/").text
    when = timezone.now() + timedelta(days=2)

    response = client.post(
        f"/en/posts/{post.pk}/bookmark/", {"note": "Cite in my brief", "remind_at": local(when)}
    )

    assert response.status_code == 302
    bookmark = Bookmark.objects.get(user=member, post=post)
    assert bookmark.note == "Cite in my brief"
    assert abs(bookmark.remind_at - when) < timedelta(minutes=1)
    listed = client.get("/en/bookmarks/").text
    assert "Sentencing memo" in listed
    assert "Cite in my brief" in listed


def test_the_reminder_is_read_in_the_members_time_zone(client, member, post):
    member.profile.time_zone = "America/Santiago"
    member.profile.save()
    client.force_login(member)

    client.post(f"/en/posts/{post.pk}/bookmark/", {"remind_at": "2027-06-01T09:00"})

    remind_at = Bookmark.objects.get(user=member).remind_at
    assert timezone.localtime(remind_at, timezone.get_fixed_timezone(-4 * 60)).hour == 9


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("2020-01-01T10:00", "Choose a reminder time in the future."),
        ("9999-12-31T23:59", "Choose a reminder time within the next year."),
        ("tomorrow", "Enter a valid date/time."),
        ("2026-02-30T10:00", "Enter a valid date/time."),
    ],
)
def test_a_reminder_in_the_past_absurd_or_not_a_time_is_refused_and_the_note_kept(
    client, member, post, value, error
):
    client.force_login(member)

    response = client.post(
        f"/en/posts/{post.pk}/bookmark/", {"note": "Keep this text", "remind_at": value}
    )

    assert response.status_code == 400
    assert error in response.text
    assert 'value="Keep this text"' in response.text
    assert not Bookmark.objects.exists()


def test_a_note_too_long_is_refused(client, member, post):
    client.force_login(member)

    response = client.post(f"/en/posts/{post.pk}/bookmark/", {"note": "n" * 501})

    assert response.status_code == 400
    assert not Bookmark.objects.exists()


def test_the_worker_sends_a_due_reminder_once(member, post):
    bookmark = bookmark_post(user=member, post=post, remind_at=timezone.now() + timedelta(hours=1))

    assert send_due_reminders() == 0  # not yet
    later = timezone.now() + timedelta(hours=2)
    assert send_due_reminders(now=later) == 1
    assert send_due_reminders(now=later) == 0

    notification = Notification.objects.get(recipient=member)
    assert notification.kind == "bookmark"
    assert notification.post_id == post.pk
    bookmark.refresh_from_db()
    assert bookmark.reminded_at is not None


def test_a_post_hidden_since_leaves_the_list_and_its_reminder_tells_nothing(
    client, member, moderator, post
):
    bookmark_post(user=member, post=post, remind_at=timezone.now() + timedelta(hours=1))
    hide_post(actor=moderator, post=post, reason="Names a victim.")
    client.force_login(member)

    assert "Sentencing memo" not in client.get("/en/bookmarks/").text
    assert send_due_reminders(now=timezone.now() + timedelta(hours=2)) == 0
    assert not Notification.objects.filter(recipient=member, kind="bookmark").exists()


def test_a_thread_moved_to_a_board_the_member_cannot_read_leaves_the_list(
    client, boards, member, moderator, thread, post
):
    bookmark_post(user=member, post=post, note="Private now")
    move_thread(
        actor=moderator, thread=thread, board_id=boards["groups"].pk, reason="Council only."
    )
    client.force_login(member)

    page = client.get("/en/bookmarks/").text

    assert "Sentencing memo" not in page
    assert "Private now" not in page


def test_a_post_the_member_may_not_read_cannot_be_bookmarked(client, boards, member, moderator):
    hidden = thread_with_posts(board=boards["groups"], author=moderator, title="Council")
    client.force_login(member)

    response = client.post(f"/en/posts/{hidden.posts.get().pk}/bookmark/", {"note": "x"})

    assert response.status_code in (403, 404)
    assert not Bookmark.objects.exists()


def test_a_visitor_is_asked_to_sign_in(client, post):
    assert "/bookmark/" not in client.get(f"/en/t/{post.thread_id}/").text
    response = client.get(f"/en/posts/{post.pk}/bookmark/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get("/en/bookmarks/").status_code == 302


def test_a_bookmark_is_changed_and_removed(client, member, post):
    client.force_login(member)
    client.post(f"/en/posts/{post.pk}/bookmark/", {"note": "First"})
    client.post(f"/en/posts/{post.pk}/bookmark/", {"note": "Second"})
    assert Bookmark.objects.get().note == "Second"

    client.post(f"/en/posts/{post.pk}/bookmark/", {"remove": "1"})

    assert not Bookmark.objects.exists()
