"""Seed the benchmark data set `forum-bench-v1` (shared/bench/DATASET.md) with bulk inserts.

200 verified members, one public "Benchmark board" with 10,000 one-post threads (thread k by
member (k*7) mod 200, one minute apart from 2024-01-01T00:00Z), and one more thread of 1,000
posts (post j by member (j*13) mod 200, 30 s apart, after the others). Bodies: 560-700
characters of Markdown from a fixed vocabulary and a fixed seed, rendered by the site's own
renderer. Idempotent: does nothing when the board already exists.

    DATABASE_URL=sqlite:////tmp/forum-bench.sqlite3 .venv/bin/python bench/seed_forum.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from forum.markup import render  # noqa: E402
from forum.models import Board, Post, Profile, ProgramArea, Thread  # noqa: E402

SEED = 20240101
START = datetime(2024, 1, 1, tzinfo=UTC)
MEMBERS, THREADS, BIG_THREAD_POSTS = 200, 10_000, 1_000
WORDS = [
    "prosecutor",
    "office",
    "charge",
    "evidence",
    "witness",
    "victim",
    "court",
    "hearing",
    "motion",
    "trial",
    "appeal",
    "sentence",
    "diversion",
    "program",
    "county",
    "statute",
    "jurisdiction",
    "counsel",
    "defense",
    "plea",
    "review",
    "policy",
    "training",
    "data",
    "outcome",
    "community",
    "safety",
    "justice",
    "report",
    "practice",
    "guideline",
    "investigation",
    "interview",
    "forensic",
    "expert",
    "record",
    "disclosure",
    "timeline",
    "caseload",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"[{words[i]}](https://example.org/{words[i]})"
    return " ".join(words).capitalize() + "."


def body(rng: random.Random) -> str:
    """560-700 characters: paragraphs, a 2-4 item list, sometimes a quote."""
    target = rng.randint(560, 700)
    items = "\n".join(
        f"- {rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(rng.randint(2, 4))
    )
    parts = [items]
    if rng.random() < 0.25:
        parts.insert(0, "> " + sentence(rng))
    text = ""
    while len(text) < target:
        parts.insert(-1, sentence(rng))
        text = "\n\n".join(parts)
    if len(text) > 700:  # trim the last paragraph before the list, keep it valid Markdown
        excess = len(text) - 700
        parts[-2] = parts[-2][: max(20, len(parts[-2]) - excess - 1)].rstrip("*`[_ ") + "."
        text = "\n\n".join(parts)
    return text


def title(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(3, 7))) + f" #{k}"


def seed() -> None:
    if Board.objects.filter(slug="benchmark-board").exists():
        print("forum-bench-v1 already seeded")
        return
    started = time.perf_counter()
    rng = random.Random(SEED)
    User = get_user_model()
    with transaction.atomic():
        password = make_password("bench-password")
        users = User.objects.bulk_create(
            User(username=f"user{n:03d}", email=f"user{n:03d}@example.org", password=password)
            for n in range(MEMBERS)
        )
        Profile.objects.bulk_create(
            Profile(user=u, display_name=u.username.title(), verification="verified") for u in users
        )
        area, _ = ProgramArea.objects.get_or_create(
            slug="benchmark", defaults={"name_en": "Benchmark", "position": 9999}
        )
        board = Board.objects.create(
            area=area, slug="benchmark-board", name_en="Benchmark board", visibility="public"
        )
        threads, posts = [], []
        for k in range(THREADS):
            author = users[(k * 7) % MEMBERS]
            at = START + timedelta(minutes=k)
            threads.append(
                Thread(
                    board=board,
                    title=title(rng, k),
                    author=author,
                    language="en",
                    created_at=at,
                    last_post_at=at,
                    last_poster=author,
                    post_count=1,
                )
            )
        big_start = START + timedelta(minutes=THREADS)
        big_last = big_start + timedelta(seconds=30 * (BIG_THREAD_POSTS - 1))
        threads.append(
            Thread(
                board=board,
                title=title(rng, THREADS),
                author=users[0],
                language="en",
                created_at=big_start,
                last_post_at=big_last,
                last_poster=users[((BIG_THREAD_POSTS - 1) * 13) % MEMBERS],
                post_count=BIG_THREAD_POSTS,
                reply_count=BIG_THREAD_POSTS - 1,
            )
        )
        threads = Thread.objects.bulk_create(threads, batch_size=1000)
        for thread in threads[:THREADS]:
            text = body(rng)
            posts.append(
                Post(
                    thread=thread,
                    author=thread.author,
                    position=1,
                    body_source=text,
                    body_html=render(text),
                    language="en",
                    created_at=thread.created_at,
                )
            )
        big = threads[THREADS]
        for j in range(BIG_THREAD_POSTS):
            text = body(rng)
            posts.append(
                Post(
                    thread=big,
                    author=users[(j * 13) % MEMBERS],
                    position=j + 1,
                    body_source=text,
                    body_html=render(text),
                    language="en",
                    created_at=big_start + timedelta(seconds=30 * j),
                )
            )
        Post.objects.bulk_create(posts, batch_size=1000)
    print(
        f"seeded forum-bench-v1: {MEMBERS} members, {len(threads)} threads, {len(posts)} posts "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    seed()
