"""Changing a thread's title: its author within a day, the board's moderators at any time.

One transaction: the old title kept (ThreadTitleRevision, the history any reader of the thread
may see), the new one written, the stamps moved (every list and page showing it), its stored
translations dropped (made again in the readers' languages), an audit row, and the live event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from forum import limits
from forum.models import ModerationAction, Post, Thread, ThreadTitleRevision, ThreadTitleTranslation
from forum.permissions import check_retitle, moderates_board
from forum.realtime import kinds
from forum.realtime.events import thread_event
from forum.search import queue as search_queue
from forum.search.documents import POST
from forum.services.moderation.audit import ModerationError, _locked_thread, _record
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def retitle_thread(*, actor: Member, thread: Thread, title: str, reason: str = "") -> Thread:
    title = " ".join((title or "").split())
    if not (limits.TITLE_MIN_LENGTH <= len(title) <= limits.TITLE_MAX_LENGTH):
        raise ModerationError(
            _("A title needs %(min)d to %(max)d characters.")
            % {"min": limits.TITLE_MIN_LENGTH, "max": limits.TITLE_MAX_LENGTH}
        )
    with transaction.atomic():
        current = _locked_thread(thread)
        check_retitle(actor, current)
        if current.title == title:
            raise ModerationError(_("The title is unchanged."))
        ThreadTitleRevision.objects.create(thread=current, title=current.title, edited_by=actor)
        before = current.title
        current.title = title
        current.changed_at = stamp()
        current.save(update_fields=["title", "changed_at"])
        stamp(boards=[current.board_id], at=current.changed_at)
        ThreadTitleTranslation.objects.filter(thread=current).delete()
        reason = reason.strip() or (
            _("Changed by its author.") if actor.pk == current.author_id else ""
        )
        if not reason and moderates_board(actor, current.board):
            reason = _("Changed by a moderator.")
        _record(
            ModerationAction.Kind.RETITLE,
            actor=actor,
            thread=current,
            reason=reason,
            before={"title": before},
            after={"title": title},
            notify=None if actor.pk == current.author_id else current.author,
        )
        # Search shows the title with each post: the thread's posts are indexed again.
        post_ids = list(Post.objects.filter(thread=current).values_list("pk", flat=True))
        search_queue.schedule(POST, post_ids)
        thread_event(current, kinds.THREAD_UPDATED, also_thread_stream=True)
    return current
