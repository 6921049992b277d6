"""Claim, run and record one task at a time (the loop is in loop.py, the schedule in schedule.py).

Outcomes of a run, all recorded on the task's row:
- it returns: done (``SUCCESSFUL``, its return value kept);
- it raises: tried again after a back-off while it has attempts left (``READY`` with a later
  ``run_after``, the error kept for staff to read), then parked (``FAILED``);
- it cannot run at all (its function is gone, its arguments do not fit): parked at once, since
  no retry can help, and the worker goes on with the next task.
Attempts are the worker ids a row was claimed by (``claim`` appends one each time).
"""

from __future__ import annotations

import inspect
import logging
from datetime import timedelta

from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks.utils import get_exception_traceback, get_module_path
from django_tasks_db.models import DBTaskResult, get_date_max

from forum import limits

logger = logging.getLogger("forum.worker")


def retry_delay(attempts: int) -> timedelta:
    """After the first failed try 10 s, then 40 s, 160 s ... at most an hour (forum/limits.py)."""
    seconds = limits.TASK_RETRY_BASE_SECONDS * 4 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, limits.TASK_RETRY_MAX_SECONDS))


def attempts(row: DBTaskResult) -> int:
    return len(row.worker_ids or [])


def claim_next(worker_id: str, backend: str = DEFAULT_TASK_BACKEND_ALIAS) -> DBTaskResult | None:
    """Take the next ready task for this worker, or None; other workers skip a claimed row."""
    with transaction.atomic():
        row = (
            DBTaskResult.objects.ready()
            .filter(backend_name=backend)
            .select_for_update(skip_locked=True)
            .first()
        )
        if row is not None:
            row.claim(worker_id)
    return row


class Poisoned(Exception):
    """A task row that can never run: its function is gone or its arguments do not fit."""


def _prepare(row: DBTaskResult):
    try:
        task = row.task
        args, kwargs = row.args_kwargs["args"], row.args_kwargs["kwargs"]
        signature = inspect.signature(task.func)
        if task.takes_context:
            signature.bind(None, *args, **kwargs)
        else:
            signature.bind(*args, **kwargs)
    except (ImportError, SuspiciousOperation, KeyError, TypeError) as error:
        raise Poisoned(f"{type(error).__name__}: {error}") from error
    return task, args, kwargs


def run(row: DBTaskResult) -> str:
    """Run a claimed task and record what happened: "done", "retry" or "parked"."""
    try:
        task, args, kwargs = _prepare(row)
    except Poisoned as error:
        _park(row, error)
        return "parked"
    backend = type(task.get_backend())
    task_started.send(sender=backend, task_result=row.task_result)
    try:
        if task.takes_context:
            value = task.call(TaskContext(task_result=row.task_result), *args, **kwargs)
        else:
            value = task.call(*args, **kwargs)
        row.set_successful(value)
    except Exception as error:  # noqa: BLE001 - any failure of the task is recorded, never raised
        if attempts(row) < limits.TASK_ATTEMPTS:
            _again_later(row, error)
            outcome = "retry"
        else:
            _park(row, error)
            outcome = "parked"
    else:
        outcome = "done"
    task_finished.send(sender=backend, task_result=row.task_result)
    return outcome


def _again_later(row: DBTaskResult, error: BaseException) -> None:
    delay = retry_delay(attempts(row))
    logger.warning(
        "task %s (%s) failed on attempt %s of %s, next in %s s: %s",
        row.pk,
        row.task_path,
        attempts(row),
        limits.TASK_ATTEMPTS,
        int(delay.total_seconds()),
        error,
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + delay,
        exception_class_path=get_module_path(type(error)),
        traceback=get_exception_traceback(error),
    )


def _park(row: DBTaskResult, error: BaseException) -> None:
    # ERROR: reaches Sentry when SENTRY_DSN is set; staff see the row in the admin.
    logger.error(
        "task %s (%s) parked after %s attempt(s): %s", row.pk, row.task_path, attempts(row), error
    )
    row.set_failed(error)


def release(row_id, *, worker_id: str = "") -> bool:
    """Put a task this worker claimed back in the queue, as if never tried (a clean stop)."""
    row = DBTaskResult.objects.filter(pk=row_id, status=TaskResultStatus.RUNNING).first()
    if row is None:
        return False
    ids = list(row.worker_ids or [])
    if worker_id and ids and ids[-1] == worker_id:
        ids.pop()
    return bool(
        DBTaskResult.objects.filter(pk=row_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, run_after=get_date_max(), worker_ids=ids
        )
    )


def retry_now(queryset) -> int:
    """Staff's retry (forum/admin.py): parked tasks run again with a fresh count of attempts."""
    return queryset.filter(status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY,
        run_after=get_date_max(),
        worker_ids=[],
        finished_at=None,
    )


def release_stuck() -> int:
    """Tasks left running by a worker that died (killed, machine lost) go back to the queue."""
    cutoff = timezone.now() - timedelta(minutes=limits.TASK_STUCK_MINUTES)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, run_after=get_date_max())


def run_ready(worker_id: str = "in-process", *, limit: int = 1000) -> int:
    """Run every task that is ready now, one after another; how many ran. Tests call this to
    stand in for the worker process; ``manage.py run_worker --batch`` does the same."""
    ran = 0
    while ran < limit:
        row = claim_next(worker_id)
        if row is None:
            break
        run(row)
        ran += 1
    return ran
