import pytest
from django.core import mail

from forum.markup import quote
from forum.models import Notification, Profile
from forum.services.posting import edit_post, post_reply, start_thread
from forum.services.reading import watch_board
from tests.factories import thread_with_posts, verified_member

pytestmark = pytest.mark.django_db


def kinds(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_watchers_of_a_thread_are_told_of_replies_but_not_the_author(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)

    post_reply(author=other_member, thread=thread, body="A reply from someone else.")

    assert kinds(member) == ["reply"]
    assert kinds(other_member) == []


def test_quoting_a_post_tells_its_author_once_as_a_quote(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)
    first = thread.posts.get()
    body = quote(author_name="Member", post_id=first.pk, source=first.body_source) + "Agreed."

    post_reply(author=other_member, thread=thread, body=body)

    assert kinds(member) == ["quote"]  # not also "reply": one notification, the most personal


def test_a_mention_tells_the_member_even_without_watching(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)

    post_reply(author=member, thread=thread, body="What do you think, @other?")

    assert kinds(other_member) == ["mention"]


def test_an_edit_tells_only_the_newly_mentioned(boards, member, other_member):
    third = verified_member("third")
    post = thread_with_posts(board=boards["public"], author=member, body="Hi @other").posts.get()
    assert kinds(other_member) == ["mention"]

    edit_post(editor=member, post=post, body="Hi @other and @third")

    assert kinds(other_member) == ["mention"]
    assert kinds(third) == ["mention"]


def test_no_one_is_told_about_a_board_they_cannot_read(boards, member, pending, group_member):
    thread = thread_with_posts(board=boards["members"], author=member)

    post_reply(author=member, thread=thread, body="Ping @newcomer and @councillor")

    assert kinds(pending) == []
    assert kinds(group_member) == ["mention"]


def test_board_watchers_are_told_of_new_threads(boards, member, other_member):
    watch_board(user=other_member, board=boards["public"])

    start_thread(author=member, board=boards["public"], title="A new topic", body="Hello there")

    assert kinds(other_member) == ["new_thread"]


def test_email_goes_only_to_members_who_turned_it_on(
    boards, member, other_member, django_capture_on_commit_callbacks, run_tasks
):
    Profile.objects.filter(user=member).update(email_notifications=True)
    thread = thread_with_posts(board=boards["public"], author=member)
    watcher = verified_member("quiet")
    post_reply(author=watcher, thread=thread, body="I watch this now.")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_reply(author=other_member, thread=thread, body="A reply for both of you.")
    assert mail.outbox == []  # the worker sends it, not the request
    run_tasks()

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "A thread about charging decisions" in mail.outbox[0].subject
    assert "/en/posts/" in mail.outbox[0].body


def test_opening_the_thread_marks_its_notifications_read(client, boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)
    post_reply(author=other_member, thread=thread, body="News for you.")
    client.force_login(member)
    assert 'id="notification-count" aria-live="polite">1</span>' in client.get("/en/forum/").text

    client.get(f"/en/t/{thread.pk}/")

    assert Notification.objects.get(recipient=member).read_at is not None
    assert 'id="notification-count" aria-live="polite" hidden>' in client.get("/en/forum/").text


def test_the_notification_list_shows_and_marks_all_read(client, boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)
    post_reply(author=other_member, thread=thread, body="Hello @member")
    client.force_login(member)

    page = client.get("/en/notifications/").text
    client.post("/en/notifications/")

    assert "Other mentioned you in" in page
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
