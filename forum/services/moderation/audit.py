"""Recording an act: the audit row, the reason it carries, and what every act shares.

Every act is one transaction: it locks the row it changes, checks that the change still
applies (two moderators acting on one item at once: the second is told it was done already),
writes the change, one ``ModerationAction`` row, the notification of the member concerned,
and the events live pages and queues need. Scope is checked here as well as in the views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from forum import limits
from forum.models import Board, ModerationAction, Post, Thread
from forum.services.notifications import notify_moderation

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member

Kind = ModerationAction.Kind


class ModerationError(Exception):
    """The act does not apply (done already, bad target, ...): nothing was changed."""


def _reason(reason: str, *, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ModerationError(_("Give a reason: the member concerned is told it."))
    if len(reason) > limits.REASON_MAX_LENGTH:
        raise ModerationError(
            _("Keep the reason under %(count)d characters.") % {"count": limits.REASON_MAX_LENGTH}
        )
    return reason


def _record(
    kind: str,
    *,
    actor: Member | None,
    reason: str,
    post: Post | None = None,
    thread: Thread | None = None,
    member: Member | None = None,
    board: Board | None = None,
    before: dict | None = None,
    after: dict | None = None,
    notify: Member | None = None,
) -> ModerationAction:
    """Append the audit row; tell ``notify`` (a member) about it, with the reason."""
    if thread is None and post is not None:
        thread = post.thread
    if board is None and thread is not None:
        board = thread.board
    action = ModerationAction.objects.create(
        actor=actor,
        kind=kind,
        member=member,
        post=post,
        thread=thread,
        board=board,
        area_id=board.area_id if board else None,
        reason=reason,
        before=before or {},
        after=after or {},
    )
    if notify is not None and (actor is None or notify.pk != actor.pk):
        notify_moderation(action, recipient=notify)
    return action


def _locked_thread(thread: Thread) -> Thread:
    return Thread.objects.select_for_update(of=("self",)).select_related("board").get(pk=thread.pk)
