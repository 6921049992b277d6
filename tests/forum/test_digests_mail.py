"""Notification e-mails with an HTML part and one-click unsubscribe, and the daily or weekly
digest at the member's local morning (issue 22)."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail, signing

from forum.digests import send_digests
from forum.mailing import SALT, UNSUBSCRIBE_DAYS, unsubscribe_token
from forum.models import Profile, Subscription
from forum.services.following import set_level
from forum.services.posting import post_reply
from tests.factories import thread_with_posts, verified_member

pytestmark = pytest.mark.django_db
Level = Subscription.Level


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def watcher(member):
    Profile.objects.filter(user=member).update(email_notifications=True)
    member.refresh_from_db()
    return member


def test_a_notification_email_has_an_html_part_and_one_click_unsubscribe(
    boards, watcher, other_member, run_tasks, client, django_capture_on_commit_callbacks
):
    thread = thread_with_posts(board=boards["public"], author=watcher, title="Plea deals")
    post_reply(author=other_member, thread=thread, body="An answer worth an e-mail.")
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # tells the watcher, and queues the e-mail once that commits
    run_tasks()

    (sent,) = mail.outbox
    html, kind = sent.alternatives[0]
    assert kind == "text/html"
    assert "Plea deals" in html
    assert "Plea deals" in sent.body
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = sent.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in sent.body

    # A mail client's one-click POST: no session, no CSRF token.
    response = client.post(path_of(link), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert "You will receive no more notification e-mails." in response.text
    assert Profile.objects.get(user=watcher).email_notifications is False


def test_following_the_link_asks_before_unsubscribing(client, watcher):
    link = f"/en/unsubscribe/{unsubscribe_token(watcher.pk, 'notifications')}/"

    page = client.get(link)

    assert "Stop the notification e-mails?" in page.text
    assert Profile.objects.get(user=watcher).email_notifications is True  # a scanner's GET


def test_a_link_used_twice_says_it_is_done_already(client, watcher):
    link = f"/en/unsubscribe/{unsubscribe_token(watcher.pk, 'notifications')}/"
    client.post(link)

    again = client.post(link)

    assert again.status_code == 200
    assert "You will receive no more notification e-mails." in again.text


def old_token(user_id: int, kind: str) -> str:
    signer = signing.TimestampSigner(salt=SALT)
    past = int(time.time()) - (UNSUBSCRIBE_DAYS + 1) * 24 * 60 * 60
    signer.timestamp = lambda: signing.b62_encode(past)
    return signer.sign_object({"u": user_id, "k": kind})


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        "eyJ1IjoxLCJrIjoiZGlnZXN0In0:1tAAAA:badsignature",
        "expired",
        "altered",
    ],
)
def test_a_forged_altered_or_expired_link_changes_nothing(client, watcher, token):
    if token == "expired":
        token = old_token(watcher.pk, "notifications")
    elif token == "altered":
        token = unsubscribe_token(watcher.pk, "notifications").replace(":", "x:", 1)

    response = client.post(f"/en/unsubscribe/{token}/")

    assert response.status_code == 400
    assert "This unsubscribe link is not valid" in response.text
    assert Profile.objects.get(user=watcher).email_notifications is True


# --- Digests --------------------------------------------------------------------------------

# 07:30 in UTC on a weekday; members below are in UTC unless said.
MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


@pytest.fixture
def reader(boards):
    user = verified_member("digestreader", email="reader@example.org")
    Profile.objects.filter(user=user).update(digest=Profile.Digest.DAILY)
    set_level(user=user, board=boards["public"], level=Level.WATCHING)
    return user


def busy_thread(board, title, posts, when, author=None):
    author = author or verified_member()
    thread = thread_with_posts(board=board, author=author, title=title, replies=posts)
    thread.posts.update(created_at=when)
    type(thread).objects.filter(pk=thread.pk).update(last_post_at=when)
    return thread


def test_the_daily_digest_lists_the_most_active_followed_threads_once(boards, reader):
    busy_thread(boards["public"], "Quiet thread", 0, MORNING - timedelta(hours=3))
    busy_thread(boards["public"], "Busy thread", 4, MORNING - timedelta(hours=2))

    assert send_digests(now=MORNING) == (1, 1)
    assert send_digests(now=MORNING + timedelta(minutes=15)) == (0, 0)  # once a morning

    (sent,) = mail.outbox
    assert sent.to == ["reader@example.org"]
    assert sent.subject == "Your daily digest"
    assert sent.body.index("Busy thread") < sent.body.index("Quiet thread")
    assert "5 new posts" in sent.body
    assert "List-Unsubscribe" in sent.extra_headers
    assert "Busy thread" in sent.alternatives[0][0]


def test_the_digest_comes_at_seven_in_the_members_time_zone(boards, reader):
    Profile.objects.filter(user=reader).update(time_zone="Asia/Tokyo")
    busy_thread(boards["public"], "Tokyo morning", 2, MORNING - timedelta(hours=1))

    # 07:30 UTC is 16:30 in Tokyo: its 07:00 passed at 22:00 UTC the day before.
    Profile.objects.filter(user=reader).update(digest_sent_at=MORNING - timedelta(hours=8))
    assert send_digests(now=MORNING) == (0, 0)  # sent after Tokyo's last 07:00
    assert send_digests(now=MORNING + timedelta(hours=15)) == (1, 1)  # 07:30 the next day


def test_a_weekly_digest_waits_a_week(boards, reader):
    Profile.objects.filter(user=reader).update(
        digest=Profile.Digest.WEEKLY, digest_sent_at=MORNING - timedelta(days=3)
    )
    busy_thread(boards["public"], "This week", 2, MORNING - timedelta(hours=1))

    assert send_digests(now=MORNING) == (0, 0)
    assert send_digests(now=MORNING + timedelta(days=4)) == (1, 1)
    assert mail.outbox[0].subject == "Your weekly digest"


def test_nothing_followed_or_nothing_new_sends_nothing(boards, reader):
    Subscription.objects.filter(user=reader).delete()
    busy_thread(boards["public"], "Not followed", 3, MORNING - timedelta(hours=1))

    assert send_digests(now=MORNING) == (1, 0)
    assert mail.outbox == []
    assert Profile.objects.get(user=reader).digest_sent_at == MORNING  # looked at once


def test_a_digest_never_names_a_muted_or_unreadable_thread(boards, area, reader, group_member):
    set_level(user=reader, area=area, level=Level.WATCHING)
    muted = busy_thread(boards["public"], "Muted one", 5, MORNING - timedelta(hours=1))
    set_level(user=reader, thread=muted, level=Level.MUTED)
    busy_thread(boards["groups"], "Council only", 5, MORNING - timedelta(hours=1), group_member)
    busy_thread(boards["public"], "Fine to name", 1, MORNING - timedelta(hours=1))

    send_digests(now=MORNING)

    (sent,) = mail.outbox
    assert "Fine to name" in sent.body
    assert "Muted one" not in sent.body
    assert "Council only" not in sent.body


def test_the_digest_unsubscribe_link_turns_the_digest_off(client, boards, reader):
    busy_thread(boards["public"], "Something", 1, MORNING - timedelta(hours=1))
    send_digests(now=MORNING)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")

    client.post(path_of(link))

    assert Profile.objects.get(user=reader).digest == Profile.Digest.OFF


def test_turning_the_digest_on_sends_the_first_at_once(
    client, boards, member, run_tasks, django_capture_on_commit_callbacks
):
    set_level(user=member, board=boards["public"], level=Level.TRACKING)
    thread_with_posts(board=boards["public"], author=verified_member(), title="Fresh", replies=1)
    client.force_login(member)
    form = client.get("/en/accounts/profile/").context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.pop("avatar", None)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/profile/", {**data, "digest": "daily"})
    assert response.status_code == 302
    run_tasks()

    (sent,) = mail.outbox
    assert "Fresh" in sent.body
    assert Profile.objects.get(user=member).digest_sent_at is not None
