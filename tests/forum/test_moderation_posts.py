"""Moderation acts on posts: flags, held posts, the review of flagged posts, hiding and
restoring, moderators' edits."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from forum import limits, selectors
from forum.models import (
    Flag,
    ModerationAction,
    ModerationSettings,
    Notification,
    PostRevision,
    Profile,
)
from forum.services import moderation as acts
from forum.services.moderation import FlagRateLimited, ModerationError, needs_review
from forum.services.posting import edit_post, post_reply, start_thread
from forum.services.reading import watch_board
from forum.worker import run_ready
from tests.factories import thread_with_posts
from tests.forum.moderation_helpers import (
    Kind,
    State,
    assert_told,
    audited,
    events,
    fresh,
    moderation_notes,
    moderation_settings,
    post_at,
    reload,
)

pytestmark = pytest.mark.django_db


# --- Flags ------------------------------------------------------------------------------------


def test_a_member_flags_a_post_once(area, thread, member, other_member):
    first = post_at(thread, 1)

    flag = acts.flag_post(flagger=other_member, post=first, reason=Flag.Reason.SPAM)
    with pytest.raises(ModerationError):
        acts.flag_post(flagger=other_member, post=first, reason=Flag.Reason.OFF_TOPIC)

    assert Flag.objects.filter(post=first).count() == 1
    flag = reload(flag)
    assert (flag.flagger, flag.reason, flag.outcome) == (
        other_member,
        Flag.Reason.SPAM,
        Flag.Outcome.OPEN,
    )
    assert reload(first).state == State.PUBLISHED  # one flag is below the threshold (3)
    assert not ModerationAction.objects.exists()
    assert not moderation_notes(member).exists()
    [queued] = events(f"moderation:{area.pk}", "queue.flagged")  # the refused one left none
    assert queued.payload == {"area_id": area.pk, "language": "en", "post_id": first.pk}


def test_enough_open_flags_hide_the_post_until_a_moderator_looks(
    area, thread, member, other_member, third
):
    moderation_settings(flags_to_hide=2)
    reply = post_at(thread, 2)  # by other_member

    acts.flag_post(flagger=member, post=reply, reason=Flag.Reason.INAPPROPRIATE)
    assert reload(reply).state == State.PUBLISHED
    assert not ModerationAction.objects.exists()

    acts.flag_post(flagger=third, post=reply, reason=Flag.Reason.CONFIDENTIAL)

    assert reload(reply).state == State.HIDDEN
    assert reload(thread).reply_count == 1
    action = audited(
        Kind.AUTO_HIDE,
        actor=None,
        reason="2 members flagged this post.",
        before={"state": State.PUBLISHED},
        after={"state": State.HIDDEN},
        post=reply,
        thread=thread,
        area=area,
    )
    note = assert_told(other_member, action)
    assert note.actor is None
    assert set(reply.flags.values_list("outcome", flat=True)) == {Flag.Outcome.OPEN}
    [hidden] = events(f"thread:{thread.pk}", "post.hidden")
    assert hidden.payload["post_id"] == reply.pk
    assert "html" not in hidden.payload
    assert len(events(f"moderation:{area.pk}", "queue.flagged")) == 2


def test_a_flag_needs_a_known_reason_and_other_needs_details(thread, other_member):
    first = post_at(thread, 1)

    with pytest.raises(ModerationError):
        acts.flag_post(flagger=other_member, post=first, reason="rude")
    with pytest.raises(ModerationError):
        acts.flag_post(flagger=other_member, post=first, reason=Flag.Reason.OTHER, text="   ")
    with pytest.raises(ModerationError):
        acts.flag_post(
            flagger=other_member,
            post=first,
            reason=Flag.Reason.OTHER,
            text="x" * (limits.REASON_MAX_LENGTH + 1),
        )
    assert not Flag.objects.exists()

    flag = acts.flag_post(
        flagger=other_member, post=first, reason=Flag.Reason.OTHER, text="  Names a minor.  "
    )

    assert (reload(flag).reason, flag.text) == (Flag.Reason.OTHER, "Names a minor.")


def test_flagging_is_rate_limited(monkeypatch, thread, third):
    monkeypatch.setattr(limits, "FLAGS_PER_WINDOW", 2)
    first, second, last = thread.posts.order_by("position")

    acts.flag_post(flagger=third, post=first, reason=Flag.Reason.SPAM)
    acts.flag_post(flagger=third, post=second, reason=Flag.Reason.SPAM)
    with pytest.raises(FlagRateLimited) as refused:
        acts.flag_post(flagger=third, post=last, reason=Flag.Reason.SPAM)

    assert isinstance(refused.value, ModerationError)
    assert Flag.objects.filter(flagger=third).count() == 2
    assert not last.flags.exists()

    # Flags older than the window no longer count.
    old = timezone.now() - timedelta(seconds=limits.FLAG_WINDOW_SECONDS + 1)
    Flag.objects.filter(post=first).update(created_at=old)
    acts.flag_post(flagger=third, post=last, reason=Flag.Reason.SPAM)
    assert last.flags.count() == 1


def test_members_cannot_flag_their_own_posts_nor_can_pending_members(area, thread, member, pending):
    first = post_at(thread, 1)  # by member

    with pytest.raises(PermissionDenied):
        acts.flag_post(flagger=member, post=first, reason=Flag.Reason.SPAM)
    with pytest.raises(PermissionDenied):
        acts.flag_post(flagger=pending, post=first, reason=Flag.Reason.SPAM)

    assert not Flag.objects.exists()
    assert not events(f"moderation:{area.pk}", "queue.flagged")


# --- Held posts -------------------------------------------------------------------------------


def test_the_first_posts_setting_applies_from_the_next_post_once_saved(
    boards, member, other_member
):
    """The setting is kept between posts (every post asked for it); saving it moves the version
    it is kept under, so the next post is judged by the new value."""
    board = boards["public"]
    assert not needs_review(member, board)  # 0: kept as such
    moderation_settings(review_first_posts=3)
    assert needs_review(member, board)
    moderation_settings(review_first_posts=0)
    assert not needs_review(member, board)


def test_a_new_members_first_reply_waits_for_approval(
    area, boards, member, other_member, moderator
):
    thread = thread_with_posts(board=boards["public"], author=other_member)
    moderation_settings(review_first_posts=1)
    assert needs_review(member, boards["public"])
    assert not needs_review(moderator, boards["public"])

    reply = post_reply(author=member, thread=thread, body="My first words on this forum.")
    run_ready()

    assert reply.state == State.PENDING
    thread = reload(thread)
    assert (thread.reply_count, thread.post_count, thread.last_poster) == (0, 2, other_member)
    assert not Notification.objects.filter(recipient=other_member).exists()
    assert not events(f"thread:{thread.pk}", "post.created")
    [held] = events(f"moderation:{area.pk}", "queue.held")
    assert held.payload["post_id"] == reply.pk

    acts.approve_post(actor=moderator, post=reply)
    run_ready()  # the worker tells the thread's watchers

    assert reload(reply).state == State.PUBLISHED
    thread = reload(thread)
    assert (thread.reply_count, thread.last_poster) == (1, member)
    assert Notification.objects.filter(
        recipient=other_member, kind=Notification.Kind.REPLY, post=reply
    ).exists()
    audited(
        Kind.APPROVE,
        actor=moderator,
        reason="",
        before={"state": State.PENDING},
        after={"state": State.PUBLISHED},
        post=reply,
        thread=thread,
        area=area,
    )
    assert [e.payload["post_id"] for e in events(f"thread:{thread.pk}", "post.created")] == [
        reply.pk
    ]
    assert events(f"moderation:{area.pk}", "queue.settled")

    # Acting twice on the same item: the second is told it was done already.
    with pytest.raises(ModerationError):
        acts.approve_post(actor=moderator, post=reply)
    assert ModerationAction.objects.filter(kind=Kind.APPROVE).count() == 1
    assert reload(thread).reply_count == 1

    # One published post: the next one goes out at once.
    later = post_reply(author=member, thread=thread, body="And a second thought.")
    assert later.state == State.PUBLISHED


def test_a_held_first_post_holds_its_thread_until_approved(
    area, boards, member, other_member, moderator
):
    board = boards["public"]
    watch_board(user=other_member, board=board)
    moderation_settings(review_first_posts=1)

    first = start_thread(
        author=member, board=board, title="Diversion for first offenders", body="Opening post."
    )

    thread = first.thread
    assert first.state == State.PENDING
    assert reload(thread).held
    assert thread not in selectors.board_threads(board)
    assert not Notification.objects.filter(recipient=other_member).exists()
    assert not events(f"board:{board.pk}", "thread.created")

    acts.approve_post(actor=moderator, post=first, reason="Welcome")
    run_ready()  # the worker tells the board's watchers

    assert reload(first).state == State.PUBLISHED
    assert not reload(thread).held
    assert list(selectors.board_threads(board)) == [thread]
    assert Notification.objects.filter(
        recipient=other_member, kind=Notification.Kind.NEW_THREAD, thread=thread
    ).exists()
    assert len(events(f"board:{board.pk}", "thread.created")) == 1
    audited(
        Kind.APPROVE,
        actor=moderator,
        reason="Welcome",
        before={"state": State.PENDING},
        after={"state": State.PUBLISHED},
        post=first,
        thread=thread,
    )


def test_a_member_on_probation_is_held_every_time(boards, member, other_member, moderator):
    thread = thread_with_posts(board=boards["public"], author=other_member)
    Profile.objects.filter(user=member).update(on_probation=True)
    member = fresh(member)
    assert ModerationSettings.load().review_first_posts == 0

    first = post_reply(author=member, thread=thread, body="A first reply.")
    acts.approve_post(actor=moderator, post=first)
    second = post_reply(author=member, thread=thread, body="A second reply.")

    assert reload(first).state == State.PUBLISHED
    assert second.state == State.PENDING
    assert reload(thread).reply_count == 1
    assert needs_review(member, boards["public"])


def test_rejecting_a_held_post_hides_it_and_tells_the_author(
    area, boards, member, other_member, moderator
):
    thread = thread_with_posts(board=boards["public"], author=other_member)
    moderation_settings(review_first_posts=1)
    reply = post_reply(author=member, thread=thread, body="Here is the defendant's full name.")

    for reason in ("", "   "):
        with pytest.raises(ModerationError):
            acts.reject_post(actor=moderator, post=reply, reason=reason)
    assert reload(reply).state == State.PENDING
    assert not ModerationAction.objects.exists()

    acts.reject_post(actor=moderator, post=reply, reason="Please keep names out of the forum.")

    assert reload(reply).state == State.HIDDEN
    assert reload(thread).reply_count == 0
    action = audited(
        Kind.REJECT,
        actor=moderator,
        reason="Please keep names out of the forum.",
        before={"state": State.PENDING},
        after={"state": State.HIDDEN},
        post=reply,
        thread=thread,
        area=area,
    )
    assert_told(member, action)
    assert not Notification.objects.filter(recipient=other_member).exists()

    with pytest.raises(ModerationError):
        acts.reject_post(actor=moderator, post=reply, reason="Again")
    with pytest.raises(ModerationError):
        acts.approve_post(actor=moderator, post=reply)
    assert ModerationAction.objects.count() == 1
    assert moderation_notes(member).count() == 1


# --- Reviewing flagged posts ------------------------------------------------------------------


def test_approving_a_flagged_post_dismisses_the_flags_and_restores_it(
    area, thread, member, other_member, third, moderator
):
    moderation_settings(flags_to_hide=2)
    reply = post_at(thread, 2)
    acts.flag_post(flagger=member, post=reply, reason=Flag.Reason.SPAM)
    acts.flag_post(flagger=third, post=reply, reason=Flag.Reason.SPAM)
    assert reload(reply).state == State.HIDDEN

    acts.approve_post(actor=moderator, post=reply, reason="Not spam: a real question.")

    assert reload(reply).state == State.PUBLISHED
    assert reload(thread).reply_count == 2
    flags = list(reply.flags.all())
    assert {f.outcome for f in flags} == {Flag.Outcome.DISMISSED}
    assert all(f.resolved_by == moderator and f.resolved_at for f in flags)
    audited(
        Kind.APPROVE,
        actor=moderator,
        reason="Not spam: a real question.",
        before={"state": State.HIDDEN},
        after={"state": State.PUBLISHED},
        post=reply,
        thread=thread,
        area=area,
    )
    [restored] = events(f"thread:{thread.pk}", "post.restored")
    assert restored.payload["html"] == reply.body_html

    with pytest.raises(ModerationError):  # no open flags left: nothing to review
        acts.approve_post(actor=moderator, post=reply)
    assert ModerationAction.objects.filter(kind=Kind.APPROVE).count() == 1


def test_rejecting_a_flagged_post_upholds_the_flags_and_hides_it(
    area, thread, member, other_member, moderator
):
    reply = post_at(thread, 2)
    acts.flag_post(flagger=member, post=reply, reason=Flag.Reason.CONFIDENTIAL)
    assert reload(reply).state == State.PUBLISHED  # one flag of three

    acts.reject_post(actor=moderator, post=reply, reason="Confidential case details.")

    assert reload(reply).state == State.HIDDEN
    assert reload(thread).reply_count == 1
    flag = reply.flags.get()
    assert (flag.outcome, flag.resolved_by) == (Flag.Outcome.UPHELD, moderator)
    action = audited(
        Kind.REJECT,
        actor=moderator,
        reason="Confidential case details.",
        before={"state": State.PUBLISHED},
        after={"state": State.HIDDEN},
        post=reply,
        thread=thread,
        area=area,
    )
    assert_told(other_member, action)

    with pytest.raises(ModerationError):
        acts.reject_post(actor=moderator, post=reply, reason="Again")
    assert ModerationAction.objects.count() == 1


# --- Hiding and restoring posts ---------------------------------------------------------------


def test_hiding_and_restoring_a_reply_adjusts_the_reply_count(thread, other_member, moderator):
    reply = post_at(thread, 2)

    acts.hide_post(actor=moderator, post=reply, reason="Personal attack")

    assert reload(reply).state == State.HIDDEN
    assert reload(thread).reply_count == 1
    hidden = audited(
        Kind.HIDE,
        actor=moderator,
        reason="Personal attack",
        before={"state": State.PUBLISHED},
        after={"state": State.HIDDEN},
        post=reply,
        thread=thread,
    )
    assert_told(other_member, hidden)
    [event] = events(f"thread:{thread.pk}", "post.hidden")
    assert (event.payload["post_id"], event.payload["state"]) == (reply.pk, State.HIDDEN)
    assert "html" not in event.payload
    with pytest.raises(ModerationError):
        acts.hide_post(actor=moderator, post=reply, reason="Again")
    assert ModerationAction.objects.filter(kind=Kind.HIDE).count() == 1
    assert reload(thread).reply_count == 1

    acts.restore_post(actor=moderator, post=reply, reason="The author apologised")

    assert reload(reply).state == State.PUBLISHED
    assert reload(thread).reply_count == 2
    restored = audited(
        Kind.RESTORE,
        actor=moderator,
        reason="The author apologised",
        before={"state": State.HIDDEN},
        after={"state": State.PUBLISHED},
        post=reply,
        thread=thread,
    )
    assert_told(other_member, restored)
    assert "html" in events(f"thread:{thread.pk}", "post.restored")[0].payload
    with pytest.raises(ModerationError):
        acts.restore_post(actor=moderator, post=reply, reason="Again")
    assert ModerationAction.objects.filter(kind=Kind.RESTORE).count() == 1
    assert moderation_notes(other_member).count() == 2


def test_hiding_a_first_post_leaves_the_reply_count_alone(thread, member, moderator):
    acts.hide_post(actor=moderator, post=post_at(thread, 1), reason="Spam link")

    assert reload(thread).reply_count == 2
    assert moderation_notes(member).count() == 1


def test_hiding_or_restoring_needs_a_reason_and_nothing_changes_without(
    thread, other_member, moderator
):
    reply = post_at(thread, 2)

    for reason in ("", "   ", None, "x" * (limits.REASON_MAX_LENGTH + 1)):
        with pytest.raises(ModerationError):
            acts.hide_post(actor=moderator, post=reply, reason=reason)

    assert reload(reply).state == State.PUBLISHED
    assert reload(thread).reply_count == 2
    assert not ModerationAction.objects.exists()
    assert not moderation_notes(other_member).exists()
    assert not events(f"thread:{thread.pk}", "post.hidden")

    acts.hide_post(actor=moderator, post=reply, reason="Personal attack")
    with pytest.raises(ModerationError):
        acts.restore_post(actor=moderator, post=reply, reason=" ")
    assert reload(reply).state == State.HIDDEN
    assert not ModerationAction.objects.filter(kind=Kind.RESTORE).exists()


def test_hiding_a_flagged_post_upholds_its_open_flags(area, thread, member, moderator):
    reply = post_at(thread, 2)
    acts.flag_post(flagger=member, post=reply, reason=Flag.Reason.INAPPROPRIATE)

    acts.hide_post(actor=moderator, post=reply, reason="Inappropriate")

    flag = reply.flags.get()
    assert (flag.outcome, flag.resolved_by) == (Flag.Outcome.UPHELD, moderator)
    assert events(f"moderation:{area.pk}", "queue.settled")


# --- Moderator edits --------------------------------------------------------------------------


def test_a_moderator_edit_is_audited_with_its_reason(thread, other_member, moderator):
    reply = post_at(thread, 2)

    edit_post(
        editor=moderator,
        post=reply,
        body="Reply without the case number.",
        reason="  Removed a case number  ",
    )

    reply = reload(reply)
    assert (reply.body_source, reply.edit_count) == ("Reply without the case number.", 1)
    revision = PostRevision.objects.get(post=reply)
    assert (revision.body_source, revision.edited_by, revision.reason) == (
        "Reply number 1.",
        moderator,
        "Removed a case number",
    )
    action = audited(
        Kind.EDIT,
        actor=moderator,
        reason="Removed a case number",
        before={"body": "Reply number 1."},
        after={"body": "Reply without the case number."},
        post=reply,
        thread=thread,
    )
    assert_told(other_member, action)


def test_a_moderator_edit_needs_a_reason_an_authors_own_does_not(thread, member, moderator):
    first = post_at(thread, 1)  # by member

    for reason in ("", "   "):
        with pytest.raises(ModerationError):
            edit_post(editor=moderator, post=first, body="Rewritten.", reason=reason)

    assert reload(first).body_source == "First post text for the thread."
    assert not PostRevision.objects.exists()

    edit_post(editor=member, post=first, body="My own correction.")

    assert PostRevision.objects.get(post=first).reason == ""
    assert not ModerationAction.objects.exists()
    assert not moderation_notes(member).exists()
