"""Keeping the index true: pending updates are rows written with the change, drained after it.

``schedule`` is called inside the writer's transaction (by forum.search.signals): it adds queue
rows and, once the transaction commits, enqueues the ``drain_search_queue`` task (django-tasks).
``drain`` brings the index up to date with the objects' state at that moment, so the order and
number of changes do not matter. When the engine fails the rows stay, with a growing delay
(``retry_delay``), and the next drain takes them: each later write's, and the one the task
worker's schedule enqueues every 30 s while some row is due (forum/worker/schedule.py). A
rolled-back write leaves no rows; an engine outage delays updates and loses none.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

BATCH = 500
KEEP_DONE = timedelta(days=1)  # done rows a reindex may need to replay
MAX_RETRY_DELAY = 600


def retry_delay(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s ... at most 10 minutes between tries."""
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY))


def schedule(source: str, object_ids: Iterable[int]) -> None:
    """Queue these objects' index update; drained once the current transaction commits."""
    from forum.models import SearchQueueItem

    ids = sorted(set(object_ids))
    if not ids:
        return
    SearchQueueItem.objects.bulk_create(
        [SearchQueueItem(source=source, object_id=object_id) for object_id in ids]
    )
    # run_on_commit holds (savepoint ids, callback, robust) triples: schedule one drain each.
    if not any(entry[1] is _drain_soon for entry in connection.run_on_commit):
        transaction.on_commit(_drain_soon, robust=True)


def _drain_soon() -> None:
    from forum.tasks import drain_search_queue

    drain_search_queue.enqueue()


@dataclass
class DrainReport:
    indexed: int = 0  # objects brought up to date
    failed: int = 0  # objects left for a later try
    error: str = ""


def drain(*, engine=None, limit: int | None = None) -> DrainReport:
    """Apply every due update, a batch at a time, until none is left or the engine fails."""
    from forum.search.engines import get_engine

    engine = engine or get_engine()
    report = DrainReport()
    while limit is None or report.indexed < limit:
        done, failed, error = _drain_batch(engine)
        report.indexed += done
        report.failed += failed
        if error:
            report.error = error
            break
        if not done:
            break
    return report


def _drain_batch(engine) -> tuple[int, int, str]:
    from forum.models import SearchIndexState, SearchQueueItem
    from forum.search.documents import docs_for

    now = timezone.now()
    with transaction.atomic():
        SearchIndexState.locked()  # one writer to the index at a time, so none writes stale
        items = list(
            SearchQueueItem.objects.filter(done_at__isnull=True, next_attempt_at__lte=now)
            .order_by("pk")
            .values_list("pk", "source", "object_id", "attempts")[:BATCH]
        )
        if not items:
            return 0, 0, ""
        keys = {(source, object_id) for _pk, source, object_id, _attempts in items}
        try:
            with transaction.atomic():  # a savepoint: a database engine's failure stays here
                engine.replace(docs_for(keys))
        except Exception as error:  # noqa: BLE001 - any engine failure: keep the rows, retry
            message = f"{type(error).__name__}: {error}"[:1000]
            logger.warning("search index update failed, will retry: %s", message)
            by_attempts = defaultdict(list)  # one UPDATE per retry count, not one per row
            for pk, _source, _object_id, attempts in items:
                by_attempts[attempts].append(pk)
            for attempts, pks in by_attempts.items():
                SearchQueueItem.objects.filter(pk__in=pks).update(
                    attempts=attempts + 1,
                    next_attempt_at=now + retry_delay(attempts + 1),
                    last_error=message,
                )
            return 0, len(keys), message
        SearchQueueItem.objects.filter(pk__in=[item[0] for item in items]).update(done_at=now)
        SearchQueueItem.objects.filter(done_at__lt=now - KEEP_DONE).delete()
    return len(keys), 0, ""


def has_due() -> bool:
    """Whether some queued update's retry time has come (the worker's schedule asks)."""
    from forum.models import SearchQueueItem

    return SearchQueueItem.objects.filter(
        done_at__isnull=True, next_attempt_at__lte=timezone.now()
    ).exists()


def pending_count() -> int:
    from forum.models import SearchQueueItem

    return SearchQueueItem.objects.filter(done_at__isnull=True).count()
