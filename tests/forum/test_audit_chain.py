"""The moderation log as a tamper-evident audit log (issue 24): rows chained by hash, refused
by the database itself to any UPDATE or DELETE, a verifier that names the first broken row,
and exports that check on their own, away from the site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client

from forum import audit, auditchain
from forum.models import ModerationAction
from forum.services.moderation import hide_post, lock_thread, restore_post
from tests.factories import signed_in, thread_with_posts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def acts(boards, member, moderator):
    thread = thread_with_posts(board=boards["public"], author=member, replies=2)
    post = thread.posts.get(position=2)
    hide_post(actor=moderator, post=post, reason="Names a victim.")
    restore_post(actor=moderator, post=post, reason="Redacted by the author.")
    lock_thread(actor=moderator, thread=thread, reason="Settled: «fin» — 終わり")
    return list(ModerationAction.objects.order_by("sequence"))


def raw(sql: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def tamper(sql: str) -> None:
    """What someone with the database's password could do, bypassing the site."""
    for statement in sql.split(";"):
        raw(statement)


@pytest.mark.django_db
def test_every_act_is_chained_to_the_one_before(acts):
    assert [a.sequence for a in acts] == [1, 2, 3]
    assert acts[0].previous_hash == auditchain.GENESIS
    assert acts[1].previous_hash == acts[0].hash
    assert acts[2].previous_hash == acts[1].hash
    assert all(len(a.hash) == 64 for a in acts)
    assert audit.verify_database().holds


@pytest.mark.django_db
def test_the_database_refuses_to_change_or_delete_a_row_whoever_asks(acts):
    with audit.enforced():
        for statement in (
            "UPDATE forum_moderationaction SET reason = 'nothing happened' WHERE sequence = 2",
            "DELETE FROM forum_moderationaction WHERE sequence = 2",
        ):
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                raw(statement)
        if connection.vendor == "postgresql":
            raw("SET CONSTRAINTS ALL IMMEDIATE")  # no foreign key check left pending
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                raw("TRUNCATE forum_moderationaction CASCADE")
    assert ModerationAction.objects.get(sequence=2).reason == "Redacted by the author."
    # The ORM refuses too, before the database is asked.
    with pytest.raises(ValueError, match="append-only"):
        ModerationAction.objects.filter(sequence=2).update(reason="x")
    with pytest.raises(ValueError, match="append-only"):
        acts[1].save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "broken_at"),
    [
        ("UPDATE forum_moderationaction SET reason = 'nothing happened' WHERE sequence = 2", 2),
        (
            "DELETE FROM forum_notification WHERE action_id IN "
            "(SELECT id FROM forum_moderationaction WHERE sequence = 2);"
            "DELETE FROM forum_moderationaction WHERE sequence = 2",
            3,
        ),
        ("UPDATE forum_moderationaction SET sequence = sequence + 10 WHERE sequence = 1", 2),
        ("UPDATE forum_moderationaction SET created_at = created_at WHERE sequence = 3", None),
    ],
    ids=["a changed reason", "a deleted middle row", "a moved row", "nothing changed"],
)
def test_the_verifier_names_the_first_row_that_does_not_hold(acts, capsys, change, broken_at):
    tamper(change)  # the suite's switch lets it through: as if the triggers were dropped

    verdict = audit.verify_database()

    assert verdict.broken_at == broken_at
    if broken_at is None:
        call_command("audit_verify")
        assert "The audit log holds: 3 rows" in capsys.readouterr().out
    else:
        with pytest.raises(SystemExit) as stopped:
            call_command("audit_verify")
        assert stopped.value.code == 1
        assert f"broken at sequence {broken_at}" in capsys.readouterr().err


@pytest.mark.django_db
def test_rows_swapped_in_order_are_found(acts):
    # Two rows' places exchanged, each keeping its hash: the chain no longer links.
    tamper("UPDATE forum_moderationaction SET sequence = 99 WHERE sequence = 2")
    tamper("UPDATE forum_moderationaction SET sequence = 2 WHERE sequence = 3")
    tamper("UPDATE forum_moderationaction SET sequence = 3 WHERE sequence = 99")

    assert audit.verify_database().broken_at == 2


def check(path: Path) -> subprocess.CompletedProcess:
    """The documented command, with a bare Python: no Django, no settings, no database."""
    return subprocess.run(
        [sys.executable, "-I", str(ROOT / "forum" / "auditchain.py"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd="/",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_export_checks_on_its_own_and_any_tampering_is_found(acts, tmp_path, fmt):
    path = tmp_path / f"log.{fmt}"
    call_command("audit_export", format=fmt, output=str(path))

    good = check(path)
    assert good.returncode == 0, good.stdout + good.stderr
    assert f"OK: 3 rows chain to head {acts[-1].hash}" in good.stdout

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows_start = 1 if fmt == "jsonl" else 2
    tampered = {
        "a changed reason": [
            *lines[:rows_start],
            *(line.replace("Names a victim.", "Nothing to see.") for line in lines[rows_start:]),
        ],
        "a deleted middle row": [*lines[: rows_start + 1], *lines[rows_start + 2 :]],
        "a reordered chain": [
            *lines[:rows_start],
            lines[rows_start + 1],
            lines[rows_start],
            *lines[rows_start + 2 :],
        ],
        "the last row cut": lines[:-1],
    }
    for name, content in tampered.items():
        path.write_text("".join(content), encoding="utf-8")
        result = check(path)
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert "BROKEN" in result.stdout, name


@pytest.mark.django_db
def test_an_export_of_a_period_starts_where_the_chain_is(acts, tmp_path):
    text, _type = audit.export(acts[1].created_at, None, "jsonl")
    path = tmp_path / "period.jsonl"
    path.write_text(text, encoding="utf-8")
    header = json.loads(text.splitlines()[0])

    assert header["rows"] == 2
    assert header["start_hash"] == acts[0].hash  # the row before the period
    assert header["head_hash"] == acts[-1].hash
    assert header["chain_head"] == {"sequence": 3, "hash": acts[-1].hash}
    assert check(path).returncode == 0


@pytest.mark.django_db
def test_many_rows_written_at_once_chain_like_single_ones(acts, moderator):
    ModerationAction.objects.bulk_create(
        [ModerationAction(actor=moderator, kind="warn", reason=f"Bulk {n}") for n in range(5)]
    )

    assert list(
        ModerationAction.objects.order_by("sequence").values_list("sequence", flat=True)
    ) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert audit.verify_database().holds


@pytest.mark.django_db
def test_only_staff_export_the_log(acts, member, moderator, staff):
    url = "/en/moderation/log/export/"
    assert Client().get(url).status_code == 404
    assert signed_in(member).get(url).status_code == 404
    assert signed_in(moderator).get(url).status_code == 404  # site moderators read their scope
    admin = signed_in(staff)
    assert "Export the moderation log" in admin.get("/en/moderation/log/").text
    assert "Export the moderation log" not in signed_in(moderator).get("/en/moderation/log/").text
    page = admin.get(url)
    assert page.status_code == 200
    download = admin.get(url, {"format": "csv", "since": "", "until": ""})
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/csv")
    assert download["Content-Disposition"].startswith('attachment; filename="moderation-log-')
    assert acts[-1].hash in download.text
    bad = admin.get(url, {"format": "xml", "since": "2026-13-40", "until": "yesterday"})
    assert bad.status_code == 400
    assert "Select a valid choice" in bad.text
    backwards = admin.get(url, {"format": "jsonl", "since": "2026-12-02", "until": "2026-12-01"})
    assert "The first day is after the last." in backwards.text
    ends = admin.get(url, {"format": "jsonl", "since": "0001-01-01", "until": "9999-12-31"})
    assert ends.status_code == 400  # found by the fuzz suite: midnight past 9999 overflowed
    assert "Choose days between 2000-01-01 and 2999-12-31." in ends.text


@pytest.mark.django_db
def test_a_member_of_the_log_who_deletes_their_account_leaves_the_chain_whole(
    acts, member, django_capture_on_commit_callbacks
):
    from forum.services.privacy import delete_account

    with audit.enforced(), django_capture_on_commit_callbacks(execute=True):
        delete_account(member=member)

    assert audit.verify_database().holds
    assert ModerationAction.objects.count() == 3
