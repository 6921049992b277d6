"""The moderation service layer: scope, flags, the review queue, acts, members, the audit log."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from forum import limits, permissions, selectors
from forum.models import (
    Event,
    Flag,
    ModerationAction,
    ModerationSettings,
    Moderator,
    Notification,
    Post,
    PostRevision,
    Profile,
    Subscription,
    Thread,
)
from forum.permissions import Scope, moderates_board, moderation_scope
from forum.services import moderation as acts
from forum.services.moderation import FlagRateLimited, ModerationError, needs_review
from forum.services.posting import edit_post, post_reply, start_thread
from forum.services.reading import watch_board
from tests.factories import BoardFactory, ProgramAreaFactory, thread_with_posts, verified_member

pytestmark = pytest.mark.django_db

Kind = ModerationAction.Kind
State = Post.State
MODERATION = Notification.Kind.MODERATION


# --- Helpers ----------------------------------------------------------------------------------


def fresh(user):
    """The user as stored now: the moderation scope and the profile are cached on the object."""
    return get_user_model().objects.get(pk=user.pk)


def area_moderator(username, *areas, languages=None):
    user = verified_member(username)
    scope = Moderator.objects.create(user=user, languages=languages or [])
    scope.areas.add(*areas)
    return fresh(user)


def moderation_settings(**values):
    stored = ModerationSettings.load()
    for field, value in values.items():
        setattr(stored, field, value)
    stored.save()
    return stored


def reload(obj):
    obj.refresh_from_db()
    return obj


def post_at(thread, position):
    return thread.posts.get(position=position)


def audited(kind, *, actor, reason, before=None, after=None, **targets):
    """The one audit row of this kind, checked field by field (targets: post=..., area=...)."""
    action = ModerationAction.objects.get(kind=kind)
    assert action.actor_id == (actor.pk if actor is not None else None)
    assert action.reason == reason
    assert action.before == (before or {})
    assert action.after == (after or {})
    for field, value in targets.items():
        expected = value.pk if value is not None else None
        assert getattr(action, f"{field}_id") == expected, field
    return action


def assert_told(member, action):
    """The member got one moderation notification about this act."""
    note = Notification.objects.get(recipient=member, kind=MODERATION, action=action)
    assert note.actor_id == action.actor_id
    assert (note.post_id, note.thread_id) == (action.post_id, action.thread_id)
    assert note.read_at is None
    return note


def moderation_notes(member):
    return Notification.objects.filter(recipient=member, kind=MODERATION)


def events(stream, kind):
    return list(Event.objects.filter(stream=stream, kind=kind).order_by("id"))


# --- Fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def other_area(db):
    return ProgramAreaFactory(slug="cybercrime", name_en="Cybercrime")


@pytest.fixture
def elsewhere(other_area):
    """A board in another program area."""
    return BoardFactory(area=other_area, slug="elsewhere", name_en="Elsewhere")


@pytest.fixture
def area_mod(area):
    return area_moderator("areamod", area)


@pytest.fixture
def third(db):
    return verified_member("third")


@pytest.fixture
def thread(boards, member, other_member):
    """member's thread in the public board, with two replies by other_member."""
    return thread_with_posts(
        board=boards["public"], author=member, replies=2, repliers=[other_member]
    )


# --- Scoped moderators ------------------------------------------------------------------------


def test_an_area_moderator_acts_on_the_boards_of_their_area(
    area, boards, area_mod, thread, other_member
):
    scope = moderation_scope(area_mod)
    assert scope == Scope(areas=frozenset({area.pk}), languages=None)
    assert not scope.is_site_wide
    assert all(moderates_board(area_mod, board) for board in boards.values())
    reply = post_at(thread, 2)

    acts.hide_post(actor=area_mod, post=reply, reason="Off topic for this board")

    assert reload(reply).state == State.HIDDEN
    action = audited(
        Kind.HIDE,
        actor=area_mod,
        reason="Off topic for this board",
        before={"state": State.PUBLISHED},
        after={"state": State.HIDDEN},
        post=reply,
        thread=thread,
        board=boards["public"],
        area=area,
        member=None,
    )
    assert_told(other_member, action)


