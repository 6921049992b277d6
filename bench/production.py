"""Benchmark of the production shape against one Daphne process, on the forum-bench-v1 data set.

The same pages, the same data, the same machine, served two ways:

- production: nginx (config/deploy/nginx.py) in front of gunicorn with 2 sync workers
  (config/deploy/gunicorn.conf.py), as docs/deploy.md sets it up;
- one Daphne process serving HTTP too, as the site was served before issue 19.

Pages: the big thread's first page and the board's first page signed in as a member (user000,
a session cookie), and the big thread's first page as a visitor (the visitors' page cache).
Each with `wrk -t2 -c16` for SECONDS seconds (default 10) on loopback: req/s, p50, p99.
SQLite (bench/results/forum-bench-v1.sqlite3) unless DATABASE_URL is set. Bounded: about
70 s, plus the first seeding.

    make bench-production   # or: .venv/bin/python bench/production.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
import requests
from common import ROOT, benchmark_site, parse_wrk

from tests.live import DaphneServer, Service, free_port, nginx

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

SETUP = """
import django, json; django.setup()
from bench.sessions import signed_in
from django.contrib.auth import get_user_model
from django.db import connection
from forum.models import Thread
member = get_user_model().objects.get(username="user000")
big = Thread.objects.filter(board__slug="benchmark-board").order_by("-post_count")[0]
print(json.dumps({"session": signed_in(member), "thread": big.pk, "db": connection.vendor}))
"""


def gunicorn(env: dict[str, str]) -> Service:
    port = free_port()
    env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2")
    config = str(ROOT / "config" / "deploy" / "gunicorn.conf.py")
    return Service("gunicorn", [GUNICORN, "-c", config], env, port)


def check(url: str, session: str | None) -> None:
    """Each page answers 200 itself (wrk counts a redirect to the sign-in page as a success),
    and the member's pages are a signed-in member's."""
    cookies = {"sessionid": session} if session else {}
    for _ in range(20):  # the first requests wait for the workers to boot
        response = requests.get(url, cookies=cookies, allow_redirects=False, timeout=30)
        if response.status_code == 200:
            break
    assert response.status_code == 200, (url, response.status_code)
    assert ("data-sign-out" in response.text) == bool(session), url


def wrk(url: str, session: str | None, seconds: int) -> dict[str, str]:
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if session:
        command += ["-H", f"Cookie: sessionid={session}"]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    return parse_wrk(out)


def measure(shape: str, base: str, pages: dict, seconds: int) -> None:
    for name, (path, session) in pages.items():
        check(base + path, session)
        r = wrk(base + path, session, seconds)
        print(
            f"{shape:<34} {name:<24} {r['rps']:>8} {r['p50']:>9} {r['p99']:>9} {r['non2xx']:>8}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk's run per page and shape")
    options = parser.parse_args()
    env = benchmark_site()
    out = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    site = json.loads(out.strip().splitlines()[-1])
    thread, member = f"/en/t/{site['thread']}/", site["session"]
    pages = {
        "member, thread page": (thread, member),
        "member, board page": ("/en/b/benchmark/benchmark-board/", member),
        "visitor, thread page": (thread, None),
    }
    print(f"database: {site['db']}; {os.cpu_count()} cores; wrk -t2 -c16 -d{options.seconds}s")
    print(f"{'shape':<34} {'page':<24} {'req/s':>8} {'p50':>9} {'p99':>9} {'non-2xx':>8}")

    web = gunicorn(env).start()
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as directory:
        front = nginx(Path(directory), web=[f"127.0.0.1:{web.port}"]).start()
        try:
            measure("nginx → gunicorn (2 sync workers)", front.url, pages, options.seconds)
        finally:
            front.stop()
            web.stop()

    server = DaphneServer(env).start()
    try:
        measure("one Daphne process", server.url, pages, options.seconds)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
