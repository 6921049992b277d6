"""The task worker: ``manage.py run_worker`` runs the queue of django-tasks (database backend,
django-tasks-db) with retries and back-off, and the periodic jobs of ``schedule``.

A task is a row (``DBTaskResult``) written by ``Task.enqueue`` in the writer's transaction
(every caller enqueues on commit), so a task enqueued while no worker runs waits for one: nothing
is lost. ``runner`` claims a ready row, runs it, and records the outcome: done, again later
(``TASK_ATTEMPTS`` tries, back-off between them), or parked with its error for staff, who see it
in the Django admin and may retry it (forum/admin.py). Tests run the same code with ``run_ready``.
"""

from forum.worker.runner import run_ready

__all__ = ["run_ready"]
