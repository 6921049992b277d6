"""A member's own data: the JSON export of it, and the deletion (anonymization) of the account."""

import json

import pytest
from asgiref.sync import sync_to_async
from axes.models import AccessAttempt
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from config.asgi import application
from forum import limits
from forum.models import (
    Event,
    Flag,
    ModerationAction,
    Notification,
    Post,
    Profile,
    ReadMarker,
    SearchQueueItem,
    Subscription,
)
from forum.search.queue import drain
from forum.services.moderation import flag_post, hide_post, warn_member
from forum.services.posting import edit_post, post_reply
from forum.services.privacy import delete_account, export_member_data
from forum.services.reading import mark_read
from forum.worker import run_ready
from tests.factories import thread_with_posts

EXPORT = "/en/accounts/profile/export/"
DELETE = "/en/accounts/delete/"
PASSWORD = "correct horse battery"  # tests.factories.UserFactory's


@pytest.fixture
def history(boards, member, other_member, moderator):
    """The member's thread with a reply from another member, an edit, a flag and a hidden post."""
    Profile.objects.filter(user=member).update(display_name="Ana Ortega", organization="Fiscalía")
    Profile.objects.filter(user=moderator).update(display_name="Inspector Javert")
    thread = thread_with_posts(
        board=boards["members"], author=member, title="Sentencing in absentia"
    )
    opening = thread.posts.get(position=1)
    edit_post(editor=member, post=opening, body="First post text, corrected by its author.")
    reply = post_reply(
        author=other_member,
        thread=thread,
        body="A reply with the other member's private thoughts.",
        language="en",
    )
    run_ready()  # the worker tells the member of the reply
    second = post_reply(
        author=member, thread=thread, body="A second post the moderator hid.", language="en"
    )
    hide_post(actor=moderator, post=second, reason="Names a witness.")
    flag_post(flagger=member, post=reply, reason=Flag.Reason.OFF_TOPIC, text="Not about this.")
    mark_read(user=member, thread=thread, position=3)
    warn_member(actor=moderator, member=member, reason="Mind your tone.")
    warn_member(actor=moderator, member=other_member, reason="A warning for the other member.")
    return {"thread": thread, "opening": opening, "reply": reply, "second": second}


def download(client, member) -> tuple[dict, str]:
    client.force_login(member)
    response = client.get(EXPORT)
    assert response.status_code == 200
    return json.loads(response.content), response.content.decode()


# --- Export ---------------------------------------------------------------------------------


def test_a_member_downloads_their_own_data_as_a_json_attachment(client, member, history):
    client.force_login(member)

    response = client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="forum-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "member"
    assert data["account"]["email"] == "member@example.org"
    assert data["profile"]["display_name"] == "Ana Ortega"
    assert data["profile"]["organization"] == "Fiscalía"
    posts = {post["position"]: post for post in data["posts"]}
    assert posts[1]["thread_title"] == "Sentencing in absentia"
    assert posts[1]["body_source"] == "First post text, corrected by its author."
    assert posts[1]["language"] == "en"
    assert posts[1]["edited_at"] is not None
    assert posts[3]["state"] == Post.State.HIDDEN
    assert [r["body_source"] for r in data["revisions"]] == ["First post text for the thread."]
    assert data["revisions"][0]["replaced_by"] == "you"
    assert data["subscriptions"][0]["thread_title"] == "Sentencing in absentia"
    assert data["read_positions"][0]["last_read_position"] == 3
    assert data["flags"][0]["details"] == "Not about this."
    assert data["flags"][0]["post_id"] == history["reply"].pk


def test_the_export_holds_notifications_and_moderation_as_the_member_was_told(
    client, member, history
):
    data, _text = download(client, member)

    [reply] = [row for row in data["notifications"] if row["kind"] == Notification.Kind.REPLY]
    assert reply["actor"] == "Other"
    acts = [row for row in data["notifications"] if row["kind"] == Notification.Kind.MODERATION]
    assert {row["reason"] for row in acts} == {"Names a witness.", "Mind your tone."}
    assert {row["actor"] for row in acts} == {None}  # never the moderator
    hidden, warning = data["moderation"]
    assert hidden["action"] == ModerationAction.Kind.HIDE
    assert (warning["action"], warning["reason"]) == (ModerationAction.Kind.WARN, "Mind your tone.")
    assert hidden["message"] == "A moderator hid your post in “Sentencing in absentia”."
    assert hidden["post_id"] == history["second"].pk


