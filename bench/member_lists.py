"""Issue 22's pages served, in requests a second: the forum index, Latest, New and Unread beside
the thread page, as a signed-in member and as a visitor.

The benchmarks' forum (bench/common.benchmark_site: forum-bench-v1) plus 50 boards of one
thread each, served as the peer comparison serves it (bench/peers.py: gunicorn as deployed,
2 sync workers, 127.0.0.1, DEBUG off) and loaded with `wrk -t2 -c16 --latency`, the pages and
readers interleaved, PASSES times. Prints req/s per pass, the median, p50 and p99, and the SQL
of each member's page (constant: the same with 62 boards as without the 50). About 2 minutes.

    make bench-lists      # or: .venv/bin/python bench/member_lists.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import json
import signal
import statistics
import sys

import common  # noqa: F401 - puts the project on sys.path
from common import RESULTS, benchmark_site, python
from peers import check, ms, our_server, wrk

# Run in our site's environment: the 50 extra boards (once), the member's session, the paths.
SETUP = """
import json, django; django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bench.sessions import signed_in
from forum.models import Board, Thread
from forum.services.posting import start_thread
from forum.tasks import analyze_database
board = Board.objects.get(slug="benchmark-board")
member = get_user_model().objects.get(username="user000")
if not Board.objects.filter(slug="extra-49").exists():
    for n in range(50):
        extra = Board.objects.create(area=board.area, slug=f"extra-{n}", name=f"Extra board {n}")
        start_thread(author=member, board=extra, title=f"Extra thread {n}", body="An opening post.")
analyze_database.call()  # what the worker does every six hours on the embedded default
big = Thread.objects.filter(board=board).order_by("-post_count")[0]
pages = {"thread": f"/en/t/{big.pk}/", "index": "/en/forum/", "latest": "/en/latest/",
         "new": "/en/new/", "unread": "/en/unread/"}
session = signed_in(member)
client = Client(HTTP_HOST="127.0.0.1")
client.cookies[settings.SESSION_COOKIE_NAME] = session
queries = {}
for name, path in pages.items():
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        counts.append(len(captured))
    queries[name] = counts
print(json.dumps({"pages": pages, "session": session, "cookie": settings.SESSION_COOKIE_NAME,
                  "boards": Board.objects.count(), "queries": queries, "db": connection.vendor}))
"""
NAMES = {
    "thread": "big thread, page 1",
    "index": "forum index",
    "latest": "Latest",
    "new": "New",
    "unread": "Unread",
}
MEMBERS_ONLY = {"new", "unread"}  # visitors are asked to sign in


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk's run per page and reader")
    parser.add_argument("--passes", type=int, default=2, help="interleaved passes")
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    RESULTS.mkdir(exist_ok=True)
    env = benchmark_site()
    site = json.loads(python(SETUP, env=env).strip().splitlines()[-1])
    member_cookie = f"{site['cookie']}={site['session']}"
    readers = {"member": member_cookie, "visitor": ""}
    server = our_server(env).start()
    runs: dict[str, dict[str, list[dict]]] = {r: {p: [] for p in NAMES} for r in readers}
    try:
        for reader, cookie in readers.items():
            for page in NAMES:
                if reader == "member" or page not in MEMBERS_ONLY:
                    check(server.url + site["pages"][page], cookie, reader == "member")
        print(
            f"{site['boards']} boards; database {site['db']}; gunicorn 2 sync workers; "
            f"wrk -t2 -c16 -d{options.seconds}s; SQL per member page (first/next): "
            f"{site['queries']}",
            flush=True,
        )
        for run in range(options.passes):
            for page in NAMES:
                for reader, cookie in readers.items():
                    if reader == "visitor" and page in MEMBERS_ONLY:
                        continue
                    result = wrk(server.url + site["pages"][page], cookie, options.seconds)
                    runs[reader][page].append(result)
                    print(
                        f"pass {run + 1}  {NAMES[page]:<20} {reader:<8} {result['rps']:>9} req/s"
                        f"  p50 {result['p50']:>8}  p99 {result['p99']:>8}"
                        f"  non-2xx {result['non2xx']}",
                        flush=True,
                    )
    finally:
        server.stop()
    table = {
        reader: {
            page: {
                "median_rps": statistics.median(float(r["rps"]) for r in results),
                "p99_ms": statistics.median(ms(r["p99"]) for r in results),
                "non2xx": sum(int(r["non2xx"]) for r in results),
            }
            for page, results in pages.items()
            if results
        }
        for reader, pages in runs.items()
    }
    print(f"\n{'page':<20} {'member req/s':>13} {'p99 ms':>8} {'visitor req/s':>14} {'p99 ms':>8}")
    for page, name in NAMES.items():
        member, visitor = table["member"][page], table["visitor"].get(page)
        shown = f"{visitor['median_rps']:>14.0f} {visitor['p99_ms']:>8.1f}" if visitor else ""
        print(f"{name:<20} {member['median_rps']:>13.0f} {member['p99_ms']:>8.1f} {shown}")
    (RESULTS / "member-lists.json").write_text(
        json.dumps({"site": site, "table": table, "seconds": options.seconds}, indent=1)
    )


if __name__ == "__main__":
    main()
