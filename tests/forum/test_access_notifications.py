"""Notifications name a thread: once its post is hidden or deleted, or its board is lost to
the member, they are neither listed, nor counted, nor replayed over the member's socket."""

import pytest
from asgiref.sync import sync_to_async
from django.test import Client

from forum.selectors import unread_notification_count
from forum.services.moderation import hide_post
from forum.services.posting import delete_post, post_reply
from forum.services.privacy import export_member_data
from forum.worker import run_ready
from tests.factories import thread_with_posts, verified_member
from tests.forum.test_realtime_moderation import open_socket, receive

TITLE = "Sentencing guidance for the council only"


def notifications_page(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get("/en/notifications/").content.decode()


def replied_to(author, board, replier):
    """``author``'s thread on ``board``, with a reply by ``replier`` (a notification for them,
    once the worker has run)."""
    thread = thread_with_posts(board=board, author=author, title=TITLE)
    reply = post_reply(author=replier, thread=thread, body="A reply the author is told of.")
    run_ready()
    return thread, reply


@pytest.mark.django_db
@pytest.mark.parametrize("fate", ["hidden", "deleted"])
def test_a_notification_of_a_post_hidden_or_deleted_since_is_gone(
    boards, member, other_member, moderator, fate
):
    _thread, reply = replied_to(member, boards["public"], other_member)
    assert TITLE in notifications_page(member)
    assert unread_notification_count(member) == 1

    if fate == "hidden":
        hide_post(actor=moderator, post=reply, reason="Names an open case.")
    else:
        delete_post(actor=other_member, post=reply)

    assert TITLE not in notifications_page(member)
    # A request's own user object (the count is kept on it for the request's length).
    assert unread_notification_count(type(member).objects.get(pk=member.pk)) == 0
    assert export_member_data(member=member)["notifications"] == []  # the export lists them too


@pytest.mark.django_db
def test_notifications_of_a_board_the_member_has_lost_are_gone(boards, group_member, council):
    other_councillor = verified_member("councillor2", groups=[council])
    replied_to(group_member, boards["groups"], other_councillor)
    assert TITLE in notifications_page(group_member)

    group_member.groups.remove(council)

    assert TITLE not in notifications_page(group_member)
    assert unread_notification_count(group_member) == 0


@pytest.mark.django_db
def test_moderation_notices_about_the_members_own_posts_stay(boards, member, moderator):
    thread = thread_with_posts(board=boards["public"], author=member, title=TITLE)
    hide_post(actor=moderator, post=thread.posts.get(), reason="Names an open case.")

    page = notifications_page(member)

    assert "Names an open case." in page
    assert unread_notification_count(member) == 1


async def notification_titles_replayed(user) -> list[str]:
    socket = await open_socket(user)
    titles = []
    await socket.send_json_to({"type": "subscribe", "stream": "user", "last_id": 0})
    while (message := await receive(socket))["type"] != "subscribed":
        if message["type"] == "event" and message["kind"] == "notification.created":
            titles.append(message["payload"].get("thread_title"))
    await socket.disconnect()
    return titles


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_replay_of_the_members_stream_leaves_out_what_they_may_no_longer_read(
    boards, member, other_member, moderator
):
    _thread, reply = await sync_to_async(replied_to)(member, boards["public"], other_member)
    assert await notification_titles_replayed(member) == [TITLE]

    await sync_to_async(hide_post)(actor=moderator, post=reply, reason="Names an open case.")

    assert await notification_titles_replayed(member) == []


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["none", "hidden", "deleted", "board lost"])
def test_the_email_the_worker_sends_later_tells_only_what_is_still_readable(
    boards,
    group_member,
    other_member,
    moderator,
    council,
    run_tasks,
    change,
    django_capture_on_commit_callbacks,
):
    # The e-mail goes out when the worker runs, seconds or hours after the reply: what changed
    # meanwhile counts, as on the notifications page.
    from django.core import mail

    group_member.profile.email_notifications = True
    group_member.profile.save()
    other_member.groups.add(council)
    with django_capture_on_commit_callbacks(execute=True):
        _thread, reply = replied_to(group_member, boards["groups"], other_member)
    if change == "hidden":
        hide_post(actor=moderator, post=reply, reason="Names a victim.")
    elif change == "deleted":
        delete_post(actor=other_member, post=reply)
    elif change == "board lost":
        group_member.groups.remove(council)

    run_tasks()

    sent = [message.to for message in mail.outbox]
    assert sent == ([[group_member.email]] if change == "none" else [])
