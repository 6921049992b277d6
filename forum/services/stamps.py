"""Change stamps: the one place that moves a thread's or a board's ``changed_at``.

Visitors' thread and board pages are cached, keyed on these stamps (forum/caching.py): a write
that changes what such a page shows and does not move its stamp leaves visitors reading the
old page for up to an hour. So every writer calls ``stamp`` with what it changed. One write
does not move its thread's stamp: a reply added at the end (services/posting.py), which a
thread's pages see through its post count (forum/fragments.py ``page_version``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from forum.caching import bump_activity_version
from forum.models import Board, Thread

Rows = Iterable[Model | int] | QuerySet


def stamp(*, threads: Rows = (), boards: Rows = (), at: datetime | None = None) -> datetime:
    """Move the change stamps of these threads, then these boards, to ``at`` (default: now).

    Each is given as instances, ids, or a queryset of ids (a subquery, however many rows it
    names); one UPDATE per table, none for a table given nothing, in the caller's transaction.
    Returns the moment, so that a writer saving the thread's row with other fields anyway
    writes the same moment in that save (``thread.changed_at = stamp()``, nothing given: it
    only returns the moment) and then stamps the board with ``at=``, without a second UPDATE.
    Threads go before boards: the order every writer takes their rows in.
    """
    moment = at or timezone.now()
    for model, rows in ((Thread, threads), (Board, boards)):
        if isinstance(rows, QuerySet):
            model.objects.filter(pk__in=rows).update(changed_at=moment)
        else:
            ids = {row.pk if isinstance(row, Model) else row for row in rows}
            if not ids:
                continue
            model.objects.filter(pk__in=ids).update(changed_at=moment)
        if model is Board:
            # The visitors' lists of boards (forum/activity.py) are drawn again once committed.
            transaction.on_commit(bump_activity_version)
    return moment
