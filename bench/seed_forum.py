"""Seed the benchmark data set `forum-bench-v1` from the peers' own generator, with bulk inserts.

The data set is defined once, by `shared/bench/peers/dataset.py` (framework-neutral, no Django):
django-machina is seeded from it by `machina.sh`, and this seeds our models from the very same
users, threads and posts, so a side-by-side run (bench/peers.py) compares byte-identical
content. 200 verified members `user000`..`user199` (password "bench-password"), one public
"Benchmark board" (area "benchmark", slug "benchmark-board") with 10,000 one-post threads and a
1,000-post thread with the latest activity; subjects, bodies (Markdown rendered by the site's
own renderer), posters, timestamps and creation order as the generator yields them.

Idempotent: does nothing when the board already holds this data set; refuses (with what to do)
when it holds something else, such as the data of an older seeder.

    DATABASE_URL=sqlite:////tmp/forum-bench.sqlite3 .venv/bin/python bench/seed_forum.py

PEERS_DIR overrides where dataset.py is looked for (default: <repo>/../shared/bench/peers).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def peers_dir() -> Path:
    return Path(os.environ.get("PEERS_DIR") or ROOT.parent / "shared" / "bench" / "peers")


def load_dataset() -> ModuleType:
    """The peers' data set generator (shared/bench/peers/dataset.py), or a clear exit."""
    path = peers_dir() / "dataset.py"
    if not path.is_file():
        sys.exit(
            f"bench/seed_forum.py: the data set generator {path} is missing. It comes with the "
            "peer benchmark (shared/bench/peers/); set PEERS_DIR to the folder holding dataset.py."
        )
    spec = importlib.util.spec_from_file_location("peers_dataset", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


dataset = load_dataset()

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from forum.markup import render  # noqa: E402
from forum.models import Board, Post, Profile, ProgramArea, Thread  # noqa: E402

AREA, BOARD = "benchmark", "benchmark-board"
THREADS = dataset.N_SMALL_THREADS + 1
POSTS = dataset.N_SMALL_THREADS + dataset.BIG_THREAD_POSTS


def already_seeded(board: Board, threads: list[dict]) -> bool:
    """Whether the board holds this data set (counts, first and last subject), not another."""
    rows = Thread.objects.filter(board=board)
    first, last = rows.order_by("pk").first(), rows.order_by("-pk").first()
    return (
        rows.count() == THREADS
        and Post.objects.filter(thread__board=board).count() == POSTS
        and first is not None
        and last is not None
        and first.title == threads[0]["subject"]
        and last.title == threads[-1]["subject"]
    )


def seed() -> None:
    threads = list(dataset.threads())
    board = Board.objects.filter(area__slug=AREA, slug=BOARD).first()
    if board is not None:
        if already_seeded(board, threads):
            print(f"{dataset.NAME} already seeded")
            return
        sys.exit(
            f"bench/seed_forum.py: the board {BOARD!r} holds other data than {dataset.NAME} "
            "from shared/bench/peers/dataset.py (an older seeder's?). Delete the SQLite file "
            "or drop the database, and run again."
        )
    started = time.perf_counter()
    User = get_user_model()
    with transaction.atomic():
        password = make_password(dataset.PASSWORD)
        users = User.objects.bulk_create(
            User(
                username=u["username"],
                email=u["email"],
                password=password,
                date_joined=u["date_joined"],
            )
            for u in dataset.users()
        )
        Profile.objects.bulk_create(
            Profile(user=u, display_name=u.username.title(), verification="verified") for u in users
        )
        area, _ = ProgramArea.objects.get_or_create(
            slug=AREA, defaults={"name_en": "Benchmark", "position": 9999}
        )
        board = Board.objects.create(
            area=area, slug=BOARD, name_en=dataset.BOARD_NAME, visibility="public"
        )
        rows = Thread.objects.bulk_create(
            (
                Thread(
                    board=board,
                    title=t["subject"],
                    author=users[t["poster"]],
                    language="en",
                    created_at=t["created"],
                    last_post_at=t["posts"][-1]["created"],
                    last_poster=users[t["posts"][-1]["poster"]],
                    post_count=len(t["posts"]),
                    reply_count=len(t["posts"]) - 1,
                    changed_at=t["posts"][-1]["created"],
                )
                for t in threads
            ),
            batch_size=1000,
        )
        Post.objects.bulk_create(
            (
                Post(
                    thread=row,
                    author=users[p["poster"]],
                    position=j + 1,
                    body_source=p["body"],
                    body_html=render(p["body"]),
                    language="en",
                    created_at=p["created"],
                )
                for row, t in zip(rows, threads, strict=True)
                for j, p in enumerate(t["posts"])
            ),
            batch_size=1000,
        )
    print(
        f"seeded {dataset.NAME}: {len(users)} members, {len(rows)} threads, {POSTS} posts "
        f"in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    seed()
