"""Export a period of the moderation log, with its hashes and the chain's head, as JSON Lines
or CSV (forum/audit.py). The file checks on its own: python3 forum/auditchain.py FILE."""

from datetime import date, datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from forum.audit import export
from forum.views.audit import FIRST_DAY, LAST_DAY


def _day(value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"not a date (YYYY-MM-DD): {value!r}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise CommandError(f"choose days between {FIRST_DAY} and {LAST_DAY}")
    return day


class Command(BaseCommand):
    help = "Export the moderation log of a period (--from, --to: days, both included)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="since", type=_day)
        parser.add_argument("--to", dest="until", type=_day)
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", help="a file to write (default: standard output)")

    def handle(self, *args, since, until, format, output, **options) -> None:
        start = _midnight(since) if since else None
        end = _midnight(until + timedelta(days=1)) if until else None
        text, _type = export(start, end, format)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.write(text)
        else:
            self.stdout.write(text, ending="")


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_current_timezone())
