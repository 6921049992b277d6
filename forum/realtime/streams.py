"""Stream and group names, in one place.

A client subscribes to streams by name: ``thread:<id>``, ``board:<id>``, ``user`` (its own
notifications; stored as ``user:<id>``), ``moderation`` and ``latest`` (every board the reader
may read, for the lists across boards: its events are the boards') and ``consultation:<id>``
(a private consultation's new messages, ids only, to those who may read it). Each stream is one
Channels group.

Moderation events are stored per program area (``moderation:<area id>``; ``moderation:0`` for
site-wide work such as the verification queue) and broadcast both to that area's group and to
the site moderators' group; a moderator's ``moderation`` subscription covers the areas in
their scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STREAM = re.compile(r"^(thread|board|consultation):([1-9][0-9]{0,17})$|^(user|moderation|latest)$")


@dataclass(frozen=True)
class Stream:
    kind: str  # thread, board, consultation, user, moderation, latest
    object_id: int | None = None

    @property
    def name(self) -> str:
        return self.kind if self.object_id is None else f"{self.kind}:{self.object_id}"

    @property
    def group(self) -> str:
        # Channels group names allow letters, digits, "-", "_" and "." only.
        return "stream." + self.name.replace(":", ".")

    @property
    def groups(self) -> list[str]:
        """Where an event of this stream is broadcast."""
        if self.kind == "moderation" and self.object_id is not None:
            return [self.group, SITE_MODERATION_GROUP]
        return [self.group]


SITE_MODERATION_GROUP = "stream.moderation"
SITE_WIDE = 0  # moderation:0 holds events for site moderators only


def parse(name: object, *, user_id: int | None) -> Stream | None:
    """The stream a client asked for, or None when the name is malformed."""
    if not isinstance(name, str):
        return None
    match = STREAM.match(name)
    if match is None:
        return None
    if match.group(1):
        return Stream(match.group(1), int(match.group(2)))
    if match.group(3) == "user":
        return Stream("user", user_id) if user_id else Stream("user", 0)
    return Stream(match.group(3))


def thread(thread_id: int) -> Stream:
    return Stream("thread", thread_id)


def board(board_id: int) -> Stream:
    return Stream("board", board_id)


def user(user_id: int) -> Stream:
    return Stream("user", user_id)


def consultation(consultation_id: int) -> Stream:
    return Stream("consultation", consultation_id)


def moderation(area_id: int | None) -> Stream:
    """The stored stream of an area's moderation events (None: site-wide work)."""
    return Stream("moderation", area_id or SITE_WIDE)


def access_group(board_id: int) -> str:
    """Sockets following a board or one of its threads: told when its audience changes."""
    return f"access.board.{board_id}"


def account_group(user_id: int) -> str:
    """Every socket of a signed-in account, whatever it follows: closed or re-checked when the
    account changes (forum/realtime/accounts.py)."""
    return f"account.{user_id}"


def session_group(session_key: str) -> str:
    """Every socket opened with one session: closed when it signs out."""
    return f"session.{session_key}"
