import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from forum.markup import quote
from forum.models import Notification, Profile
from forum.services.moderation import hide_post
from forum.services.posting import edit_post, post_reply, start_thread
from forum.services.reading import watch_board
from tests.factories import thread_with_posts, verified_member

pytestmark = pytest.mark.django_db


def kinds(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_watchers_of_a_thread_are_told_of_replies_but_not_the_author(
    boards, member, other_member, run_tasks
):
    thread = thread_with_posts(board=boards["public"], author=member)

    post_reply(author=other_member, thread=thread, body="A reply from someone else.")
    assert kinds(member) == []  # the worker tells them: the request does not wait for it
    run_tasks()

    assert kinds(member) == ["reply"]
    assert kinds(other_member) == []


def test_the_telling_is_queued_with_the_post_itself(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)

    def fails_after_the_reply() -> None:
        with transaction.atomic():
            post_reply(author=other_member, thread=thread, body="Never written.")
            raise RuntimeError  # the write fails after the reply: its task goes with it

    with pytest.raises(RuntimeError):
        fails_after_the_reply()
    post_reply(author=other_member, thread=thread, body="Written.")

    queued = DBTaskResult.objects.filter(task_path="forum.tasks.notify_post_readers")
    texts = [row.args_kwargs["args"][1] for row in queued]
    assert "Written." in texts
    assert "Never written." not in texts


def test_a_post_hidden_before_the_worker_runs_tells_nobody(
    boards, member, other_member, moderator, run_tasks
):
    thread = thread_with_posts(board=boards["public"], author=member)
    post = post_reply(author=other_member, thread=thread, body="Hidden soon, @member.")

    hide_post(actor=moderator, post=post, reason="Off topic")
    run_tasks()

    told = Notification.objects.filter(post=post).exclude(kind=Notification.Kind.MODERATION)
    assert list(told) == []  # the author hears of the hiding; the mentioned member of nothing


def test_an_edit_adding_no_mention_or_quote_queues_nothing(boards, member, other_member):
    post = thread_with_posts(board=boards["public"], author=member, body="Hi @other").posts.get()
    queued = DBTaskResult.objects.filter(task_path="forum.tasks.notify_post_readers")
    before = queued.count()

    edit_post(editor=member, post=post, body="Hi @other, with a typo fixed")

    assert queued.count() == before


def test_quoting_a_post_tells_its_author_once_as_a_quote(boards, member, other_member, run_tasks):
    thread = thread_with_posts(board=boards["public"], author=member)
    first = thread.posts.get()
    body = quote(author_name="Member", post_id=first.pk, source=first.body_source) + "Agreed."

    post_reply(author=other_member, thread=thread, body=body)
    run_tasks()

    assert kinds(member) == ["quote"]  # not also "reply": one notification, the most personal


def test_a_mention_tells_the_member_even_without_watching(boards, member, other_member, run_tasks):
    thread = thread_with_posts(board=boards["public"], author=member)

    post_reply(author=member, thread=thread, body="What do you think, @other?")
    run_tasks()

    assert kinds(other_member) == ["mention"]


def test_an_edit_tells_only_the_newly_mentioned(boards, member, other_member, run_tasks):
    third = verified_member("third")
    post = thread_with_posts(board=boards["public"], author=member, body="Hi @other").posts.get()
    run_tasks()
    assert kinds(other_member) == ["mention"]

    edit_post(editor=member, post=post, body="Hi @other and @third")
    run_tasks()

    assert kinds(other_member) == ["mention"]
    assert kinds(third) == ["mention"]


def test_no_one_is_told_about_a_board_they_cannot_read(
    boards, member, pending, group_member, run_tasks
):
    thread = thread_with_posts(board=boards["members"], author=member)

    post_reply(author=member, thread=thread, body="Ping @newcomer and @councillor")
    run_tasks()

    assert kinds(pending) == []
    assert kinds(group_member) == ["mention"]


def test_board_watchers_are_told_of_new_threads(boards, member, other_member, run_tasks):
    watch_board(user=other_member, board=boards["public"])

    start_thread(author=member, board=boards["public"], title="A new topic", body="Hello there")
    run_tasks()

    assert kinds(other_member) == ["new_thread"]


def test_email_goes_only_to_members_who_turned_it_on(
    boards, member, other_member, django_capture_on_commit_callbacks, run_tasks
):
    Profile.objects.filter(user=member).update(email_notifications=True)
    thread = thread_with_posts(board=boards["public"], author=member)
    watcher = verified_member("quiet")
    post_reply(author=watcher, thread=thread, body="I watch this now.")
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()
    run_tasks()
    mail.outbox.clear()

    post_reply(author=other_member, thread=thread, body="A reply for both of you.")
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # who is told; their e-mail is queued once that commits
    assert mail.outbox == []  # the worker sends it, not the request
    run_tasks()

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "A thread about charging decisions" in mail.outbox[0].subject
    assert "/en/posts/" in mail.outbox[0].body


def test_opening_the_thread_marks_its_notifications_read(
    client, boards, member, other_member, run_tasks
):
    thread = thread_with_posts(board=boards["public"], author=member)
    post_reply(author=other_member, thread=thread, body="News for you.")
    run_tasks()
    client.force_login(member)
    assert 'id="notification-count" aria-live="polite">1</span>' in client.get("/en/forum/").text

    client.get(f"/en/t/{thread.pk}/")

    assert Notification.objects.get(recipient=member).read_at is not None
    assert 'id="notification-count" aria-live="polite" hidden>' in client.get("/en/forum/").text


def test_a_thread_without_the_members_notifications_counts_them_once(
    client, boards, member, other_member, run_tasks
):
    """Unread notifications of another thread: the page marks nothing, and the header's count
    (a query on the readable boards and threads) is not asked again."""
    told = thread_with_posts(board=boards["public"], author=member)
    post_reply(author=other_member, thread=told, body="News for you.")
    run_tasks()
    elsewhere = thread_with_posts(board=boards["public"], author=other_member)
    client.force_login(member)
    client.get(f"/en/t/{elsewhere.pk}/")  # the page's parts drawn once

    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/en/t/{elsewhere.pk}/").text

    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "notification" in q["sql"]]
    assert len(counts) == 1
    assert 'id="notification-count" aria-live="polite">1</span>' in page
    assert Notification.objects.get(recipient=member).read_at is None


def test_the_notification_list_shows_and_marks_all_read(
    client, boards, member, other_member, run_tasks
):
    thread = thread_with_posts(board=boards["public"], author=member)
    post_reply(author=other_member, thread=thread, body="Hello @member")
    run_tasks()
    client.force_login(member)

    page = client.get("/en/notifications/").text
    client.post("/en/notifications/")

    assert "Other mentioned you in" in page
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
