"""Periodic work, run by the worker itself: one mechanism on `make run`, in containers and under
systemd, with no cron or timer to install (docs/deploy.md says why).

Each job enqueues an ordinary task, so it is retried and shown to staff like any other. Every
worker ticks the schedule; a job's row (``ScheduledJob``) is moved on by a conditional update,
and only the worker whose update took enqueues, so with several workers each job still runs once
per interval. A job may also say it is not wanted now (nothing to do), so the queue does not fill
with no-op tasks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django_tasks.base import Task

from forum import tasks
from forum.models import ScheduledJob


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    task: Task
    wanted: Callable[[], bool] | None = None


def _search_rows_due() -> bool:
    from forum.search.queue import has_due

    return has_due()


def _relay_rows_kept() -> bool:
    from forum.models import RelayMessage

    return RelayMessage.objects.exists()


def _digests_wanted() -> bool:
    from forum.digests import digests_wanted

    return digests_wanted()


def _reminders_due() -> bool:
    from forum.services.bookmarks import reminders_due

    return reminders_due()


def _retention_set() -> bool:
    from forum.models import RetentionPolicy

    return RetentionPolicy.objects.exclude(action=RetentionPolicy.Action.KEEP).exists()


def _on_sqlite() -> bool:
    from django.db import connection

    return connection.vendor == "sqlite"


JOBS = (
    # Index rows the engine refused (an outage): every write drains the queue after it commits,
    # this takes the ones whose retry delay has passed without waiting for the next write.
    Job("retry_search_index", timedelta(seconds=30), tasks.drain_search_queue, _search_rows_due),
    Job("prune_events", timedelta(hours=1), tasks.prune_events),
    Job("sweep_unsent_attachments", timedelta(hours=1), tasks.sweep_unsent_attachments),
    Job("retention", timedelta(days=1), tasks.apply_retention, _retention_set),
    Job("clear_expired_sessions", timedelta(hours=1), tasks.clear_expired_sessions),
    Job("prune_task_results", timedelta(days=1), tasks.prune_task_results),
    Job("release_stuck_tasks", timedelta(minutes=5), tasks.release_stuck_tasks),
    Job("prune_relay", timedelta(minutes=1), tasks.prune_relay, _relay_rows_kept),
    Job("analyze_database", timedelta(hours=6), tasks.analyze_database, _on_sqlite),
    Job("bookmark_reminders", timedelta(minutes=1), tasks.send_bookmark_reminders, _reminders_due),
    Job("digests", timedelta(minutes=15), tasks.send_digests, _digests_wanted),
)


def tick(jobs: tuple[Job, ...] = JOBS) -> list[str]:
    """Enqueue the jobs that are due; the names of those this worker enqueued. A tick with
    nothing due (most of them: one every few seconds) is one query."""
    now = timezone.now()
    due_at = dict(ScheduledJob.objects.values_list("name", "due_at"))
    missing = [ScheduledJob(name=job.name, due_at=now) for job in jobs if job.name not in due_at]
    if missing:
        ScheduledJob.objects.bulk_create(missing, ignore_conflicts=True)
    enqueued = []
    for job in jobs:
        if due_at.get(job.name, now) > now:
            continue
        # Several workers may see it due: the conditional update lets one of them have it.
        claimed = ScheduledJob.objects.filter(name=job.name, due_at__lte=now).update(
            due_at=now + job.every, last_enqueued_at=now
        )
        if claimed and (job.wanted is None or job.wanted()):
            job.task.enqueue()
            enqueued.append(job.name)
    return enqueued
