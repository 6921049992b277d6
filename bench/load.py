"""Mixed load for two minutes on loopback: readers, posters and 500 sockets at once.

Two shapes of serving, on a site of its own:

- production (the default): as docs/deploy.md runs it, nginx in front, gunicorn with
  config/deploy/gunicorn.conf.py's sync workers for HTTP, two Daphne processes for /ws/, one
  task worker (bench/loadshape.py); every client goes through nginx. On the embedded default
  (a SQLite file, no Redis) unless --postgres;
- --two-daphne: two Daphne processes serving both HTTP and sockets, no nginx, no worker, each
  client spread over them (the shape issue 21's first figures were measured in); on loadkit's
  private PostgreSQL and Redis unless --sqlite.

For DURATION seconds, together:

- readers: two wrk (-t1 -c8) cycling through the home, board, thread and search pages, one as
  a visitor and one as a signed-in member;
- posters: POSTERS members replying through the real form, about one post a second each,
  spread over the threads;
- SOCKETS WebSocket clients following the threads being posted to.

Reports throughput, p50/p99 and the error rate of the readers and the posters, then checks in
the database that every acknowledged post exists exactly once and that every socket received
every event of its thread. Bounded: about 4 minutes.

    make bench-load       # or: .venv/bin/python bench/load.py [--postgres] [--two-daphne]
"""

from __future__ import annotations

import argparse
import asyncio
import time

import loadkit
import loadshape
from loadkit import Posters, Readers, Sockets, percentile, settle

DURATION = 120
SOCKETS = 500
POSTERS = 20
THREADS = 10


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--two-daphne", action="store_true", help="the old shape: no nginx")
    database = parser.add_mutually_exclusive_group()
    database.add_argument("--postgres", action="store_true", help="private PostgreSQL + Redis")
    database.add_argument("--sqlite", action="store_true", help="the embedded default")
    options = parser.parse_args()
    embedded = options.sqlite or not (options.postgres or options.two_daphne)
    if embedded:
        site = loadshape.embedded_site(posters=POSTERS, threads=THREADS)
        stores = "SQLite, no Redis (the embedded default)"
    else:
        site = loadkit.build_site(posters=POSTERS, threads=THREADS)
        stores = "PostgreSQL + Redis"
    shape = None
    try:
        if options.two_daphne:
            servers = loadkit.servers(site, 2)
            # One reader wrk per process, the visitor's on the first, the member's on the second.
            readers_at, shown = servers, "2 Daphne processes (HTTP and sockets)"
        else:
            shape = loadshape.Shape(site).start()
            loadshape.check_served(shape, site.reader)
            servers, readers_at = [shape], [shape, shape]
            shown = (
                f"nginx → gunicorn ({shape.workers} sync workers) and 2 Daphne (sockets), "
                "1 task worker"
            )
        sockets = Sockets(site, servers, SOCKETS)
        try:
            opened = await sockets.start()
            print(f"{SOCKETS} sockets subscribed in {opened:.1f} s", flush=True)
            started = time.perf_counter()
            readers = Readers(site, readers_at, DURATION, connections=8)
            posters = Posters(site, servers, DURATION, pause=1.0)
            read = await asyncio.to_thread(readers.results)
            result = await settle(site, posters, sockets)
            elapsed = time.perf_counter() - started
            served = shape.server_times() if shape is not None else {}
        finally:
            await sockets.stop()
    finally:
        if shape is not None:
            shape.stop()
        elif options.two_daphne and "servers" in locals():
            for server in servers:
                loadkit.stop_server(server)
        site.remove()

    print(f"\nmixed load, {DURATION} s, {shown}; {stores} on loopback")
    total = errors = 0
    for r in read:
        total += r["requests"]
        errors += int(r["non2xx"])
        print(
            f"  readers ({r['who']}, 8 connections): {r['requests']} requests, {r['rps']} req/s, "
            f"p50 {r['p50']}, p99 {r['p99']}, non-2xx {r['non2xx']}, "
            f"socket errors {r['socket_errors']}"
        )
    times = posters.request_times
    failed = sum(1 for p in posters.posts for s in p.statuses if s != 302)
    print(
        f"  posters ({POSTERS}): {len(times) / DURATION:.1f} posts/s, "
        f"p50 {percentile(times, 0.5) * 1000:.0f} ms, p99 {percentile(times, 0.99) * 1000:.0f} ms, "
        f"failed attempts {failed} of {sum(p.attempts for p in posters.posts)} "
        f"{result['post_statuses']}"
    )
    print(f"  reader error rate: {errors / max(total, 1):.2%}")
    print(
        f"  acknowledged posts: {result['acknowledged']} of {result['posts_sent']}; "
        f"missing {result['acknowledged_missing']}, duplicated "
        f"{result['acknowledged_duplicated']}"
    )
    print(
        f"  sockets ({SOCKETS}): {result['events_expected']} events expected, "
        f"{result['events_missed']} missed, {result['duplicate_deliveries']} duplicates, "
        f"{result['resent_on_resume']} re-sent on resume, "
        f"{result['socket_reconnects']} reconnects, {result['resyncs']} resyncs"
    )
    for kind, (count, p50, p99) in served.items():
        print(
            f"  gunicorn's own time, {kind}: {count} requests, p50 {p50:.0f} ms, p99 {p99:.0f} ms"
        )
    print(f"  exceptions in the servers' logs: {dict(loadkit.SERVER_ERRORS) or 'none'}")
    print(f"  run with settling: {elapsed:.0f} s")


if __name__ == "__main__":
    asyncio.run(main())
