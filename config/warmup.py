"""What a web process loads once, on first use, and would make its first member wait for.

The search's sentence encoder (forum/search/embeddings.py: 1.4 s on a quiet machine, 3 s and
more under load) and the language identifier a post's language is guessed with
(forum/language.py). gunicorn's workers load both in a thread of their own as they start
(config/deploy/gunicorn.conf.py), so the first search after a deploy or a worker's restart is
as fast as the next; a request that comes sooner waits for the same load, not a second one.
"""

from __future__ import annotations

import logging
import os
import time

logger = logging.getLogger(__name__)


def warm(log: logging.Logger = logger) -> None:
    """Load them, and say so in ``log`` (a gunicorn worker's own)."""
    from forum.language import detect_language
    from forum.search import embeddings

    started = time.perf_counter()
    try:
        embeddings.model()
        detect_language("The first post a process reads loads the model: this one.", fallback="en")
    except Exception:  # a request that needs them loads them again, and says why it failed
        log.exception("Warming up failed (pid: %s)", os.getpid())
        return
    log.info("Warmed up in %.1f s (pid: %s)", time.perf_counter() - started, os.getpid())