def test_an_area_moderator_is_refused_outside_their_area_and_nothing_changes(
    area_mod, thread, elsewhere, member, other_member
):
    foreign = thread_with_posts(board=elsewhere, author=member, replies=1, repliers=[other_member])
    reply = post_at(foreign, 2)
    acts_elsewhere = [
        lambda: acts.hide_post(actor=area_mod, post=reply, reason="Off topic"),
        lambda: acts.approve_post(actor=area_mod, post=reply),
        lambda: acts.reject_post(actor=area_mod, post=reply, reason="Off topic"),
        lambda: acts.lock_thread(actor=area_mod, thread=foreign, reason="Heated"),
        lambda: acts.pin_thread(actor=area_mod, thread=foreign, reason="Important"),
        lambda: acts.move_thread(
            actor=area_mod, thread=foreign, board_id=thread.board_id, reason="Belongs here"
        ),
        lambda: acts.split_thread(
            actor=area_mod, thread=foreign, post_ids=[reply.pk], title="Side topic", reason="Split"
        ),
        lambda: acts.merge_threads(
            actor=area_mod, source=thread, target_id=foreign.pk, reason="Same topic"
        ),
        lambda: acts.merge_threads(
            actor=area_mod, source=foreign, target_id=thread.pk, reason="Same topic"
        ),
        lambda: edit_post(editor=area_mod, post=reply, body="Changed.", reason="Tidy"),
    ]
    events_before = Event.objects.count()

    for act in acts_elsewhere:
        with pytest.raises(PermissionDenied):
            act()

    assert not ModerationAction.objects.exists()
    assert not Notification.objects.filter(kind=MODERATION).exists()
    assert Event.objects.count() == events_before
    reply = reload(reply)
    assert (reply.state, reply.body_source, reply.edit_count) == (
        State.PUBLISHED,
        "Reply number 1.",
        0,
    )
    assert not PostRevision.objects.exists()
    foreign = reload(foreign)
    assert (foreign.is_locked, foreign.is_pinned, foreign.board_id) == (False, False, elsewhere.pk)
    assert (foreign.merged_into_id, reload(thread).merged_into_id) == (None, None)
    assert list(foreign.posts.values_list("position", flat=True).order_by("position")) == [1, 2]
    assert Thread.objects.count() == 2


def test_a_moderator_of_some_languages_acts_on_every_post_of_their_area(
    area, boards, elsewhere, thread, member
):
    es_mod = area_moderator("esmod", area, languages=["es"])
    foreign = thread_with_posts(board=elsewhere, author=member)

    assert moderation_scope(es_mod) == Scope(
        areas=frozenset({area.pk}), languages=frozenset({"es"})
    )
    acts.lock_thread(actor=es_mod, thread=thread, reason="Let it cool down")  # an English thread
    with pytest.raises(PermissionDenied):
        acts.lock_thread(actor=es_mod, thread=foreign, reason="Let it cool down")

    assert reload(thread).is_locked
    assert not reload(foreign).is_locked
    action = audited(
        Kind.LOCK,
        actor=es_mod,
        reason="Let it cool down",
        before={"is_locked": False},
        after={"is_locked": True},
        thread=thread,
        post=None,
        area=area,
    )
    assert_told(member, action)
    assert ModerationAction.objects.count() == 1


def test_a_changed_scope_shows_once_the_user_is_fetched_again(area, other_area, elsewhere, member):
    mod = area_moderator("areamod", area)
    foreign = thread_with_posts(board=elsewhere, author=member)
    assert not moderates_board(mod, elsewhere)

    Moderator.objects.get(user=mod).areas.add(other_area)
    with pytest.raises(PermissionDenied):  # the scope cached on this object is the old one
        acts.pin_thread(actor=mod, thread=foreign, reason="Read this first")
    assert not ModerationAction.objects.exists()

    mod = fresh(mod)
    acts.pin_thread(actor=mod, thread=foreign, reason="Read this first")

    assert moderation_scope(mod).areas == {area.pk, other_area.pk}
    assert reload(foreign).is_pinned
    action = audited(
        Kind.PIN,
        actor=mod,
        reason="Read this first",
        before={"is_pinned": False},
        after={"is_pinned": True},
        thread=foreign,
        area=other_area,
    )
    assert_told(member, action)


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


