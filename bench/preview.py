"""A post's preview round-trip in-process (issue 23: p95 under 50 ms for a 5,000-character post).

Signs in a member of the benchmarks' forum (bench/common.benchmark_site) with a real session and
POSTs a 5,000-character Markdown post (paragraphs, emphasis, lists, quotes, links, code) to
/en/posts/preview/ through Django's test client (the whole middleware stack, CSRF included,
DEBUG off), REQUESTS times after a warm-up; prints p50, p95 and p99. Bounded: a few seconds.

    make bench-preview      # or: .venv/bin/python bench/preview.py [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import sys

import common  # noqa: F401 - puts the project on sys.path
from common import benchmark_site

CODE = r"""
import statistics, sys, time
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from bench.sessions import signed_in

requests = int(sys.argv[1])
# The rate limit (120 a minute per member) would stop the run: measured is the render path.
from forum import limits
limits.PREVIEWS_PER_WINDOW = 10**9
chunk = (
    "A **charging decision** in a case with a *child witness* needs [the guideline]"
    "(https://example.org/guide) and `code`.\n\n- first point\n- second point\n\n"
    "> quoted advice\n\n"
)
body = (chunk * (5000 // len(chunk) + 1))[:5000]
member = get_user_model().objects.get(username="user000")
client = Client(HTTP_HOST="127.0.0.1", enforce_csrf_checks=True)
client.cookies[settings.SESSION_COOKIE_NAME] = signed_in(member)
token = "t" * 32
client.cookies[settings.CSRF_COOKIE_NAME] = token
def once():
    started = time.perf_counter()
    response = client.post("/en/posts/preview/", {"body": body, "csrfmiddlewaretoken": token})
    assert response.status_code == 200, response.status_code
    return (time.perf_counter() - started) * 1000
for _ in range(10):
    once()
times = sorted(once() for _ in range(requests))
def at(q):
    return times[min(len(times) - 1, int(q * len(times)))]
print(f"{len(body):,}-character post, {requests} previews in-process: "
      f"p50 {at(0.5):.1f} ms, p95 {at(0.95):.1f} ms, p99 {at(0.99):.1f} ms, "
      f"mean {statistics.mean(times):.1f} ms")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    env = benchmark_site()
    os.execve(sys.executable, [sys.executable, "-c", CODE, str(args.requests)], env)  # noqa: S606


if __name__ == "__main__":
    main()
