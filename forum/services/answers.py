"""Solved questions: a thread marked a question, and the reply its author or a moderator
accepts as its answer (shown under the question and in the lists, "unsolved" filters).

Each change is one transaction: the thread's row locked, the answer written, the stamps moved
(its pages and its board's lists drawn again), an audit row when a moderator acts in someone
else's question, the answer's author told, and ``thread.solved`` sent live.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import ModerationAction, Notification, Post, Thread
from forum.permissions import check_accept, check_retitle
from forum.realtime import kinds
from forum.realtime.events import thread_event
from forum.services.locking import lock_post
from forum.services.moderation.audit import ModerationError, _locked_thread, _record
from forum.services.notifications import tell_member
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def accept_answer(*, actor: Member, post: Post, accept: bool = True) -> Thread:
    """Accept ``post`` as its question's answer (replacing any other), or take it back."""
    with transaction.atomic():
        current = lock_post(post)
        thread = current.thread
        check_accept(actor, current)
        if accept and thread.accepted_answer_id == current.pk:
            raise ModerationError(_("This reply is the accepted answer already."))
        if not accept and thread.accepted_answer_id != current.pk:
            raise ModerationError(_("This reply is not the accepted answer."))
        thread.accepted_answer = current if accept else None
        thread.accepted_by = actor if accept else None
        thread.accepted_at = timezone.now() if accept else None
        thread.changed_at = stamp()
        thread.save(update_fields=["accepted_answer", "accepted_by", "accepted_at", "changed_at"])
        stamp(boards=[thread.board_id], at=thread.changed_at)
        if actor.pk != thread.author_id:  # a moderator in someone else's question
            _record(
                ModerationAction.Kind.ACCEPT if accept else ModerationAction.Kind.UNACCEPT,
                actor=actor,
                post=current,
                thread=thread,
                reason=_("Chosen by a moderator."),
            )
        if accept and current.author_id != actor.pk:
            _tell_the_answers_author(current)
        thread_event(thread, kinds.THREAD_SOLVED, also_thread_stream=True)
    return thread


def _tell_the_answers_author(post: Post) -> None:
    told = Notification.objects.filter(recipient_id=post.author_id, post=post)
    if told.exists():  # once per post (an answer accepted, taken back and accepted again)
        return
    tell_member(post.author_id, Notification.Kind.ACCEPTED, post=post)


def mark_question(*, actor: Member, thread: Thread, is_question: bool) -> Thread:
    """Mark the thread a question or not (who may change its title may); not a question any
    more, it loses its accepted answer."""
    with transaction.atomic():
        current = _locked_thread(thread)
        check_retitle(actor, current)
        if current.is_question == is_question:
            return current
        current.is_question = is_question
        fields = ["is_question", "changed_at"]
        if not is_question:
            current.accepted_answer = current.accepted_by = current.accepted_at = None
            fields += ["accepted_answer", "accepted_by", "accepted_at"]
        current.changed_at = stamp()
        current.save(update_fields=fields)
        stamp(boards=[current.board_id], at=current.changed_at)
        thread_event(current, kinds.THREAD_SOLVED, also_thread_stream=True)
    return current


def forget_answers(post_ids: Iterable[int]) -> None:
    """Posts that stop being readable by all (hidden, deleted, split off) stop being their
    thread's answer, in the caller's transaction; restoring one does not make it the answer
    again."""
    Thread.objects.filter(accepted_answer_id__in=list(post_ids)).update(
        accepted_answer=None, accepted_by=None, accepted_at=None
    )