def test_a_new_members_first_reply_waits_for_approval(
    area, boards, member, other_member, moderator
):
    thread = thread_with_posts(board=boards["public"], author=other_member)
    moderation_settings(review_first_posts=1)
    assert needs_review(member, boards["public"])
    assert not needs_review(moderator, boards["public"])

    reply = post_reply(author=member, thread=thread, body="My first words on this forum.")

    assert reply.state == State.PENDING
    thread = reload(thread)
    assert (thread.reply_count, thread.post_count, thread.last_poster) == (0, 2, other_member)
    assert not Notification.objects.filter(recipient=other_member).exists()
    assert not events(f"thread:{thread.pk}", "post.created")
    [held] = events(f"moderation:{area.pk}", "queue.held")
    assert held.payload["post_id"] == reply.pk

    acts.approve_post(actor=moderator, post=reply)

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


# --- Locking, pinning, moving -----------------------------------------------------------------


def test_locking_toggles_and_a_second_identical_act_is_refused(
    boards, thread, member, other_member, moderator
):
    acts.lock_thread(actor=moderator, thread=thread, reason="Heated discussion")

    thread = reload(thread)
    assert thread.is_locked
    assert not permissions.can_reply(other_member, thread)
    assert permissions.can_reply(moderator, thread)
    locked = audited(
        Kind.LOCK,
        actor=moderator,
        reason="Heated discussion",
        before={"is_locked": False},
        after={"is_locked": True},
        thread=thread,
        post=None,
        board=boards["public"],
    )
    assert_told(member, locked)
    assert events(f"board:{thread.board_id}", "thread.locked")
    assert events(f"thread:{thread.pk}", "thread.locked")
    with pytest.raises(ModerationError):
        acts.lock_thread(actor=moderator, thread=thread, reason="Again")
    assert ModerationAction.objects.filter(kind=Kind.LOCK).count() == 1

    acts.lock_thread(actor=moderator, thread=thread, reason="Calmer now", locked=False)

    thread = reload(thread)
    assert not thread.is_locked
    assert permissions.can_reply(other_member, thread)
    unlocked = audited(
        Kind.UNLOCK,
        actor=moderator,
        reason="Calmer now",
        before={"is_locked": True},
        after={"is_locked": False},
        thread=thread,
    )
    assert_told(member, unlocked)
    assert events(f"thread:{thread.pk}", "thread.unlocked")
    with pytest.raises(ModerationError):
        acts.lock_thread(actor=moderator, thread=thread, reason="Again", locked=False)
    assert ModerationAction.objects.count() == 2
    assert moderation_notes(member).count() == 2


def test_pinning_toggles_and_a_second_identical_act_is_refused(
    boards, thread, member, other_member, moderator
):
    newer = thread_with_posts(board=boards["public"], author=other_member, title="A newer thread")
    assert list(selectors.board_threads(boards["public"])) == [newer, thread]

    acts.pin_thread(actor=moderator, thread=thread, reason="Guidance everyone needs")

    assert reload(thread).is_pinned
    assert list(selectors.board_threads(boards["public"])) == [thread, newer]
    pinned = audited(
        Kind.PIN,
        actor=moderator,
        reason="Guidance everyone needs",
        before={"is_pinned": False},
        after={"is_pinned": True},
        thread=thread,
    )
    assert_told(member, pinned)
    with pytest.raises(ModerationError):
        acts.pin_thread(actor=moderator, thread=thread, reason="Again")
    with pytest.raises(ModerationError):
        acts.pin_thread(actor=moderator, thread=thread, reason="")

    acts.pin_thread(actor=moderator, thread=thread, reason="Outdated", pinned=False)

    assert not reload(thread).is_pinned
    unpinned = audited(
        Kind.UNPIN,
        actor=moderator,
        reason="Outdated",
        before={"is_pinned": True},
        after={"is_pinned": False},
        thread=thread,
    )
    assert_told(member, unpinned)
    with pytest.raises(ModerationError):
        acts.pin_thread(actor=moderator, thread=thread, reason="Again", pinned=False)
    assert ModerationAction.objects.count() == 2


