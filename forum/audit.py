"""The moderation log as a tamper-evident audit log (docs/security.md, "The audit log").

- **Chained**: each new row takes the next ``sequence`` and the hash of the row before
  (forum/auditchain.py), under a lock that makes appends one at a time (a PostgreSQL advisory
  lock for the transaction; SQLite's writes are one at a time already).
- **Refused by the database**: triggers on PostgreSQL and SQLite abort any UPDATE or DELETE of
  a row (and a TRUNCATE on PostgreSQL), whoever sends it, not only the ORM
  (``AppendOnlyQuerySet``). Only a maintenance switch, which the test suite's flushes use,
  lets them through: ``forum.audit_maintenance`` on a PostgreSQL connection, and an SQL
  function this process gives its SQLite connections (any other SQLite client lacks it, so its
  deletes fail too). A database owner can still drop a trigger: the chain then shows what they
  changed.
- **Checked**: ``manage.py audit_verify`` walks the chain and names the first row that does not
  hold; an export carries its rows' hashes and the head, and checks on its own.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from django.db import connection, connections

from forum import auditchain

# Off in production: nothing lets a row change. The test suite turns it on (tests/conftest.py)
# so that its databases can be emptied between tests, and off where it proves the refusal.
MAINTENANCE = False
ADVISORY_LOCK = 0x61756469740A  # "audit\n": the one lock appends take on PostgreSQL
REFUSED = "the audit log is append-only"


def fields_of(action) -> dict:
    """A row's hashed fields (forum.auditchain.FIELDS), as the chain and the exports see them."""
    moment = action.created_at.astimezone(UTC)
    return {
        "sequence": action.sequence,
        "kind": action.kind,
        "actor_id": action.actor_id,
        "member_id": action.member_id,
        "post_id": action.post_id,
        "thread_id": action.thread_id,
        "area_id": action.area_id,
        "board_id": action.board_id,
        "reason": action.reason,
        "before": action.before,
        "after": action.after,
        "created_at": moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    }


def chain(action) -> None:
    """Give a new row its place: the next sequence, the hash before, its own hash. Called by
    ModerationAction.save() inside the transaction that writes it."""
    chain_many([action])


def chain_many(actions: list) -> None:
    """The same for rows written together (bulk_create), in their order."""
    if not actions:
        return
    model = type(actions[0])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK])
    last = model.objects.order_by("-sequence").values_list("sequence", "hash").first()
    sequence, previous = last if last else (0, auditchain.GENESIS)
    for action in actions:
        sequence += 1
        action.sequence, action.previous_hash = sequence, previous
        action.hash = previous = auditchain.row_hash(previous, fields_of(action))


def rows(queryset) -> Iterator[dict]:
    """Rows in chain order with their hashes, as verify() and the exports read them."""
    for action in queryset.order_by("sequence").iterator(chunk_size=2000):
        yield {**fields_of(action), "previous_hash": action.previous_hash, "hash": action.hash}


def verify_database() -> auditchain.Verdict:
    from forum.models import ModerationAction

    return auditchain.verify(rows(ModerationAction.objects.all()), start_hash=auditchain.GENESIS)


def export(since: datetime | None, until: datetime | None, fmt: str) -> tuple[str, str]:
    """The rows of a period, oldest first, with the header that lets them be checked alone:
    the hash before the first, the number of rows, the last row's hash, and the chain's head
    now. Returns the text and its content type."""
    from forum.models import ModerationAction

    period = ModerationAction.objects.all()
    if since is not None:
        period = period.filter(created_at__gte=since)
    if until is not None:
        period = period.filter(created_at__lt=until)
    listed = list(rows(period))
    first = period.order_by("sequence").values_list("previous_hash", flat=True).first()
    head = ModerationAction.objects.order_by("-sequence").values_list("sequence", "hash").first()
    header = {
        "export": "moderation log",
        "from": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "rows": len(listed),
        "start_hash": first or auditchain.GENESIS,
        "head_hash": listed[-1]["hash"] if listed else first or auditchain.GENESIS,
        "chain_head": {"sequence": head[0], "hash": head[1]} if head else None,
        "generated_at": datetime.now(UTC).isoformat(),
        "verify_with": "python3 forum/auditchain.py <this file>",
    }
    if fmt == "csv":
        out = io.StringIO()
        out.write("# " + json.dumps(header, sort_keys=True) + "\n")
        columns = [*auditchain.FIELDS, "previous_hash", "hash"]
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in listed:
            flat = {**row, "before": json.dumps(row["before"], sort_keys=True)}
            flat["after"] = json.dumps(row["after"], sort_keys=True)
            writer.writerow({k: "" if v is None else v for k, v in flat.items()})
        return out.getvalue(), "text/csv; charset=utf-8"
    lines = [json.dumps(header, sort_keys=True)]
    lines += [json.dumps(row, sort_keys=True, ensure_ascii=False) for row in listed]
    return "\n".join(lines) + "\n", "application/x-ndjson; charset=utf-8"


# --- The database's refusal ------------------------------------------------------------------

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS forum_audit_no_{op.lower()}
    BEFORE {op} ON forum_moderationaction
    WHEN NOT forum_audit_maintenance()
    BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"""
    for op in ("UPDATE", "DELETE")
]
POSTGRES_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION forum_audit_refuse() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('forum.audit_maintenance', true) = 'on' THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '{REFUSED}' USING ERRCODE = 'insufficient_privilege';
    END $$""",
    """CREATE TRIGGER forum_audit_no_change BEFORE UPDATE OR DELETE ON forum_moderationaction
    FOR EACH ROW EXECUTE FUNCTION forum_audit_refuse()""",
    """CREATE TRIGGER forum_audit_no_truncate BEFORE TRUNCATE ON forum_moderationaction
    FOR EACH STATEMENT EXECUTE FUNCTION forum_audit_refuse()""",
]
DROP = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS forum_audit_no_update",
        "DROP TRIGGER IF EXISTS forum_audit_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS forum_audit_no_change ON forum_moderationaction",
        "DROP TRIGGER IF EXISTS forum_audit_no_truncate ON forum_moderationaction",
        "DROP FUNCTION IF EXISTS forum_audit_refuse()",
    ],
}


def on_connection(sender, connection, **kwargs) -> None:
    """connection_created: what each new connection needs for the triggers' switch."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "forum_audit_maintenance", 0, lambda: int(MAINTENANCE), deterministic=False
        )
    elif connection.vendor == "postgresql" and MAINTENANCE:
        with connection.cursor() as cursor:
            cursor.execute("SET forum.audit_maintenance = 'on'")


def set_maintenance(on: bool) -> None:
    """Turn the switch for this process and its open PostgreSQL connections."""
    global MAINTENANCE
    MAINTENANCE = on
    for each in connections.all(initialized_only=True):
        if each.vendor == "postgresql" and each.connection is not None:
            with each.cursor() as cursor:
                cursor.execute(f"SET forum.audit_maintenance = '{'on' if on else 'off'}'")


@contextmanager
def enforced():
    """The refusal as in production, whatever the test suite's switch says."""
    previous = MAINTENANCE
    set_maintenance(False)
    try:
        yield
    finally:
        set_maintenance(previous)
