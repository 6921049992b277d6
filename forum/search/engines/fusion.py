"""Reciprocal rank fusion of the full-text ranking and the vector ranking (database engine).

A hit's fused score is the sum over the two rankings it appears in of 1 / (RRF_K + rank): a
thread found by its words and by its meaning comes first, one found by either alone follows in
the order of its rank there. Rank fusion needs no common scale between ts_rank or bm25 and a
cosine, which have none. The vector ranking takes the TOP_K permitted entries nearest the
query whose cosine is at least FLOOR: below it a query of unrelated words would still bring
back its nearest neighbours, which are noise (docs/search.md, "Across languages").

FLOOR was set without looking at the answers of bench/data/cross_language.json: 30 off-topic
queries in the eight languages (recipes, weather, football, "password reset") reach at most 0.22
against the benchmark's 2,000 posts, so 0.25 keeps them out. At the former 0.35 a quarter of the
questions lost their answering thread (its cosine is 0.23 to 0.35 for one question in four).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from forum.search import embeddings
from forum.search.analysis import ParsedQuery
from forum.search.engines.base import EngineQuery

RRF_K = 60
TOP_K = 50
FLOOR = 0.25


def query_text(query: ParsedQuery) -> str:
    """The words the query asks for, as the encoder reads them (excluded words left out)."""
    return " ".join(word for clause in query.clauses if not clause.negated for word in clause.words)


def nearest(request: EngineQuery) -> list[tuple[int, float]]:
    """(entry id, cosine) of the permitted entries nearest the query (vectors.py)."""
    from forum.search.vectors import cache

    text = query_text(request.query)
    if not text:
        return []
    vector = embeddings.embed_query(text)
    if not np.any(vector):
        return []
    return cache.current().nearest(vector, request.audience, request.filters, TOP_K, FLOOR)


@dataclass
class Fused:
    order: list[int] = field(default_factory=list)  # entry ids, best first
    scores: dict[int, float] = field(default_factory=dict)
    by_meaning: set[int] = field(default_factory=set)  # found by the vector side alone


def fuse(text_ranked: list[int], vector_ranked: list[int]) -> Fused:
    fused = Fused()
    for ranking in (text_ranked, vector_ranked):
        for rank, entry_id in enumerate(ranking, start=1):
            fused.scores[entry_id] = fused.scores.get(entry_id, 0.0) + 1.0 / (RRF_K + rank)
    fused.by_meaning = set(vector_ranked) - set(text_ranked)
    # Ties (the same rank in one list each) go to the full-text side, then the newer entry.
    text_rank = {entry_id: rank for rank, entry_id in enumerate(text_ranked)}
    order = sorted(
        fused.scores,
        key=lambda entry_id: (
            -fused.scores[entry_id],
            text_rank.get(entry_id, len(text_ranked)),
            -entry_id,
        ),
    )
    # The places the fusion gives the word matches are theirs, but among them the full-text
    # order stands (a title match first, then newer): a whole post's nearness to a query of a
    # word or two says less about which of them matches best than bm25 / ts_rank does.
    slots = [index for index, entry_id in enumerate(order) if entry_id in text_rank]
    slot_scores = [fused.scores[order[index]] for index in slots]
    by_words = sorted((order[index] for index in slots), key=text_rank.__getitem__)
    for index, entry_id, score in zip(slots, by_words, slot_scores, strict=True):
        order[index] = entry_id
        fused.scores[entry_id] = score
    fused.order = order
    return fused