def test_moving_a_thread_to_another_board(area, boards, thread, member, moderator):
    origin, target = boards["public"], boards["members"]

    # "²" passes str.isdigit() but not int(); 2**63 is past any id (SQLite cannot bind it).
    for board_id in (999999, "999999", "abc", "-1", "²", 2**63, "9" * 25, None, origin.pk):
        with pytest.raises(ModerationError):
            acts.move_thread(actor=moderator, thread=thread, board_id=board_id, reason="Tidy")
    assert reload(thread).board_id == origin.pk
    assert not ModerationAction.objects.exists()

    acts.move_thread(actor=moderator, thread=thread, board_id=str(target.pk), reason="Tidy")

    assert reload(thread).board_id == target.pk
    assert thread in selectors.board_threads(target)
    assert thread not in selectors.board_threads(origin)
    action = audited(
        Kind.MOVE,
        actor=moderator,
        reason="Tidy",
        before={"board": origin.pk},
        after={"board": target.pk},
        thread=thread,
        board=origin,
        area=area,
    )
    assert_told(member, action)
    assert events(f"board:{origin.pk}", "thread.moved")
    assert events(f"board:{target.pk}", "thread.moved")
    assert events(f"thread:{thread.pk}", "thread.moved")


def test_moving_a_thread_to_another_area_is_logged_in_both(
    area, other_area, boards, elsewhere, thread, member, moderator
):
    acts.move_thread(actor=moderator, thread=thread, board_id=elsewhere.pk, reason="Cybercrime")

    assert reload(thread).board_id == elsewhere.pk
    rows = ModerationAction.objects.filter(kind=Kind.MOVE).order_by("pk")
    assert [(r.area_id, r.board_id) for r in rows] == [
        (area.pk, boards["public"].pk),
        (other_area.pk, elsewhere.pk),
    ]
    assert all(
        (r.before, r.after) == ({"board": boards["public"].pk}, {"board": elsewhere.pk})
        for r in rows
    )
    assert moderation_notes(member).count() == 1  # told once


def test_an_area_moderator_cannot_move_a_thread_out_of_their_area(
    area_mod, boards, thread, elsewhere, member
):
    with pytest.raises(PermissionDenied):
        acts.move_thread(actor=area_mod, thread=thread, board_id=elsewhere.pk, reason="Elsewhere")

    assert reload(thread).board_id == boards["public"].pk
    assert not ModerationAction.objects.exists()
    assert not moderation_notes(member).exists()


# --- Splitting and merging --------------------------------------------------------------------