def test_the_export_holds_nothing_of_other_members(client, member, other_member, history):
    _data, text = download(client, member)

    assert "other@example.org" not in text
    assert "moderator@example.org" not in text
    assert "Inspector Javert" not in text  # who hid the post is not told
    assert '"moderator"' not in text.replace('"replaced_by": "moderator"', "")
    assert "private thoughts" not in text  # the body of the post they flagged
    assert "A warning for the other member." not in text
    assert '"other"' not in text  # the other member's user name


def test_another_member_downloads_only_their_own_data(client, other_member, history):
    data, text = download(client, other_member)

    assert data["account"]["username"] == "other"
    assert [post["body_source"] for post in data["posts"]] == [history["reply"].body_source]
    assert data["flags"] == []
    assert "member@example.org" not in text
    assert "Names a witness." not in text


def test_the_export_takes_as_many_queries_for_many_posts_as_for_one(
    boards, member, other_member, moderator
):
    thread_with_posts(board=boards["public"], author=member)
    with CaptureQueriesContext(connection) as one:
        small = export_member_data(member=member)

    thread = thread_with_posts(board=boards["members"], author=member, replies=12)
    for post in thread.posts.all()[:4]:
        edit_post(editor=member, post=post, body=f"{post.body_source} Corrected.")
        flag_post(flagger=other_member, post=post, reason=Flag.Reason.SPAM)
    post_reply(author=other_member, thread=thread, body="A reply to notify.", language="en")
    hide_post(actor=moderator, post=thread.posts.get(position=2), reason="Off.")
    with CaptureQueriesContext(connection) as many:
        large = export_member_data(member=member)

    assert len(small["posts"]) == 1
    assert len(large["posts"]) == 14
    assert len(large["revisions"]) == 4
    assert len(many.captured_queries) == len(one.captured_queries)


def test_a_visitor_is_sent_to_sign_in_for_the_export(client):
    response = client.get(EXPORT)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- Deletion -------------------------------------------------------------------------------


