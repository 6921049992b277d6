"""Drain the search queue every few seconds: ``manage.py search_worker`` (beside Daphne)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from forum.search.queue import drain, pending_count


class Command(BaseCommand):
    help = (
        "Apply queued search index updates, retrying those the engine refused, every few "
        "seconds (each write also drains the queue after it commits; this catches up after an "
        "engine outage without waiting for the next write)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="Seconds between drains.")
        parser.add_argument("--once", action="store_true", help="Drain once and exit.")

    def handle(self, *args, interval: float, once: bool, **options):
        while True:
            report = drain()
            if report.indexed or report.error:
                self.stdout.write(
                    f"indexed {report.indexed}, waiting {pending_count()}"
                    + (f" ({report.error})" if report.error else "")
                )
            if once:
                return
            time.sleep(interval)