def test_splitting_moves_chosen_replies_to_a_new_thread(boards, member, other_member, moderator):
    thread = thread_with_posts(
        board=boards["public"], author=member, replies=4, repliers=[other_member]
    )
    p1, p2, p3, p4, p5 = thread.posts.order_by("position")

    new = acts.split_thread(
        actor=moderator,
        thread=thread,
        post_ids=[str(p5.pk), p3.pk],
        title="Sentencing side discussion",
        reason="A separate topic",
    )

    new = reload(new)
    assert (new.board_id, new.title, new.author, new.held) == (
        thread.board_id,
        "Sentencing side discussion",
        other_member,
        False,
    )
    assert list(new.posts.order_by("position").values_list("pk", "position")) == [
        (p3.pk, 1),
        (p5.pk, 2),
    ]
    assert (new.post_count, new.reply_count, new.last_post_at) == (2, 1, reload(p5).created_at)
    thread = reload(thread)
    assert list(thread.posts.order_by("position").values_list("pk", "position")) == [
        (p1.pk, 1),
        (p2.pk, 2),
        (p4.pk, 4),
    ]
    assert thread.reply_count == 2
    assert (thread.last_post_at, thread.last_poster) == (p4.created_at, other_member)
    assert Subscription.objects.filter(user=other_member, thread=new).exists()
    assert set(selectors.board_threads(boards["public"])) == {thread, new}
    action = audited(
        Kind.SPLIT,
        actor=moderator,
        reason="A separate topic",
        before={"thread": thread.pk},
        after={"posts": [p3.pk, p5.pk], "to_thread": new.pk},
        thread=thread,
    )
    assert_told(member, action)
    [split] = events(f"thread:{thread.pk}", "thread.split")
    assert split.payload == {"posts": [p3.pk, p5.pk], "to_thread": new.pk}

    # The thread keeps handing out positions after its highest one.
    later = post_reply(author=other_member, thread=thread, body="Back on the main topic.")
    assert later.position == 5


def test_splitting_refuses_the_first_post_and_posts_of_other_threads(
    boards, thread, member, moderator
):
    other = thread_with_posts(
        board=boards["public"], author=member, replies=1, title="Another thread entirely"
    )
    first, reply, _last = thread.posts.order_by("position")
    foreign_reply = post_at(other, 2)
    refused = [
        ([first.pk], "Side topic"),
        ([first.pk, reply.pk], "Side topic"),
        ([foreign_reply.pk], "Side topic"),
        ([reply.pk, foreign_reply.pk], "Side topic"),
        ([], "Side topic"),
        (["abc"], "Side topic"),
        (["²"], "Side topic"),  # a digit to str.isdigit(), not to int()
        ([2**63, "9" * 25], "Side topic"),  # past any id
        ([reply.pk], "Side"),  # title too short
    ]

    for post_ids, title in refused:
        with pytest.raises(ModerationError):
            acts.split_thread(
                actor=moderator, thread=thread, post_ids=post_ids, title=title, reason="Split"
            )

    assert Thread.objects.count() == 2
    assert list(thread.posts.order_by("position").values_list("position", flat=True)) == [1, 2, 3]
    assert list(other.posts.values_list("position", flat=True)) == [1, 2]
    assert reload(thread).reply_count == 2
    assert not ModerationAction.objects.exists()


def test_merging_into_itself_or_a_missing_thread_is_refused(thread, moderator):
    for target_id in (thread.pk, str(thread.pk), 999999, "abc", "", "²", 2**63, "9" * 25):
        with pytest.raises(ModerationError):
            acts.merge_threads(actor=moderator, source=thread, target_id=target_id, reason="Dup")

    assert reload(thread).merged_into_id is None
    assert thread.posts.count() == 3
    assert not ModerationAction.objects.exists()


