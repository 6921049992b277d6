"""Legal holds: staff place one on a thread, a board or a member, with a reason, and lift it
with a reason; both acts are rows of the audit log. While a hold is in force nothing it covers
is deleted or anonymized: a post's deletion (its author's own) hides it instead, and a member
who closes their account is anonymized only once no hold covers it (docs/decisions.md)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits
from forum.models import Board, LegalHold, ModerationAction, Post, Profile, Thread
from forum.permissions import can_keep_records
from forum.services.moderation.audit import _record

Kind = ModerationAction.Kind


class HoldError(ValueError):
    """The hold cannot be placed or lifted as asked; the message says why."""


def in_force():
    return LegalHold.objects.filter(lifted_at__isnull=True)


def post_is_held(post: Post) -> bool:
    """A hold on the post's thread, its board or its author."""
    return (
        in_force()
        .filter(
            Q(thread_id=post.thread_id)
            | Q(board_id=post.thread.board_id)
            | Q(member_id=post.author_id)
        )
        .exists()
    )


def member_is_held(member) -> bool:
    """A hold on the member, or on a thread or board holding a post of theirs (anonymizing the
    account would change how those posts are signed)."""
    return (
        in_force()
        .filter(
            Q(member_id=member.pk)
            | Q(thread__posts__author_id=member.pk)
            | Q(board__threads__posts__author_id=member.pk)
        )
        .exists()
    )


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise HoldError(_("Give the reason for the hold: it is kept in the audit log."))
    if len(reason) > limits.REASON_MAX_LENGTH:
        raise HoldError(
            _("Keep the reason under %(count)d characters.") % {"count": limits.REASON_MAX_LENGTH}
        )
    return reason


def _check_staff(actor) -> None:
    if not can_keep_records(actor):
        raise HoldError(_("Legal holds are placed and lifted by staff."))


def place_hold(
    *,
    actor,
    reason: str,
    thread: Thread | None = None,
    board: Board | None = None,
    member=None,
) -> LegalHold:
    _check_staff(actor)
    reason = _reason(reason)
    if [thread, board, member].count(None) != 2:
        raise HoldError(_("A hold is on one thread, one board or one member."))
    with transaction.atomic():
        hold = LegalHold.objects.create(
            thread=thread, board=board, member=member, reason=reason, placed_by=actor
        )
        # Not told to the member: a hold is kept from those it covers.
        _record(
            Kind.HOLD,
            actor=actor,
            reason=reason,
            thread=thread,
            board=board,
            member=member,
            after={"hold": hold.pk},
        )
    return hold


def lift_hold(*, actor, hold_id: int, reason: str) -> LegalHold:
    """Lift a hold in force; then every account whose closing it kept is anonymized, in the
    same transaction, unless another hold still covers it."""
    _check_staff(actor)
    reason = _reason(reason)
    from forum.services.privacy import anonymize

    with transaction.atomic():
        hold = in_force().select_for_update().filter(pk=hold_id).first()
        if hold is None:
            raise HoldError(
                _("There is no such hold in force: it does not exist, or it was lifted already.")
            )
        hold.lifted_by, hold.lifted_at, hold.lift_reason = actor, timezone.now(), reason
        hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
        _record(
            Kind.LIFT_HOLD,
            actor=actor,
            reason=reason,
            thread=hold.thread,
            board=hold.board,
            member=hold.member,
            before={"hold": hold.pk},
        )
        waiting = Profile.objects.filter(
            deletion_requested_at__isnull=False, deleted_at__isnull=True
        )
        for profile in waiting.select_related("user"):
            if not member_is_held(profile.user):
                anonymize(profile.user)
    return hold


def keep_post(*, actor, post: Post) -> None:
    """A deletion under a hold: the post is hidden instead (called with the post locked)."""
    before = post.state
    post.state = Post.State.HIDDEN
    post.save(update_fields=["state"])
    _record(
        Kind.KEPT,
        actor=actor,
        reason=_("Deleted while a legal hold keeps it: hidden instead."),
        post=post,
        before={"state": before},
        after={"state": Post.State.HIDDEN},
    )


def close_under_hold(member) -> None:
    """A member deletes their account while a hold covers it: closed at once (no sign-in, their
    sessions and sockets end), anonymized when the last hold covering it is lifted."""
    from forum.realtime.accounts import close_sockets_of
    from forum.services.privacy import _end_sessions

    Profile.objects.filter(user=member).update(deletion_requested_at=timezone.now())
    member.is_active = False  # ends the membership everywhere is_member() asks
    member.save(update_fields=["is_active"])
    _end_sessions(member)
    close_sockets_of(member.pk)
    _record(
        Kind.KEPT,
        actor=member,
        member=member,
        reason=_(
            "Account closed by its member while a legal hold keeps it: anonymized once lifted."
        ),
    )
