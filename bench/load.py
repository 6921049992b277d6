"""Mixed load for two minutes on loopback: readers, posters and 500 sockets at once.

Builds a site of its own (bench/loadkit.py: private PostgreSQL and Redis), serves it with two
Daphne processes sharing them, and runs together for DURATION seconds:

- readers: wrk on each process (-t1 -c8), cycling through the home, board, thread and search
  pages, as a visitor on one process and as a signed-in member on the other;
- posters: POSTERS members replying through the real form, about one post a second each,
  spread over the threads and both processes;
- SOCKETS WebSocket clients, half on each process, following the threads being posted to.

Reports throughput, p50/p99 and the error rate of the readers and the posters, then checks in
the database that every acknowledged post exists exactly once and that every socket received
every event of its thread. Bounded: about 3.5 minutes.

    make bench-load       # or: .venv/bin/python bench/load.py
"""

from __future__ import annotations

import asyncio
import time

import loadkit
from loadkit import Posters, Readers, Sockets, percentile, settle

DURATION = 120
SOCKETS = 500
POSTERS = 20
THREADS = 10


async def main() -> None:
    site = loadkit.build_site(posters=POSTERS, threads=THREADS)
    servers = loadkit.servers(site, 2)
    sockets = Sockets(site, servers, SOCKETS)
    try:
        opened = await sockets.start()
        print(f"{SOCKETS} sockets subscribed in {opened:.1f} s", flush=True)
        started = time.perf_counter()
        readers = Readers(site, servers, DURATION, connections=8)
        posters = Posters(site, servers, DURATION, pause=1.0)
        read = await asyncio.to_thread(readers.results)
        result = await settle(site, posters, sockets)
        elapsed = time.perf_counter() - started
    finally:
        await sockets.stop()
        for server in servers:
            loadkit.stop_server(server)
        site.remove()

    print(f"\nmixed load, {DURATION} s, 2 Daphne processes, PostgreSQL + Redis on loopback")
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
    print(f"  exceptions in the servers' logs: {dict(loadkit.SERVER_ERRORS) or 'none'}")
    print(f"  run with settling: {elapsed:.0f} s")


if __name__ == "__main__":
    asyncio.run(main())