def test_merging_appends_the_source_posts_after_the_targets(
    boards, member, other_member, third, moderator
):
    board = boards["public"]
    target = thread_with_posts(board=board, author=other_member, replies=1, repliers=[member])
    source = thread_with_posts(
        board=board, author=member, replies=2, repliers=[other_member], title="The same question"
    )
    t1, t2 = target.posts.order_by("position")
    s1, s2, s3 = source.posts.order_by("position")
    assert Notification.objects.filter(recipient=member, post=s2, thread=source).exists()

    merged = acts.merge_threads(
        actor=moderator, source=source, target_id=str(target.pk), reason="Same topic"
    )

    assert merged == target
    target = reload(target)
    assert list(target.posts.order_by("position").values_list("pk", "position")) == [
        (t1.pk, 1),
        (t2.pk, 2),
        (s1.pk, 3),
        (s2.pk, 4),
        (s3.pk, 5),
    ]
    assert (target.post_count, target.reply_count) == (5, 4)
    assert target.last_post_at == s3.created_at
    source = reload(source)
    assert source.merged_into == target
    assert (source.reply_count, source.posts.count()) == (0, 0)
    assert list(selectors.board_threads(board)) == [target]
    assert Notification.objects.filter(recipient=member, post=s2, thread=target).exists()
    assert Subscription.objects.filter(user=member, thread=target).exists()
    assert not Subscription.objects.filter(thread=source).exists()
    action = audited(
        Kind.MERGE,
        actor=moderator,
        reason="Same topic",
        before={"thread": source.pk},
        after={"merged_into": target.pk, "posts": [s1.pk, s2.pk, s3.pk]},
        thread=source,
    )
    assert_told(member, action)

    with pytest.raises(ModerationError):  # the source again
        acts.merge_threads(actor=moderator, source=source, target_id=target.pk, reason="Again")
    lone = thread_with_posts(board=board, author=third, title="Yet another thread")
    with pytest.raises(ModerationError):  # a merged thread is no target any more
        acts.merge_threads(actor=moderator, source=lone, target_id=source.pk, reason="Again")
    assert ModerationAction.objects.count() == 1
    assert reload(lone).merged_into_id is None


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


# --- Members ----------------------------------------------------------------------------------


def test_verifying_a_pending_member(pending, moderator):
    assert not permissions.may_post(pending)

    profile = acts.decide_membership(actor=moderator, member=pending, verified=True)

    profile = reload(profile)
    assert (profile.verification, profile.verified_by) == (
        Profile.Verification.VERIFIED,
        moderator,
    )
    assert profile.verified_at is not None
    assert permissions.may_post(fresh(pending))
    action = audited(
        Kind.VERIFY,
        actor=moderator,
        reason="",
        before={"verification": Profile.Verification.PENDING},
        after={"verification": Profile.Verification.VERIFIED},
        member=pending,
        post=None,
        thread=None,
        area=None,
    )
    assert_told(pending, action)
    [settled] = events("moderation:0", "queue.settled")
    assert settled.payload["member_id"] == pending.pk

    with pytest.raises(ModerationError):  # deciding twice
        acts.decide_membership(actor=moderator, member=pending, verified=False, reason="No")
    assert reload(profile).verification == Profile.Verification.VERIFIED
    assert ModerationAction.objects.count() == 1


def test_rejecting_a_membership_needs_a_reason(pending, moderator):
    with pytest.raises(ModerationError):
        acts.decide_membership(actor=moderator, member=pending, verified=False, reason=" ")
    assert Profile.objects.get(user=pending).verification == Profile.Verification.PENDING
    assert not ModerationAction.objects.exists()

    acts.decide_membership(
        actor=moderator, member=pending, verified=False, reason="Not a prosecutor."
    )

    profile = Profile.objects.get(user=pending)
    assert (profile.verification, profile.verification_note) == (
        Profile.Verification.REJECTED,
        "Not a prosecutor.",
    )
    action = audited(
        Kind.REJECT_MEMBER,
        actor=moderator,
        reason="Not a prosecutor.",
        before={"verification": Profile.Verification.PENDING},
        after={"verification": Profile.Verification.REJECTED},
        member=pending,
    )
    assert_told(pending, action)
    assert not permissions.may_post(fresh(pending))

    with pytest.raises(ModerationError):
        acts.decide_membership(actor=moderator, member=pending, verified=True)
    assert ModerationAction.objects.count() == 1


def test_only_site_moderators_decide_on_memberships_and_suspensions(
    area_mod, pending, other_member
):
    until = timezone.now() + timedelta(days=1)

    with pytest.raises(PermissionDenied):
        acts.decide_membership(actor=area_mod, member=pending, verified=True)
    with pytest.raises(PermissionDenied):
        acts.suspend_member(actor=area_mod, member=other_member, until=until, reason="Rude")
    with pytest.raises(PermissionDenied):
        acts.lift_suspension(actor=area_mod, member=other_member, reason="Fine")

    assert Profile.objects.get(user=pending).verification == Profile.Verification.PENDING
    assert not Profile.objects.get(user=other_member).is_suspended
    assert not ModerationAction.objects.exists()
    assert not Notification.objects.filter(kind=MODERATION).exists()


