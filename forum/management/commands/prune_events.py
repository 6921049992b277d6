"""Delete stored events older than the retention (docs/realtime.md). The worker's schedule does
this hourly (forum/worker/schedule.py); the command is for doing it by hand."""

from django.core.management.base import BaseCommand

from forum import limits
from forum.tasks import prune_events


class Command(BaseCommand):
    help = "Delete live events older than the retention period (default: EVENT_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=limits.EVENT_RETENTION_DAYS)

    def handle(self, *args, days: int, **options) -> None:
        if days < 1:
            self.stderr.write("--days must be at least 1")
            raise SystemExit(2)
        deleted = prune_events.call(days)
        self.stdout.write(f"Deleted {deleted} events older than {days} days.")
