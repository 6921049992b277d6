"""Benchmark of the board and thread pages on the forum-bench-v1 data set.

Seeds the data set (bench/seed_forum.py) into a SQLite file under bench/results/ unless
DATABASE_URL is set, serves it with one Daphne process on 127.0.0.1, and measures as an
anonymous reader with `wrk -t2 -c16 -d10s`, twice each: the board's first page, the big
thread's first and last page, and the bare-view ceiling. Bounded: about two minutes, plus
about 40 s the first time for seeding.

    make bench-forum      # or: .venv/bin/python bench/forum.py
"""

from __future__ import annotations

import json
import subprocess
import sys

import common  # noqa: F401 - puts the project on sys.path
from common import ROOT, benchmark_site, measure


def main() -> None:
    env = benchmark_site()
    locate = (
        "import django, json; django.setup()\n"
        "from forum.models import Thread\n"
        "big = Thread.objects.filter(board__slug='benchmark-board').order_by('-post_count')[0]\n"
        "print(json.dumps([big.pk, big.post_count]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", locate],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    big, posts = json.loads(out)
    last_page = -(-posts // 20)
    pages = {
        "board page 1": "/en/b/benchmark/benchmark-board/",
        "big thread, first page": f"/en/t/{big}/",
        f"big thread, last page ({last_page})": f"/en/t/{big}/?page={last_page}",
        "ceiling (bare view)": "/bench/ceiling",
    }
    results = measure(env, pages)
    ceiling = sum(float(r["rps"]) for r in results["ceiling (bare view)"]) / 2
    thread = sum(float(r["rps"]) for r in results["big thread, first page"]) / 2
    print(f"thread page / ceiling: {thread / ceiling:.0%} (target: at least 50%)")


if __name__ == "__main__":
    main()
