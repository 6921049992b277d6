"""Walk the moderation log's hash chain (forum/audit.py) and name the first row that does not
hold: a row changed, removed, inserted or moved, whoever did it. Exits 1 when one is found."""

from django.core.management.base import BaseCommand

from forum.audit import verify_database


class Command(BaseCommand):
    help = "Check the moderation log's hash chain; name the first broken row."

    def handle(self, *args, **options) -> None:
        verdict = verify_database()
        if verdict.holds:
            self.stdout.write(f"The audit log holds: {verdict.rows} rows, head {verdict.head}.")
            return
        self.stderr.write(
            f"The audit log is broken at sequence {verdict.broken_at}: {verdict.reason}. "
            f"The {verdict.rows} rows before it hold."
        )
        raise SystemExit(1)
