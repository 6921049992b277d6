"""Delete stored events older than the retention (docs/realtime.md); run it daily."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from forum import limits
from forum.models import Event


class Command(BaseCommand):
    help = "Delete live events older than the retention period (default: EVENT_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=limits.EVENT_RETENTION_DAYS)

    def handle(self, *args, days: int, **options) -> None:
        if days < 1:
            self.stderr.write("--days must be at least 1")
            raise SystemExit(2)
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = Event.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} events older than {days} days.")
