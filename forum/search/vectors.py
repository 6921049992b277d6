"""The vector side of the database engine: the top K entries by cosine similarity to the query
among those the audience may see and the narrowing filters keep.

Each process keeps the entries' vectors as one float32 matrix with, beside it, what the
permission rule and the narrowing filters read (board, state, author, date). An entry row is
never changed in place (an update deletes it and writes a new row), so a row's id names the same
facts for as long as it exists. Writers stamp ``SearchIndexState.vectors_token`` with a new value
in the same transaction; a search reads the token and, only when it changed, brings the matrix
up to date: each row's id, the first bytes of its vector and what the permission rule reads are
compared (a row deleted, written, or an id used again after a test's rollback, even for the same
text on another board or in another state) and only new rows' vectors are read.

The permission mask is built BEFORE the similarity ranking, so a row the audience may not see is
never a candidate; the engine then reads the candidates back through ``audience_q`` (database.py)
so a row changed since is judged by its current state.
"""

from __future__ import annotations

import threading
import uuid

import numpy as np
from django.db.models.functions import Substr

from forum.search import embeddings
from forum.search.engines.base import Audience, Filters

PREFIX = 8  # bytes of a vector compared, with the row's facts, to tell the same row from a new one
FACTS = ("board_id", "author_id", "state", "created_at")
NONE = -1  # board or author id of none


def new_token() -> None:
    """Tell every process's cache the index changed (call inside the writer's transaction)."""
    from forum.models import SearchIndexState

    SearchIndexState.objects.update_or_create(pk=1, defaults={"vectors_token": uuid.uuid4().hex})


class VectorCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.token: str | None = None
        self.ids = np.zeros(0, dtype=np.int64)
        self.signatures: list[tuple] = []
        self.matrix = np.zeros((0, embeddings.DIMENSIONS), dtype=np.float32)
        self.board = np.zeros(0, dtype=np.int64)
        self.author = np.zeros(0, dtype=np.int64)
        self.published = np.zeros(0, dtype=bool)
        self.created = np.zeros(0, dtype=np.float64)

    def current(self) -> VectorCache:
        from forum.models import SearchIndexState

        token = SearchIndexState.objects.filter(pk=1).values_list("vectors_token", flat=True)
        token_value = next(iter(token), "")
        if token_value != self.token:
            with self._lock:
                if token_value != self.token:
                    self._sync(token_value)
        return self

    def _sync(self, token: str) -> None:
        from forum.models import SearchEntry

        rows = SearchEntry.objects.filter(vector__isnull=False).order_by("pk")
        present = [
            (pk, (bytes(head), *facts))
            for pk, head, *facts in rows.annotate(head=Substr("vector", 1, PREFIX)).values_list(
                "pk", "head", *FACTS
            )
        ]
        known = dict(zip(self.ids.tolist(), self.signatures, strict=True))
        keep = [pk for pk, signature in present if known.get(pk) == signature]
        fresh = [pk for pk, signature in present if known.get(pk) != signature]
        kept = np.isin(self.ids, np.array(keep, dtype=np.int64))
        parts = self._read(fresh)
        self.ids = np.concatenate([self.ids[kept], parts["ids"]])
        kept_signatures = [s for s, k in zip(self.signatures, kept, strict=True) if k]
        self.signatures = kept_signatures + parts["pre"]
        self.matrix = np.concatenate([self.matrix[kept], parts["matrix"]])
        for name in ("board", "author", "published", "created"):
            setattr(self, name, np.concatenate([getattr(self, name)[kept], parts[name]]))
        self.token = token

    @staticmethod
    def _read(ids: list[int]) -> dict:
        from forum.models import SearchEntry

        fields = ("pk", *FACTS, "vector")
        rows = []
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            rows += list(SearchEntry.objects.filter(pk__in=chunk).values_list(*fields))
        matrix = np.zeros((len(rows), embeddings.DIMENSIONS), dtype=np.float32)
        for index, row in enumerate(rows):
            matrix[index] = embeddings.from_bytes(row[5])
        return {
            "ids": np.array([row[0] for row in rows], dtype=np.int64),
            "pre": [(bytes(row[5])[:PREFIX], *row[1:5]) for row in rows],
            "matrix": matrix,
            "board": np.array([NONE if row[1] is None else row[1] for row in rows], np.int64),
            "author": np.array([NONE if row[2] is None else row[2] for row in rows], np.int64),
            "published": np.array([row[3] == "published" for row in rows], dtype=bool),
            "created": np.array([row[4].timestamp() for row in rows], dtype=np.float64),
        }

    # --- Searching ----------------------------------------------------------------------------

    def permitted(self, audience: Audience, filters: Filters) -> np.ndarray:
        """The rows the audience may see (Audience.may_see, database.audience_q) and the
        narrowing filters keep: board, author, dates."""
        page = self.board == NONE
        if audience.everything:
            mask = np.ones(len(self.ids), dtype=bool)
        else:
            reads = np.isin(self.board, np.array(sorted(audience.boards), dtype=np.int64))
            mask = page | (reads & self.published)
            if audience.moderated:
                mask |= np.isin(self.board, np.array(sorted(audience.moderated), np.int64))
            if audience.user_id is not None:
                mask |= reads & (self.author == audience.user_id)
        if filters.board_id is not None:
            mask &= self.board == filters.board_id
        if filters.author_id is not None:
            mask &= self.author == filters.author_id
        if filters.author_ids is not None:
            mask &= np.isin(self.author, np.array(filters.author_ids, dtype=np.int64))
        if filters.since is not None:
            mask &= self.created >= filters.since.timestamp()
        if filters.until is not None:
            mask &= self.created < filters.until.timestamp()
        return mask

    def nearest(
        self, query: np.ndarray, audience: Audience, filters: Filters, k: int, floor: float
    ) -> list[tuple[int, float]]:
        """(entry id, cosine) of the k permitted rows nearest the query, at least ``floor``."""
        if not len(self.ids):
            return []
        scores = self.matrix @ query
        scores[~self.permitted(audience, filters)] = -2.0
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top if scores[i] >= floor]


cache = VectorCache()