def test_deleting_the_account_anonymizes_it_and_keeps_the_posts(client, member, history):
    Client().post("/en/accounts/login/", {"username": "member", "password": "a typo"})
    assert AccessAttempt.objects.filter(username="member").exists()
    client.force_login(member)

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.username == f"deleted-{member.pk}"
    assert member.email == ""
    assert not member.is_active
    assert not member.has_usable_password()
    profile = member.profile
    assert profile.deleted_at is not None
    assert (profile.display_name, profile.organization, profile.bio) == ("", "", "")
    bodies = set(Post.objects.filter(author=member).values_list("body_source", flat=True))
    assert "First post text, corrected by its author." in bodies
    assert Post.objects.filter(author=member).count() == 2
    assert not Subscription.objects.filter(user=member).exists()
    assert not Notification.objects.filter(recipient=member).exists()
    assert not ReadMarker.objects.filter(user=member).exists()
    # The audit log stays, pointing at the anonymized account.
    assert ModerationAction.objects.get(post=history["second"]).reason == "Names a witness."
    assert not AccessAttempt.objects.filter(username="member").exists()
    client.post("/en/accounts/login/", {"username": "member", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_deleting_the_account_ends_every_session_of_the_member(client, member):
    other_browser = Client()
    other_browser.force_login(member)
    client.force_login(member)
    assert other_browser.get("/en/accounts/profile/").status_code == 200

    client.post(DELETE, {"password": PASSWORD})

    assert "_auth_user_id" not in client.session
    response = other_browser.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id")]


def test_a_wrong_password_gives_a_clear_error_and_changes_nothing(client, member, history):
    client.force_login(member)

    response = client.post(DELETE, {"password": "not my password"})

    assert response.status_code == 200
    assert "This is not your password: your account was not deleted." in response.content.decode()
    member.refresh_from_db()
    assert member.username == "member"
    assert member.email == "member@example.org"
    assert member.is_active
    assert member.check_password(PASSWORD)
    assert member.profile.display_name == "Ana Ortega"
    assert member.profile.deleted_at is None
    assert Subscription.objects.filter(user=member).exists()
    assert Notification.objects.filter(recipient=member).exists()
    assert client.get("/en/accounts/profile/").status_code == 200


def test_guessing_the_password_behind_a_session_stops_after_five_tries(client, member):
    client.force_login(member)
    for _ in range(limits.PASSWORD_CHECKS_PER_WINDOW):
        assert client.post(DELETE, {"password": "a guess"}).status_code == 200

    refused = client.post(DELETE, {"password": PASSWORD})

    assert refused.status_code == 429
    assert "Your password was asked for many times" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    member.refresh_from_db()
    assert member.is_active
    assert member.profile.deleted_at is None


def test_the_deleted_members_posts_show_deleted_member(client, member, other_member, boards):
    Profile.objects.filter(user=member).update(display_name="Ana Ortega")
    thread = thread_with_posts(board=boards["public"], author=member, title="Victim statements")
    url = f"/en/t/{thread.pk}/"
    board_url = f"/en/b/{boards['public'].area.slug}/{boards['public'].slug}/"
    assert "Ana Ortega" in client.get(url).content.decode()  # a visitor's copy, now cached
    assert "Ana Ortega" in client.get(board_url).content.decode()

    delete_account(member=member)

    for reader in (client, Client()):
        html = reader.get(url).content.decode()
        assert "Deleted member" in html
        assert "Ana Ortega" not in html
        assert "First post text for the thread." in html
    assert "Ana Ortega" not in client.get(board_url).content.decode()
    client.force_login(other_member)
    assert "Deleted member" in client.get(url).content.decode()


def test_search_finds_the_deleted_members_posts_without_their_old_name(client, member, boards):
    Profile.objects.filter(user=member).update(display_name="Ana Ortega")
    first = thread_with_posts(
        board=boards["public"], author=member, body="Restitution for elderly fraud victims."
    ).posts.get(position=1)
    drain()

    delete_account(member=member)

    assert SearchQueueItem.objects.filter(
        source="post", object_id=first.pk, done_at__isnull=True
    ).exists()
    drain()
    html = client.get("/en/search/", {"q": "restitution"}).content.decode()
    assert f"/en/posts/{first.pk}/" in html
    assert "Deleted member" in html
    assert "Ana Ortega" not in html
    by_old_name = client.get("/en/search/", {"q": "restitution", "author": "member"})
    assert f"/en/posts/{first.pk}/" not in by_old_name.content.decode()


def test_live_events_keep_no_trace_of_the_old_name(member, other_member, boards):
    member.profile.display_name = "Ana Ortega"
    member.profile.save()
    thread = thread_with_posts(board=boards["public"], author=member, replies=1)
    post_reply(author=other_member, thread=thread, body="A reply to notify.", language="en")
    run_ready()
    assert Event.objects.filter(stream=f"user:{member.pk}").exists()
    assert Event.objects.filter(payload__author_name="Ana Ortega").exists()

    delete_account(member=member)

    assert not Event.objects.filter(stream=f"user:{member.pk}").exists()
    names = [event.payload["author_name"] for event in Event.objects.filter(kind="post.created")]
    assert "Ana Ortega" not in names
    assert "" in names  # live.js shows "Deleted member" for it
    assert "Other" in names


@pytest.mark.parametrize("role", ["moderator", "staff"])
def test_a_moderator_or_staff_account_is_not_deleted_by_its_holder(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    page = client.get(DELETE)
    response = client.post(DELETE, {"password": PASSWORD})

    assert "closed by an administrator: please contact one" in page.content.decode()
    assert 'name="password"' not in page.content.decode()
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.is_active
    assert user.username == role


def test_the_profile_page_links_to_the_export_and_the_deletion(client, member):
    client.force_login(member)

    html = client.get("/en/accounts/profile/").content.decode()

    assert f'href="{EXPORT}"' in html
    assert f'href="{DELETE}"' in html


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_the_deleted_members_open_sockets_are_closed(member, client):
    await sync_to_async(client.force_login)(member)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    communicator = WebsocketCommunicator(
        application,
        "/ws/",
        headers=[(b"origin", b"http://localhost"), (b"cookie", cookie.encode())],
    )
    assert (await communicator.connect(timeout=5))[0]
    await communicator.receive_json_from(timeout=5)  # hello
    await communicator.send_json_to({"type": "subscribe", "stream": "user"})
    assert (await communicator.receive_json_from(timeout=5))["type"] == "subscribed"

    await database_sync_to_async(delete_account)(member=member)

    assert (await communicator.receive_output(timeout=5))["type"] == "websocket.close"
    await communicator.wait()
    member_left = get_user_model().objects.filter(username="member").exists
    assert not await database_sync_to_async(member_left)()
