"""Moderation acts on threads: locking, pinning, moving, splitting and merging."""

import pytest
from django.core.exceptions import PermissionDenied

from forum import permissions, selectors
from forum.models import (
    ModerationAction,
    Notification,
    Subscription,
    Thread,
)
from forum.services import moderation as acts
from forum.services.moderation import ModerationError
from forum.services.posting import post_reply
from forum.worker import run_ready
from tests.factories import thread_with_posts
from tests.forum.moderation_helpers import (
    Kind,
    assert_told,
    audited,
    events,
    moderation_notes,
    post_at,
    reload,
)

pytestmark = pytest.mark.django_db


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
    assert list(other.posts.order_by("position").values_list("position", flat=True)) == [1, 2]
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
    run_ready()  # the worker tells the thread's watchers
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
