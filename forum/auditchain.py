"""The audit log's hash chain, with nothing but Python's standard library (docs/security.md).

Each row of the moderation log (forum.models.ModerationAction) carries ``hash``, the SHA-256
of the row before's hash and of the row's own fields written canonically; the first row's
"row before" is GENESIS. Changing, removing, inserting or reordering any row breaks the chain
from there on. The site uses these functions to chain rows and to check its database
(``manage.py audit_verify``); an export (``manage.py audit_export``, or the moderation log's
export for staff) is checked on any machine, without the site, by running this file:

    python3 forum/auditchain.py moderation-log.jsonl      (or .csv)

It prints the rows checked and the head hash, or names the first row that does not hold, and
exits 1.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

GENESIS = "0" * 64
# The fields a row's hash covers, in this order: everything the row says.
FIELDS = (
    "sequence",
    "kind",
    "actor_id",
    "member_id",
    "post_id",
    "thread_id",
    "area_id",
    "board_id",
    "reason",
    "before",
    "after",
    "created_at",
)


def canonical(fields: dict) -> str:
    """One row's fields as the text that is hashed: JSON with sorted keys and no spaces;
    ``created_at`` is ISO 8601 in UTC with microseconds ("2026-12-06T01:50:00.000000Z")."""
    return json.dumps(
        {name: fields[name] for name in FIELDS},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def row_hash(previous_hash: str, fields: dict) -> str:
    return hashlib.sha256(f"{previous_hash}\n{canonical(fields)}".encode()).hexdigest()


@dataclass(frozen=True)
class Verdict:
    rows: int
    head: str  # the last row's hash (the chain's head), or the starting hash with no rows
    broken_at: int | None = None  # the first row's sequence that does not hold
    reason: str = ""

    @property
    def holds(self) -> bool:
        return self.broken_at is None


def verify(rows: Iterable[dict], *, start_hash: str | None = None) -> Verdict:
    """Walk rows in their order: each must follow the one before (sequence + 1, its
    ``previous_hash`` the one before's hash) and hash to its own ``hash``. ``start_hash``:
    the hash before the first row (GENESIS for a whole chain; None takes the first row's own
    ``previous_hash``, for an export of a period)."""
    expected_previous, expected_sequence, count = start_hash, None, 0
    head = start_hash or GENESIS
    for row in rows:
        sequence = row.get("sequence")
        if not isinstance(sequence, int) or isinstance(sequence, bool):
            return Verdict(count, head, -1, "a row without a sequence")
        if expected_sequence is not None and sequence != expected_sequence:
            return Verdict(count, head, sequence, f"expected sequence {expected_sequence}")
        if expected_previous is not None and row.get("previous_hash") != expected_previous:
            return Verdict(count, head, sequence, "does not follow the row before")
        if row_hash(row["previous_hash"], row) != row.get("hash"):
            return Verdict(count, head, sequence, "its fields do not match its hash")
        count += 1
        head = row["hash"]
        expected_previous = row["hash"]
        expected_sequence = sequence + 1
    return Verdict(count, head)


# --- Exports ---------------------------------------------------------------------------------


def read_jsonl(lines: Iterable[str]) -> tuple[dict, Iterator[dict]]:
    """An export in JSON Lines: its header (the first line), then its rows."""
    iterator = iter(lines)
    header = json.loads(next(iterator))
    return header, (json.loads(line) for line in iterator if line.strip())


CSV_INTEGERS = ("sequence", "actor_id", "member_id", "post_id", "thread_id", "area_id", "board_id")


def read_csv(lines: Iterable[str]) -> tuple[dict, Iterator[dict]]:
    """An export in CSV: a first line "# " + the header as JSON, then a row of column names,
    then the rows (``before`` and ``after`` as JSON text, an empty id as none)."""
    iterator = iter(lines)
    first = next(iterator)
    header = json.loads(first.removeprefix("# "))

    def rows() -> Iterator[dict]:
        for row in csv.DictReader(iterator):
            for name in CSV_INTEGERS:
                row[name] = int(row[name]) if row[name] != "" else None
            row["before"] = json.loads(row["before"])
            row["after"] = json.loads(row["after"])
            yield row

    return header, rows()


def verify_export(path: str) -> Verdict:
    """Check an export file: its rows chain, and end at the head hash its header states."""
    with open(path, encoding="utf-8", newline="") as file:
        reader = read_csv if path.endswith(".csv") else read_jsonl
        header, rows = reader(file)
        verdict = verify(rows, start_hash=header.get("start_hash"))
    if not verdict.holds:
        return verdict
    if verdict.rows != header.get("rows"):
        return Verdict(verdict.rows, verdict.head, -1, f"the header says {header.get('rows')} rows")
    if verdict.head != header.get("head_hash"):
        return Verdict(verdict.rows, verdict.head, -1, "the last row is not the stated head")
    return verdict


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: python3 forum/auditchain.py EXPORT.jsonl|EXPORT.csv\n")
        return 2
    try:
        verdict = verify_export(argv[1])
    except (OSError, ValueError, KeyError, StopIteration, TypeError) as error:
        sys.stderr.write(f"not a readable export: {error!r}\n")
        return 2
    if verdict.holds:
        sys.stdout.write(f"OK: {verdict.rows} rows chain to head {verdict.head}\n")
        return 0
    where = "the export" if verdict.broken_at == -1 else f"sequence {verdict.broken_at}"
    sys.stdout.write(f"BROKEN at {where}: {verdict.reason} ({verdict.rows} rows held before it)\n")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
