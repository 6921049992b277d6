"""The worker process: run ready tasks, tick the schedule, stop cleanly on SIGTERM.

Stopping: SIGTERM or SIGINT while idle exits at once. During a task the worker lets it finish
for up to ``TASK_STOP_GRACE_SECONDS``, then puts it back in the queue (another worker, or this
one restarted, runs it) and exits, so a systemd or container stop (10 s before SIGKILL) never
loses a task nor leaves it marked running. A worker killed outright leaves its task running;
the schedule's ``release_stuck_tasks`` returns it to the queue later.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
import uuid
from types import FrameType

from django.db import close_old_connections, connections

from forum import limits
from forum.worker import runner, schedule

logger = logging.getLogger("forum.worker")

TICK_SECONDS = 5.0  # how often a worker looks at the schedule


class Worker:
    def __init__(
        self, *, interval: float = 1.0, batch: bool = False, scheduled: bool = True, worker_id=""
    ) -> None:
        self.interval = interval
        self.batch = batch
        self.scheduled = scheduled
        self.worker_id = worker_id or f"{os.uname().nodename[:40]}-{uuid.uuid4().hex[:8]}"
        self.running = True
        self.current = None  # the id of the task being run
        self.last_tick = 0.0
        self.ran = 0

    # --- Signals ------------------------------------------------------------------------------

    def install_signals(self) -> None:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        if not self.running:  # a second signal: go now, the task back in the queue
            self._release_and_exit()
        self.running = False
        if self.current is None:
            logger.info("worker %s stopping (idle)", self.worker_id)
            raise SystemExit(0)
        logger.info("worker %s stopping after its task", self.worker_id)
        timer = threading.Timer(limits.TASK_STOP_GRACE_SECONDS, self._release_and_exit)
        timer.daemon = True
        timer.start()

    def _release_and_exit(self) -> None:
        task_id = self.current
        if task_id is not None:
            try:
                runner.release(task_id, worker_id=self.worker_id)
                logger.warning("worker %s released task %s unfinished", self.worker_id, task_id)
            finally:
                connections.close_all()
        os._exit(0)

    # --- Loop -------------------------------------------------------------------------------

    def run(self) -> int:
        logger.info("worker %s started", self.worker_id)
        while self.running:
            if self.scheduled and time.monotonic() - self.last_tick >= TICK_SECONDS:
                self.last_tick = time.monotonic()
                try:
                    schedule.tick()
                except Exception:
                    logger.exception("schedule tick failed")
            row = self._claim()
            if row is not None:
                self.current = row.pk
                try:
                    outcome = runner.run(row)
                finally:
                    self.current = None
                self.ran += 1
                logger.info("task %s %s: %s", row.pk, row.task_path, outcome)
                continue
            if self.batch:
                break
            close_old_connections()
            time.sleep(self.interval)
        return self.ran

    def _claim(self):
        try:
            return runner.claim_next(self.worker_id)
        except Exception:
            logger.exception("could not read the task queue")
            close_old_connections()
            time.sleep(self.interval)
            return None
