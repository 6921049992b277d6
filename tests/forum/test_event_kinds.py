"""The registry of live event kinds (forum/realtime/kinds.py) against the tests and the page.

Every kind has a socket test: a test under tests/forum/ that opens a socket, receives from it
and asserts that a frame is of that kind. The check reads the test modules' syntax trees, so
only an ``assert`` counts, never a comment, a docstring or an assertion that a kind is absent.
And every kind live.js names is in the registry; every kind of a page's streams is handled by
live.js, or listed below with the reason the page ignores it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from forum.realtime import kinds

TESTS = Path(__file__).resolve().parent
LIVE_JS = TESTS.parents[1] / "forum" / "static" / "forum" / "live.js"

# What opens a socket in the socket tests (the communicator, or the helpers built on it), and
# what reads a frame from it.
SOCKET_OPENERS = {"WebsocketCommunicator", "open_socket", "connect", "socket_of"}
RECEIVERS = {"receive_json_from", "receive"}
# The constants' names (kinds.POST_HIDDEN), for tests that name kinds through the registry.
CONSTANTS = {
    name: value
    for name, value in vars(kinds).items()
    if name.isupper() and isinstance(value, str) and value in kinds.KINDS
}

# Kinds of the thread, board and user streams that live.js leaves alone, and why. (None today:
# a kind added here must say what the open page does instead.)
IGNORED_BY_PAGES: dict[str, str] = {}
PAGE_STREAMS = {"thread", "board", "user"}


# --- Which kinds the socket tests assert on ---------------------------------------------------


def _called(function: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def _named_kinds(operand: ast.expr) -> set[str]:
    """Kinds an operand names: a literal, a registry constant, or such inside a tuple or list
    (``("post.hidden", stream)``, ``[(kinds.THREAD_CREATED, pk), ...]``, ``[...] * 3``)."""
    if isinstance(operand, ast.Constant) and operand.value in kinds.KINDS:
        return {operand.value}
    if (
        isinstance(operand, ast.Attribute)
        and isinstance(operand.value, ast.Name)
        and operand.value.id == "kinds"
        and operand.attr in CONSTANTS
    ):
        return {CONSTANTS[operand.attr]}
    if isinstance(operand, ast.Tuple | ast.List):
        return set().union(*(_named_kinds(element) for element in operand.elts))
    if isinstance(operand, ast.BinOp):
        return _named_kinds(operand.left) | _named_kinds(operand.right)
    return set()


def _asserted_kinds(test: ast.expr) -> set[str]:
    """Kinds an assertion says a frame is: operands of ``==``/``in`` at the assertion's top
    (``assert event["kind"] == "post.created"``), not kinds it says are absent."""
    compares = test.values if isinstance(test, ast.BoolOp) else [test]
    found: set[str] = set()
    for compare in compares:
        if isinstance(compare, ast.Compare) and all(
            isinstance(op, ast.Eq | ast.In) for op in compare.ops
        ):
            for operand in [compare.left, *compare.comparators]:
                found |= _named_kinds(operand)
    return found


def socket_tests_by_kind(source: str, where: str) -> dict[str, list[str]]:
    """For each kind, the socket tests of this module that assert a frame is of that kind."""
    covered: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        called = _called(node)
        if not node.name.startswith("test_") or not (
            called & SOCKET_OPENERS and called & RECEIVERS
        ):
            continue
        for statement in ast.walk(node):
            if isinstance(statement, ast.Assert):
                for kind in _asserted_kinds(statement.test):
                    covered.setdefault(kind, []).append(f"{where}::{node.name}")
    return covered


def all_socket_tests_by_kind() -> dict[str, list[str]]:
    covered: dict[str, list[str]] = {}
    for path in sorted(TESTS.glob("test_*.py")):
        for kind, tests in socket_tests_by_kind(path.read_text(), path.name).items():
            covered.setdefault(kind, []).extend(tests)
    return covered


def test_every_kind_has_a_socket_test():
    covered = all_socket_tests_by_kind()

    missing = sorted(set(kinds.KINDS) - set(covered))

    assert not missing, (
        f"no socket test asserts on a frame of these kinds: {missing}. Add one under "
        "tests/forum/ (a socket subscribed, an act through a service, the frame's kind asserted)."
    )


def test_the_check_counts_assertions_on_frames_only():
    source = '''
async def test_counted(socket_thing):
    socket = await open_socket()
    event = await receive(socket)
    assert (event["kind"], event["stream"]) == (kinds.POST_HIDDEN, "thread:1")
    assert [e["kind"] for e in [event]] == ["post.created"] * 1

async def test_not_counted(socket_thing):
    # assert event["kind"] == "post.deleted"
    """post.edited"""
    socket = await open_socket()
    frames = [await socket.receive_json_from()]
    assert [frame for frame in frames if "thread.split" in frame] == []
    assert frames[0]["kind"] != "thread.merged"
    assert "thread.pinned" not in frames

def test_without_a_socket():
    assert "thread.unpinned" == "thread.unpinned"
'''
    covered = socket_tests_by_kind(source, "sample.py")

    assert covered == {
        kinds.POST_HIDDEN: ["sample.py::test_counted"],
        kinds.POST_CREATED: ["sample.py::test_counted"],
    }


# --- The page: live.js ------------------------------------------------------------------------


def kinds_named_in_live_js() -> set[str]:
    return set(re.findall(r"""["'`]([a-z]+\.[a-z_]+)["'`]""", LIVE_JS.read_text()))


def kinds_handled_by_live_js() -> set[str]:
    # Its handlers: `"post.created"(payload) {` in the object live.js looks event kinds up in.
    return set(re.findall(r"""^\s*["']([a-z]+\.[a-z_]+)["']\s*\(""", LIVE_JS.read_text(), re.M))


def test_live_js_names_only_kinds_of_the_registry():
    named = kinds_named_in_live_js()

    assert named, "live.js names no event kind: has the way it names them changed?"
    assert sorted(named - set(kinds.KINDS)) == []


def test_every_kind_of_a_pages_streams_is_handled_by_live_js_or_ignored_for_a_reason():
    handled = kinds_handled_by_live_js()
    on_pages = {name for name, kind in kinds.KINDS.items() if kind.stream in PAGE_STREAMS}

    assert sorted(on_pages - handled - set(IGNORED_BY_PAGES)) == []
    assert sorted(set(IGNORED_BY_PAGES) - set(kinds.KINDS)) == []
    assert sorted(set(IGNORED_BY_PAGES) & handled) == [], "handled now: not ignored any more"


def test_the_moderation_and_consultation_streams_kinds_refresh_the_list_whatever_their_name():
    # Moderation and consultation events carry ids only; the page fetches its list as its
    # viewer may see it, so live.js needs no handler per kind of these streams.
    source = LIVE_JS.read_text()
    listed = {
        name for name, kind in kinds.KINDS.items() if kind.stream in ("moderation", "consultation")
    }

    assert kinds.CONSULTATION_MESSAGE in listed
    assert (
        'if (message.stream === "moderation" || message.stream.startsWith("consultation:")) {\n'
        "      return refreshQueue();"
    ) in source
