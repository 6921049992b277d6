"""What every moderation act shares: the moderator's scope, the audit log, two acts at once."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection

from forum.models import (
    Event,
    ModerationAction,
    Moderator,
    Notification,
    PostRevision,
    Thread,
)
from forum.permissions import Scope, moderates_board, moderation_scope
from forum.services import moderation as acts
from forum.services.posting import edit_post
from tests.factories import thread_with_posts, verified_member
from tests.forum.moderation_helpers import (
    MODERATION,
    Kind,
    State,
    area_moderator,
    assert_told,
    audited,
    fresh,
    post_at,
    reload,
)

pytestmark = pytest.mark.django_db


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
