"""What every engine takes and gives back, and the rules they share."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from forum.search.analysis import ParsedQuery
from forum.search.documents import IndexDoc

FACETS = ("kind", "language", "area_id")  # counted per value; the other filters only narrow
NARROWING = ("board_id", "author_id")  # exact values; the dates narrow too


class SearchUnavailable(Exception):
    """The engine did not answer: the search page says so instead of failing."""


@dataclass(frozen=True)
class Audience:
    """Whose search this is, as the index sees it (forum.search.service.audience_for).

    Pages are for everyone (only public pages are indexed). A post is found by those who read
    its board when published; pending and hidden posts also by the board's moderators and by
    their author. Deleted posts are never indexed.
    """

    everything: bool  # a site moderator
    boards: frozenset[int]  # boards the user reads
    moderated: frozenset[int]  # boards the user moderates
    user_id: int | None

    def may_see(self, *, board_id: int | None, state: str, author_id: int | None) -> bool:
        """The same rule as the engines' filters, for a hit's current state."""
        if board_id is None:  # a page
            return True
        if state == "deleted":
            return False
        if self.everything or board_id in self.moderated:
            return True
        if board_id not in self.boards:
            return False
        return state == "published" or (self.user_id is not None and author_id == self.user_id)


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    language: str | None = None
    area_id: int | None = None
    board_id: int | None = None
    author_id: int | None = None
    author_ids: tuple[int, ...] | None = None  # any of these (a display name several share)
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive

    def facet_value(self, name: str):
        return getattr(self, name)

    def equal(self, names: tuple[str, ...]) -> dict:
        """The chosen ones of these exact-value filters, as field -> value."""
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


@dataclass(frozen=True)
class EngineQuery:
    query: ParsedQuery
    audience: Audience
    filters: Filters
    offset: int
    limit: int


@dataclass
class EngineHit:
    source: str
    object_id: int
    language: str
    kind: str
    score: float
    title: str  # marked text (analysis.MARK_START/END around matches)
    snippet: str  # marked text
    url: str = ""
    by_meaning: bool = False  # found by its meaning alone (the vector side), not its words


@dataclass
class EngineResult:
    hits: list[EngineHit]
    # (kind, language, area_id) -> count, over the query, the audience and the filters that
    # are not facets: enough to count every facet with the others' selections applied.
    groups: dict[tuple[str, str, int | None], int] = field(default_factory=dict)

    def total(self, filters: Filters) -> int:
        return sum(n for key, n in self.groups.items() if _selected(key, filters, skip=None))

    def facet_counts(self, filters: Filters) -> dict[str, dict]:
        """Per facet, value -> count with every other facet's selection applied (so choosing a
        language still shows how many hits the other languages have)."""
        counts: dict[str, dict] = {name: {} for name in FACETS}
        for key, n in self.groups.items():
            for index, name in enumerate(FACETS):
                if _selected(key, filters, skip=name):
                    counts[name][key[index]] = counts[name].get(key[index], 0) + n
        return counts


def _selected(key: tuple, filters: Filters, *, skip: str | None) -> bool:
    for index, name in enumerate(FACETS):
        wanted = filters.facet_value(name)
        if name != skip and wanted is not None and key[index] != wanted:
            return False
    return True


class Engine(ABC):
    """Search and keep the index: each engine implements these."""

    name = ""

    @abstractmethod
    def search(self, request: EngineQuery) -> EngineResult: ...

    @abstractmethod
    def replace(self, docs: dict[tuple[str, int], list[IndexDoc]]) -> None:
        """Make the index hold exactly these documents for these objects (none: removed)."""

    @abstractmethod
    def rebuild(self, batches: Iterable[list[IndexDoc]], progress=None) -> int:
        """Replace the whole index with these documents, readers never seeing it half-built;
        returns how many were indexed. ``progress(n)`` is called after each batch."""

    @abstractmethod
    def check(self) -> None:
        """Raise when the engine cannot be reached."""