def test_any_moderator_warns_a_member(area_mod, moderator, member, other_member, staff):
    action = acts.warn_member(actor=area_mod, member=member, reason="Mind your tone.")

    assert (
        audited(
            Kind.WARN,
            actor=area_mod,
            reason="Mind your tone.",
            member=member,
            post=None,
            thread=None,
            area=None,
        )
        == action
    )
    assert_told(member, action)
    assert permissions.may_post(fresh(member))  # a warning changes nothing else

    with pytest.raises(PermissionDenied):
        acts.warn_member(actor=other_member, member=member, reason="Mind your tone.")
    with pytest.raises(ModerationError):
        acts.warn_member(actor=moderator, member=member, reason="  ")
    with pytest.raises(ModerationError):
        acts.warn_member(actor=moderator, member=moderator, reason="Myself")
    with pytest.raises(ModerationError):
        acts.warn_member(actor=moderator, member=staff, reason="The admin")
    assert ModerationAction.objects.count() == 1
    assert moderation_notes(member).count() == 1


def test_a_suspended_member_reads_but_cannot_post_until_it_is_lifted(
    boards, thread, other_member, moderator
):
    until = timezone.now() + timedelta(days=3)

    acts.suspend_member(actor=moderator, member=other_member, until=until, reason="Insults")

    member = fresh(other_member)
    assert member.profile.suspended_until == until
    assert member.profile.suspension_reason == "Insults"
    assert permissions.is_suspended(member)
    assert not permissions.may_post(member)
    assert not permissions.can_reply(member, thread)
    assert not permissions.can_start_thread(member, boards["public"])
    assert not permissions.can_flag(member, post_at(thread, 1))
    assert permissions.can_see_board(member, boards["members"])
    with pytest.raises(PermissionDenied):
        permissions.check_reply(member, thread)
    # The services ask the policy too (a reply sent after the suspension, from an open page).
    with pytest.raises(PermissionDenied, match="suspended"):
        post_reply(author=member, thread=thread, body="Written before I was suspended.")
    with pytest.raises(PermissionDenied, match="suspended"):
        start_thread(author=member, board=boards["public"], title="New thread", body="Text.")
    assert Post.objects.filter(author=member).count() == 2  # its two earlier replies only
    suspended = audited(
        Kind.SUSPEND,
        actor=moderator,
        reason="Insults",
        before={},
        after={"suspended_until": until.isoformat()},
        member=other_member,
        area=None,
    )
    assert_told(other_member, suspended)
    [event] = events(f"user:{other_member.pk}", "account.suspended")
    assert event.payload == {"until": until.isoformat()}

    with pytest.raises(ModerationError):  # suspending twice
        acts.suspend_member(actor=moderator, member=member, until=until, reason="Again")
    assert ModerationAction.objects.filter(kind=Kind.SUSPEND).count() == 1

    acts.lift_suspension(actor=moderator, member=member, reason="Apologised")

    member = fresh(other_member)
    assert permissions.may_post(member)
    assert permissions.can_reply(member, thread)
    assert (member.profile.suspended_until, member.profile.suspension_reason) == (None, "")
    lifted = audited(
        Kind.LIFT,
        actor=moderator,
        reason="Apologised",
        before={"suspended_until": until.isoformat()},
        after={},
        member=other_member,
    )
    assert_told(other_member, lifted)
    assert events(f"user:{other_member.pk}", "account.restored")

    with pytest.raises(ModerationError):  # lifting when not suspended
        acts.lift_suspension(actor=moderator, member=member, reason="Again")
    assert ModerationAction.objects.count() == 2


