"""``manage.py run_worker``: the task worker (forum/worker/; docs/deploy.md)."""

from __future__ import annotations

import logging
import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from forum.worker.loop import Worker

# Below the web's processes: on a full machine a page waits for no background task (search
# indexing, notices, translations), and the tasks run in the time the pages leave. Under the
# mixed load's 100% CPU, the worker took a sixth of both cores away from gunicorn.
NICENESS = 10


class Command(BaseCommand):
    help = (
        "Run background tasks (e-mail, search index, pruning) with retries and back-off, and "
        "the periodic jobs. SIGTERM stops it cleanly: the running task finishes or goes back "
        "to the queue."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks at an empty queue."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run the tasks that are ready, then exit."
        )
        parser.add_argument(
            "--no-schedule", action="store_true", help="Do not run the periodic jobs."
        )
        parser.add_argument(
            "--worker-id", default="", help="Unique among workers (default: made up)."
        )
        parser.add_argument(
            "--niceness",
            type=int,
            default=NICENESS,
            help=f"Lower the worker's CPU priority by this much (0 to 19; default {NICENESS}).",
        )

    def handle(self, *args, interval: float, batch: bool, no_schedule: bool, **options):
        if not 0 < interval <= 60:
            raise CommandError("--interval must be more than 0 and at most 60 seconds")
        worker_id = options["worker_id"]
        if len(worker_id) > 64:
            raise CommandError("--worker-id must be at most 64 characters")
        if not 0 <= options["niceness"] <= 19:
            raise CommandError("--niceness must be from 0 to 19")
        if options["verbosity"] > 0:
            logging.getLogger("forum.worker").setLevel(logging.INFO)
        if not batch:
            os.nice(options["niceness"])
        database = connections["default"].settings_dict
        if "sqlite" in database["ENGINE"]:
            # One thread runs the tasks: it keeps its SQLite connection between them, as
            # gunicorn's workers do (config/env.py), instead of opening the file for each.
            database["CONN_MAX_AGE"] = 600
        worker = Worker(
            interval=interval, batch=batch, scheduled=not no_schedule, worker_id=worker_id
        )
        worker.install_signals()
        ran = worker.run()
        if batch:
            self.stdout.write(f"Ran {ran} task(s).")
