"""Tags on threads (forum/models/tags.py): a thread's tags changed by whoever may change its
title, and the tags with how many threads the reader may read carry each."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from forum import limits
from forum.models import Tag, Thread
from forum.permissions import User, check_retitle, readable_threads_q, visible_boards
from forum.selectors import listed_threads
from forum.services.moderation.audit import ModerationError, _locked_thread
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def set_tags(*, actor: Member, thread: Thread, tags: Iterable[Tag]) -> Thread:
    chosen = list(tags)
    if len(chosen) > limits.TAGS_PER_THREAD:
        raise ModerationError(
            _("Choose at most %(count)d tags.") % {"count": limits.TAGS_PER_THREAD}
        )
    with transaction.atomic():
        current = _locked_thread(thread)
        check_retitle(actor, current)
        if {tag.pk for tag in chosen} == set(current.tags.values_list("pk", flat=True)):
            return current
        current.tags.set(chosen)
        current.changed_at = stamp()
        current.save(update_fields=["changed_at"])
        stamp(boards=[current.board_id], at=current.changed_at)
    return current


def tags_with_counts(user: User) -> QuerySet[Tag]:
    """Every tag, with how many threads the user may read carry it (one query)."""
    readable = listed_threads(Thread.objects.filter(board__in=visible_boards(user))).filter(
        readable_threads_q(user)
    )
    return Tag.objects.annotate(
        count=Count("threads", filter=Q(threads__in=readable.values("pk")), distinct=True)
    ).order_by("slug")
