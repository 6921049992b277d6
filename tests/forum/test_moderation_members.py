"""Moderation acts on members: memberships, warnings and suspensions."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from forum import permissions
from forum.models import (
    Event,
    ModerationAction,
    Notification,
    Post,
    Profile,
)
from forum.services import moderation as acts
from forum.services.moderation import ModerationError
from forum.services.posting import post_reply, start_thread
from tests.forum.moderation_helpers import (
    MODERATION,
    Kind,
    assert_told,
    audited,
    events,
    fresh,
    moderation_notes,
    post_at,
    reload,
)

pytestmark = pytest.mark.django_db


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
