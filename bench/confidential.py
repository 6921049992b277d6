"""The confidential-data check's cost (issue 24): what it adds to sending a post.

In-process, on nothing but the check (forum/confidential/): reads every sentence of the labelled
corpus and the held-out set (tests/confidential/) REPEAT times, then posts of the sizes members
send (a 600-character reply, a 5,000-character post, the 20,000-character maximum, each built
from the corpus's own sentences) ROUNDS times, and 100 KB texts built to be slow (runs of
digits, role words before capitals, Arabic and Chinese identifiers back to back), once each.
Prints sentences per second and p50/p95 per size. Bounded: under a minute.

    make bench-check      # or: .venv/bin/python bench/confidential.py [--rounds 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import common  # noqa: F401 - puts the project on sys.path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    import django

    django.setup()
    from forum.confidential import check
    from tests.confidential.scoring import CORPUS, HELDOUT, load

    sentences = [
        entry["text"]
        for folder in (CORPUS, HELDOUT)
        for lines in load(folder).values()
        for entry in lines
    ]
    started = time.perf_counter()
    for _ in range(arguments.repeat):
        for sentence in sentences:
            check(sentence)
    elapsed = time.perf_counter() - started
    out = sys.stdout.write
    out(f"{len(sentences)} sentences x {arguments.repeat}: ")
    out(f"{len(sentences) * arguments.repeat / elapsed:,.0f} sentences/s\n\n")
    prose = " ".join(sentences)
    out("| text | characters | p50 ms | p95 ms | marked |\n|---|---:|---:|---:|---:|\n")
    for name, size in (("a reply", 600), ("a long post", 5_000), ("the largest post", 20_000)):
        text = prose[:size]
        times = []
        for _ in range(arguments.rounds):
            started = time.perf_counter()
            found = check(text)
            times.append(_ms(started))
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        out(f"| {name} | {size:,} | {statistics.median(times):.1f} | {p95:.1f} | {len(found)} |\n")
    slow = {
        "digits and separators": " ".join(["1", "2 3", "4-5", "6.7", "8/9"] * 5000),
        "role words before capitals": "the victim Maria Lopez Garcia Fernandez " * 3000,
        "Arabic identifiers": "الضحية فاطمة العلوي شارع النصر 12 قضية رقم 123/2023 " * 3000,
        "Chinese identifiers": "被害人王芳住在海淀区学院路35号\uff082023\uff09京0105刑初1876号"
        * 3000,
        "one long address part": "a" * 99_990 + "@example.org",
    }
    out("\n| 100 KB built to be slow | ms | marked |\n|---|---:|---:|\n")
    for name, text in slow.items():
        started = time.perf_counter()
        found = check(text[:100_000])
        out(f"| {name} | {_ms(started):.0f} | {len(found)} |\n")


if __name__ == "__main__":
    main()
