"""Retention (issue 24): staff set a policy per program area or board; the worker anonymizes or
deletes the posts past it, never what a legal hold covers, in batches each with its audit row,
and a run cut short resumes without doing anything twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from forum import audit
from forum.models import ModerationAction, Post, PostRevision, RetentionPolicy, Thread
from forum.services import retention
from forum.services.holds import place_hold
from forum.services.posting import edit_post
from forum.services.retention import RetentionError, months_before, run, set_policy
from tests.factories import signed_in, thread_with_posts

pytestmark = pytest.mark.django_db
URL = "/en/moderation/retention/"


def aged(thread: Thread, months: int) -> None:
    """The thread's posts as written ``months`` months and a day ago."""
    then = months_before(timezone.now(), months) - timedelta(days=1)
    Post.objects.filter(thread=thread).update(created_at=then)


@pytest.fixture
def old(boards, member, other_member):
    thread = thread_with_posts(
        board=boards["public"],
        author=member,
        replies=2,
        repliers=[other_member],
        title="An old thread about a closed case",
    )
    edit_post(editor=member, post=thread.posts.get(position=1), body="Edited once, long ago.")
    aged(thread, 13)
    return thread


@pytest.fixture
def recent(boards, member):
    return thread_with_posts(board=boards["public"], author=member, title="A recent thread here")


def test_deleting_after_twelve_months_removes_old_text_and_keeps_recent_posts(
    staff, old, recent, other_member, django_capture_on_commit_callbacks
):
    set_policy(actor=staff, action="delete", months=12, board=old.board)

    with django_capture_on_commit_callbacks(execute=True):
        assert run() == {"anonymized": 0, "deleted": 3}

    for post in Post.objects.filter(thread=old):
        assert (post.state, post.body_source, post.body_html) == ("deleted", "", "")
    assert not PostRevision.objects.filter(post__thread=old).exists()
    assert Post.objects.get(thread=recent, position=1).state == "published"
    page = signed_in(other_member).get(f"/en/t/{old.pk}/").text
    assert "This post was deleted." in page
    assert "Edited once" not in page
    old.refresh_from_db()
    assert old.reply_count == 0
    row = ModerationAction.objects.get(kind="retention")
    assert sorted(row.after["posts"]) == sorted(
        Post.objects.filter(thread=old).values_list("pk", flat=True)
    )
    assert audit.verify_database().holds
    # Nothing is due any more: a second run does nothing and writes no row.
    assert run() == {"anonymized": 0, "deleted": 0}
    assert ModerationAction.objects.filter(kind="retention").count() == 1


def test_anonymizing_an_area_shows_old_posts_as_a_deleted_members_and_a_boards_policy_wins(
    staff, old, boards, member, area
):
    set_policy(actor=staff, action="anonymize", months=6, area=area)
    kept = thread_with_posts(board=boards["members"], author=member, title="Kept by its board")
    aged(kept, 24)
    set_policy(actor=staff, action="keep", months=None, board=boards["members"])

    assert run()["anonymized"] == 3

    anonymous = retention.placeholder()
    assert set(Post.objects.filter(thread=old).values_list("author_id", flat=True)) == {
        anonymous.pk
    }
    old.refresh_from_db()
    assert old.author_id == anonymous.pk
    assert Post.objects.get(thread=kept).author_id == member.pk
    page = Client().get(f"/en/t/{old.pk}/").text
    assert "Deleted member" in page
    assert Post.objects.get(thread=old, position=1).body_source == "Edited once, long ago."


def test_nothing_a_legal_hold_covers_is_touched(staff, old, member, boards):
    other_old = thread_with_posts(board=boards["public"], author=member, title="Also very old")
    aged(other_old, 30)
    place_hold(actor=staff, thread=old, reason="Case 3.")
    set_policy(actor=staff, action="delete", months=12, board=boards["public"])

    assert run()["deleted"] == 1  # the other thread's one post

    assert Post.objects.filter(thread=old, state="published").count() == 3
    place_hold(actor=staff, board=boards["public"], reason="The whole board.")
    newer = thread_with_posts(board=boards["public"], author=member, title="Old but held too")
    aged(newer, 30)
    assert run()["deleted"] == 0


def test_a_run_cut_short_resumes_without_doing_anything_twice(staff, old, monkeypatch):
    set_policy(actor=staff, action="delete", months=12, board=old.board)
    real = retention._delete
    calls = []

    def failing_second_batch(ids):
        calls.append(ids)
        if len(calls) == 2:
            raise RuntimeError("the worker was stopped")
        real(ids)

    monkeypatch.setattr(retention, "_delete", failing_second_batch)
    with pytest.raises(RuntimeError):
        run(batch=1)
    assert Post.objects.filter(thread=old, state="deleted").count() == 1  # the first batch held
    assert ModerationAction.objects.filter(kind="retention").count() == 1

    monkeypatch.setattr(retention, "_delete", real)
    assert run(batch=1)["deleted"] == 2  # the rest, not the first again

    rows = ModerationAction.objects.filter(kind="retention").order_by("sequence")
    handled = [pk for row in rows for pk in row.after["posts"]]
    assert sorted(handled) == sorted(Post.objects.filter(thread=old).values_list("pk", flat=True))
    assert len(handled) == len(set(handled))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "delete", "months": "0"}, "Ensure this value is greater than or equal to 1."),
        (
            {"action": "delete", "months": "5000"},
            "Ensure this value is less than or equal to 1200.",
        ),
        ({"action": "delete"}, "Give the period in months, from 1 to 1200."),
        ({"action": "burn", "months": "3"}, "Select a valid choice."),
        ({"action": "keep", "both": True}, "Choose one program area or one board."),
    ],
    ids=["zero months", "too many months", "no months", "unknown action", "area and board"],
)
def test_bad_policies_are_told_why(staff, boards, area, data, message):
    sent = {"area": area.pk, **{k: v for k, v in data.items() if k != "both"}}
    if data.get("both"):
        sent["board"] = boards["public"].pk

    response = signed_in(staff).post(URL, sent)

    assert response.status_code == 400
    assert message in response.text
    assert not RetentionPolicy.objects.exists()


def test_only_staff_see_or_set_policies(member, moderator, area):
    for client in (Client(), signed_in(member), signed_in(moderator)):
        assert client.get(URL).status_code == 404
        assert (
            client.post(URL, {"area": area.pk, "action": "delete", "months": 1}).status_code == 404
        )
    with pytest.raises(RetentionError):
        set_policy(actor=moderator, action="delete", months=1, area=area)
    assert not RetentionPolicy.objects.exists()


def test_staff_set_a_policy_on_the_page_and_it_is_audited(staff, area, boards):
    page = signed_in(staff)
    response = page.post(URL, {"area": area.pk, "action": "anonymize", "months": "24"})

    assert response.status_code == 302
    listed = page.get(URL).text
    assert "Anonymize the author after 24 months" in listed
    row = ModerationAction.objects.get(kind="retention_set")
    assert row.after == {"area": area.pk, "action": "anonymize", "months": 24}


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 3, 31, 12, tzinfo=UTC), 1, datetime(2026, 2, 28, 12, tzinfo=UTC)),
        (datetime(2026, 1, 15, tzinfo=UTC), 13, datetime(2024, 12, 15, tzinfo=UTC)),
        (datetime(2024, 2, 29, tzinfo=UTC), 12, datetime(2023, 2, 28, tzinfo=UTC)),
    ],
)
def test_months_are_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected
