"""Change stamps: one function moves them, and only it (visitors' cached pages depend on them)."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from forum.models import Board, Thread
from forum.services.stamps import stamp
from tests.factories import BoardFactory, thread_with_posts

FORUM = Path(__file__).resolve().parents[2] / "forum"
# The function itself, and the models and migrations that define the field and its default.
EXEMPT = [FORUM / "services" / "stamps.py", FORUM / "models", FORUM / "migrations"]


def stored(*objects) -> list:
    return [
        type(obj).objects.values_list("changed_at", flat=True).get(pk=obj.pk) for obj in objects
    ]


@pytest.fixture
def rows(area, member):
    """Two boards with two threads each, all stamped an hour ago."""
    boards = [BoardFactory(area=area, slug=f"board-{n}", name_en=f"Board {n}") for n in (1, 2)]
    threads = [
        thread_with_posts(board=board, author=member, title=f"Thread {n} of {board.slug}")
        for board in boards
        for n in (1, 2)
    ]
    before = timezone.now() - timedelta(hours=1)
    Thread.objects.update(changed_at=before)
    Board.objects.update(changed_at=before)
    return boards, threads, before


def test_stamp_moves_exactly_the_threads_and_boards_it_is_given(rows):
    boards, threads, before = rows

    moment = stamp(threads=[threads[0], threads[3].pk], boards=[boards[1].pk])

    assert stored(*threads) == [moment, before, before, moment]
    assert stored(*boards) == [before, moment]
    assert moment > before


def test_stamp_takes_querysets_and_a_given_moment(rows):
    boards, threads, before = rows
    at = before + timedelta(minutes=5)

    moment = stamp(
        threads=Thread.objects.filter(board=boards[0]).values("pk"),
        boards=Board.objects.filter(pk=boards[0].pk).values("pk"),
        at=at,
    )

    assert moment == at
    assert stored(*threads) == [at, at, before, before]
    assert stored(*boards) == [at, before]


def test_stamp_writes_one_update_per_table_and_none_for_nothing(rows, django_assert_num_queries):
    boards, threads, before = rows

    with django_assert_num_queries(2):
        moment = stamp(threads=threads, boards=boards)
    with django_assert_num_queries(0):
        later = stamp()

    assert stored(*threads, *boards) == [moment] * 6
    assert later >= moment > before


# --- Nobody else writes changed_at -----------------------------------------------------------


def _from_stamp(value: ast.expr, names: set[str]) -> bool:
    """The value is stamp()'s moment: its call, or a name bound to it."""
    if isinstance(value, ast.NamedExpr):
        value = value.value
    if isinstance(value, ast.Call):
        func = value.func
        return getattr(func, "id", getattr(func, "attr", None)) == "stamp"
    return isinstance(value, ast.Name) and value.id in names


def _reads_stored_stamp(value: ast.expr) -> bool:
    """Copying the stored stamp back into an instance (``values_list("changed_at")``) reads."""
    return any(
        isinstance(node, ast.Constant) and node.value == "changed_at" for node in ast.walk(value)
    )


def hand_written_stamps(source: str) -> list[int]:
    """Lines that write ``changed_at`` with a value that is not stamp()'s moment."""
    tree = ast.parse(source)
    names = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _from_stamp(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "changed_at":
            if not _from_stamp(node.value, names):
                lines.append(node.value.lineno)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                pairs = [(target, node.value)]
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    pairs = list(zip(target.elts, node.value.elts, strict=False))
                for element, value in pairs:
                    if not (isinstance(element, ast.Attribute) and element.attr == "changed_at"):
                        continue
                    if value is None or not (
                        _from_stamp(value, names) or _reads_stored_stamp(value)
                    ):
                        lines.append(node.lineno)
    return sorted(lines)


def test_the_checker_finds_a_hand_written_stamp():
    source = (
        "thread.changed_at = timezone.now()\n"
        "Board.objects.filter(pk=1).update(changed_at=now)\n"
        "thread.board, thread.changed_at = board, now\n"
        "ok = stamp()\n"
        "Thread.objects.filter(pk=1).update(changed_at=ok, reply_count=0)\n"
        "thread.changed_at = stamp(boards=[1])\n"
        "board.changed_at = Board.objects.values_list('changed_at', flat=True).get()\n"
    )
    assert hand_written_stamps(source) == [1, 2, 3]


def test_no_module_but_the_stamp_function_writes_changed_at():
    offenders = []
    for path in sorted(FORUM.rglob("*.py")):
        if any(path == exempt or exempt in path.parents for exempt in EXEMPT):
            continue
        for line in hand_written_stamps(path.read_text()):
            offenders.append(f"{path.relative_to(FORUM.parent)}:{line}")
    assert offenders == [], "write change stamps with forum.services.stamps.stamp()"