def test_suspensions_that_cannot_be(moderator, member, staff):
    future = timezone.now() + timedelta(days=1)
    refused = [
        (moderator, future, "Myself"),  # oneself
        (staff, future, "The admin"),  # a superuser
        (member, timezone.now() - timedelta(minutes=1), "In the past"),
        (member, timezone.now(), "Right now"),
        (member, None, "No end"),
        (member, future, ""),  # no reason
    ]

    for target, until, reason in refused:
        with pytest.raises(ModerationError):
            acts.suspend_member(actor=moderator, member=target, until=until, reason=reason)

    assert not ModerationAction.objects.exists()
    assert not Notification.objects.filter(kind=MODERATION).exists()
    assert permissions.may_post(fresh(member))
    assert not Event.objects.filter(kind="account.suspended").exists()


# --- The audit log ----------------------------------------------------------------------------


def test_the_moderation_log_is_append_only(moderator, member):
    action = acts.warn_member(actor=moderator, member=member, reason="Mind your tone.")

    action.reason = "Rewritten history"
    with pytest.raises(ValueError, match="append-only"):
        action.save()
    with pytest.raises(ValueError, match="append-only"):
        action.delete()
    with pytest.raises(ValueError, match="append-only"):
        ModerationAction.objects.filter(pk=action.pk).update(reason="Rewritten in bulk")
    with pytest.raises(ValueError, match="append-only"):
        ModerationAction.objects.all().delete()

    stored = ModerationAction.objects.get()
    assert (stored.pk, stored.reason) == (action.pk, "Mind your tone.")


def test_a_moderator_acting_on_their_own_post_is_logged_but_not_notified(boards, member, moderator):
    thread = thread_with_posts(
        board=boards["public"], author=member, replies=1, repliers=[moderator]
    )
    own = post_at(thread, 2)

    acts.hide_post(actor=moderator, post=own, reason="Posted in the wrong thread")

    audited(
        Kind.HIDE,
        actor=moderator,
        reason="Posted in the wrong thread",
        before={"state": State.PUBLISHED},
        after={"state": State.HIDDEN},
        post=own,
    )
    assert not Notification.objects.filter(kind=MODERATION).exists()


def run_at_once(*actions):
    """Run the actions in threads released together; return what each returned or raised."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(n, action):
        try:
            barrier.wait(timeout=10)
            outcomes[n] = action()
        except Exception as exc:  # noqa: BLE001 - the outcome is asserted by the caller
            outcomes[n] = exc
        finally:
            connection.close()

    workers = [threading.Thread(target=run, args=(n, a)) for n, a in enumerate(actions)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_moderators_hiding_one_post_at_once_hide_it_once(boards, member, moderator):
    second = verified_member("second-moderator")
    second.user_permissions.add(Permission.objects.get(codename="moderate"))
    second = get_user_model().objects.get(pk=second.pk)
    reply = post_at(thread_with_posts(board=boards["public"], author=member, replies=1), 2)

    outcomes = run_at_once(
        lambda: acts.hide_post(actor=moderator, post=reply, reason="First look"),
        lambda: acts.hide_post(actor=second, post=reply, reason="Second look"),
    )

    assert sorted(type(o).__name__ for o in outcomes) == ["ModerationError", "Post"]
    assert ModerationAction.objects.filter(kind=Kind.HIDE).count() == 1
    reply.thread.refresh_from_db()
    assert reply.thread.reply_count == 0  # counted down once, not twice


@pytest.mark.django_db(transaction=True)
def test_an_edit_and_a_split_of_the_same_thread_at_once_both_land(boards, member, moderator):
    thread = thread_with_posts(board=boards["public"], author=member, replies=2)
    reply = post_at(thread, 3)

    outcomes = run_at_once(
        lambda: edit_post(editor=member, post=reply, body="Edited while it moved away."),
        lambda: acts.split_thread(
            actor=moderator, thread=thread, post_ids=[reply.pk], title="Split off", reason="Aside"
        ),
    )

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    reply.refresh_from_db()
    assert reply.body_source == "Edited while it moved away."
    assert reply.thread.title == "Split off"
