"""Acts on members: decide a membership, warn, suspend and lift it, remove a picture."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import ModerationAction, Profile
from forum.permissions import check_site_moderator, is_moderator
from forum.realtime import kinds, streams
from forum.realtime.events import publish_event, queue_event
from forum.services.members import touch_pages_showing
from forum.services.moderation.audit import Kind, ModerationError, _reason, _record
from forum.uploads import delete_file_on_commit

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def _locked_profile(member: Member) -> Profile:
    profile, _created = Profile.objects.select_for_update().get_or_create(
        user=member, defaults={"display_name": member.get_username()}
    )
    return profile


def _check_member_target(actor: Member, member: Member) -> None:
    if member.pk == actor.pk:
        raise ModerationError(_("You cannot do this to your own account."))
    if member.is_superuser:
        raise ModerationError(_("Administrators cannot be warned or suspended."))


def decide_membership(
    *, actor: Member, member: Member, verified: bool, reason: str = ""
) -> Profile:
    """Verify or reject a pending member, with the reason they are told (site moderators)."""
    from forum.services.members import mark_verified

    check_site_moderator(actor)
    reason = _reason(reason, required=not verified)
    with transaction.atomic():
        profile = _locked_profile(member)
        if profile.verification != Profile.Verification.PENDING:
            raise ModerationError(_("Someone already decided on this membership."))
        if verified:
            mark_verified(profile, moderator=actor)
        else:
            profile.verification = Profile.Verification.REJECTED
        profile.verification_note = reason
        profile.save(update_fields=["verification", "verification_note"])
        _record(
            Kind.VERIFY if verified else Kind.REJECT_MEMBER,
            actor=actor,
            member=member,
            reason=reason,
            before={"verification": Profile.Verification.PENDING},
            after={"verification": profile.verification},
            notify=member,
        )
        queue_event(area_id=None, kind=kinds.QUEUE_SETTLED, member_id=member.pk)
    return profile


def warn_member(*, actor: Member, member: Member, reason: str) -> ModerationAction:
    """A warning on the record, sent to the member (any moderator)."""
    reason = _reason(reason)
    if not is_moderator(actor):
        raise PermissionDenied(_("Only moderators may do this."))
    _check_member_target(actor, member)
    with transaction.atomic():
        return _record(Kind.WARN, actor=actor, member=member, reason=reason, notify=member)


def suspend_member(*, actor: Member, member: Member, until: datetime, reason: str) -> Profile:
    """Until ``until`` the member reads but cannot post; their open pages stop offering to."""
    check_site_moderator(actor)
    reason = _reason(reason)
    _check_member_target(actor, member)
    if until is None or until <= timezone.now():
        raise ModerationError(_("A suspension ends in the future."))
    with transaction.atomic():
        profile = _locked_profile(member)
        if profile.is_suspended:
            raise ModerationError(_("This member is already suspended: lift it first."))
        profile.suspended_until, profile.suspension_reason = until, reason
        profile.save(update_fields=["suspended_until", "suspension_reason"])
        _record(
            Kind.SUSPEND,
            actor=actor,
            member=member,
            reason=reason,
            after={"suspended_until": until.isoformat()},
            notify=member,
        )
        publish_event(
            stream=streams.user(member.pk),
            kind=kinds.ACCOUNT_SUSPENDED,
            payload={"until": until.isoformat()},
        )
    return profile


def lift_suspension(*, actor: Member, member: Member, reason: str) -> Profile:
    check_site_moderator(actor)
    reason = _reason(reason)
    with transaction.atomic():
        profile = _locked_profile(member)
        until = profile.suspended_until
        if until is None or not profile.is_suspended:
            raise ModerationError(_("This member is not suspended."))
        before = until.isoformat()
        profile.suspended_until, profile.suspension_reason = None, ""
        profile.save(update_fields=["suspended_until", "suspension_reason"])
        _record(
            Kind.LIFT,
            actor=actor,
            member=member,
            reason=reason,
            before={"suspended_until": before},
            notify=member,
        )
        publish_event(stream=streams.user(member.pk), kind=kinds.ACCOUNT_RESTORED, payload={})
    return profile


def remove_picture(*, actor: Member, member: Member, reason: str) -> Profile:
    """Remove a member's picture (an offensive one): it shows in every area, so site moderators
    only. The file goes once committed; visitors' cached pages that showed it are refreshed."""
    check_site_moderator(actor)
    reason = _reason(reason)
    if member.pk == actor.pk:
        raise ModerationError(_("You cannot do this to your own account."))
    if member.is_superuser:
        raise ModerationError(_("An administrator's picture cannot be removed here."))
    with transaction.atomic():
        profile = _locked_profile(member)
        if not profile.avatar:
            raise ModerationError(_("This member has no picture: nothing to remove."))
        stored = profile.avatar.name
        delete_file_on_commit(profile.avatar.storage, stored)
        profile.avatar = ""
        profile.save(update_fields=["avatar"])
        touch_pages_showing(member=member, name=False)
        _record(
            Kind.REMOVE_AVATAR,
            actor=actor,
            member=member,
            reason=reason,
            before={"avatar": stored},
            notify=member,
        )
    return profile
