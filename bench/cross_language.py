"""Cross-language retrieval benchmark (issue 20): recall@10 per (query language -> thread
language) pair, full-text alone and fused with the sentence embeddings, and search latency.

    .venv/bin/python bench/cross_language.py                  # SQLite, 2,000 filler posts
    DATABASE_URL=postgres://... .venv/bin/python bench/cross_language.py --posts 100000

Builds a throwaway index (the engine's own rebuild, no forum rows): the answering threads of
bench/data/cross_language.json among filler posts generated in the eight languages from
bench/search.py's vocabularies, all on one public board; each question runs as a visitor
through the engine (the permission filter in play). Filler texts come from a pool of 3,000
distinct texts, each embedded once (so 100,000 posts take minutes, not the 20 the encoder
would need for 100,000 distinct texts); the similarity work per search is the same.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/forum_cross_language_bench.sqlite3")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from forum.search import embeddings  # noqa: E402
from forum.search.analysis import parse_query  # noqa: E402
from forum.search.documents import IndexDoc  # noqa: E402
from forum.search.engines import database, get_engine  # noqa: E402
from forum.search.engines.base import Audience, EngineQuery, Filters  # noqa: E402

DATA = Path(__file__).parent / "data" / "cross_language.json"
LANGUAGES = ["en", "es", "fr", "pt", "ar", "ru", "zh-hans", "de"]
POOL = 3000
START = datetime(2024, 1, 1, tzinfo=UTC)
VISITOR = Audience(everything=False, boards=frozenset({1}), moderated=frozenset(), user_id=None)


def vocabulary() -> dict[str, list[str]]:
    from bench.search import VOCABULARY

    return {code: VOCABULARY[code].split() for code in LANGUAGES if code in VOCABULARY}


def filler_texts(rng: random.Random) -> list[tuple[str, str, str]]:
    words = vocabulary()
    pool = []
    for index in range(POOL):
        code = LANGUAGES[index % len(LANGUAGES)]
        vocab = words.get(code) or words["en"]
        title = " ".join(rng.choices(vocab, k=5))
        body = " ".join(rng.choices(vocab, k=rng.randint(30, 60)))
        pool.append((code, title, body))
    return pool


def documents(threads: list[dict], posts: int, rng: random.Random):
    pool = filler_texts(rng)
    docs = []
    for index, thread in enumerate(threads):
        docs.append(doc(index + 1, thread["language"], thread["title"], thread["body"], index))
    for number in range(len(threads) + 1, posts + 1):
        code, title, body = pool[number % POOL]
        docs.append(doc(number, code, title, body, number))
    for start in range(0, len(docs), 1000):
        yield docs[start : start + 1000]


def doc(object_id: int, language: str, title: str, body: str, minutes: int) -> IndexDoc:
    return IndexDoc(
        "post", object_id, language, "thread", title, body,
        created_at=START + timedelta(minutes=minutes), area_id=1, board_id=1, thread_id=object_id,
    )  # fmt: skip


def memoised_embed():
    """embeddings.embed, each distinct text encoded once (the filler pool repeats)."""
    plain, seen = embeddings.embed, {}

    def embed(texts):
        missing = [text for text in dict.fromkeys(texts) if text not in seen]
        seen.update(zip(missing, plain(missing), strict=True))
        import numpy as np

        return np.array([seen[text] for text in texts], dtype=np.float32).reshape(-1, 512)

    return embed


def run(threads, fused: bool) -> tuple[dict, list[float]]:
    engine = get_engine()
    hits_at = defaultdict(list)
    timings = []
    plain_nearest = database.nearest
    if not fused:
        database.nearest = lambda request: []
    try:
        for index, thread in enumerate(threads):
            for code, question in thread["questions"].items():
                request = EngineQuery(parse_query(question), VISITOR, Filters(), 0, 10)
                started = time.perf_counter()
                found = engine.search(request) if request.query.languages_with_terms() else None
                timings.append((time.perf_counter() - started) * 1000)
                ids = [hit.object_id for hit in found.hits] if found else []
                hits_at[(code, thread["language"])].append(index + 1 in ids)
    finally:
        database.nearest = plain_nearest
    return {pair: sum(v) / len(v) for pair, v in hits_at.items()}, timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--filler", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=0, help="total posts (overrides --filler)")
    args = parser.parse_args()
    began = time.perf_counter()
    threads = json.loads(DATA.read_text())["threads"]
    posts = args.posts or len(threads) + args.filler
    call_command("migrate", verbosity=0)
    embeddings.embed = memoised_embed()
    started = time.perf_counter()
    indexed = get_engine().rebuild(documents(threads, posts, random.Random(7)))
    print(f"indexed {indexed} posts in {time.perf_counter() - started:.0f} s "
          f"(model loaded in {embeddings.load_seconds:.1f} s)")  # fmt: skip
    for fused in (False, True):
        run(threads, fused)  # a first pass warms the vector cache and the database's pages
        recall, timings = run(threads, fused)
        name = "fused" if fused else "full-text"
        timings.sort()
        p50, p95 = timings[len(timings) // 2], timings[int(len(timings) * 0.95)]
        average = statistics.mean(recall.values())
        print(f"\n{name}: recall@10 over pairs {average:.2f}; p50 {p50:.0f}, p95 {p95:.0f} ms")
        print("query\\thread " + " ".join(f"{c:>7}" for c in LANGUAGES))
        for query in LANGUAGES:
            cells = [recall.get((query, target)) for target in LANGUAGES]
            shown = ("      -" if c is None else f"{c:7.2f}" for c in cells)
            print(f"{query:>12} " + " ".join(shown))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    took = time.perf_counter() - began
    print(f"\nrun time {took:.0f} s; peak memory of the process {peak:.0f} MB")


if __name__ == "__main__":
    main()
