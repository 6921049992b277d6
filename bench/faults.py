"""Faults under load, on loopback: Redis killed, a Daphne process restarted, PostgreSQL stopped.

Builds a site of its own (bench/loadkit.py: private PostgreSQL and Redis, so stopping them
touches nothing else), serves it with two Daphne processes, and for each fault runs a lighter
mixed load (readers, posters, sockets) for FAULT_RUN seconds, with the fault at FAULT_AT s
lasting OUTAGE s:

- redis: SIGKILL the Redis server (channel layer, cache, rate counters: all gone), restart it;
- daphne: stop one of the two Daphne processes (SIGTERM), start it again on the same port;
- postgres: stop PostgreSQL with ``-m immediate`` (a crash: no shutdown checkpoint, recovery
  from the WAL on start), start it again.

Reported per fault: what a page prober saw during and after the outage (the error page, never a
traceback), seconds until every process served 200 again, and the same exactly-once and
every-event checks as bench/load.py. Bounded: about 5 minutes.

    make bench-faults     # or: .venv/bin/python bench/faults.py [redis|daphne|postgres ...]
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

import loadkit
from loadkit import Posters, Prober, Readers, Sockets, percentile, settle

from tests.live import DaphneServer

FAULT_RUN = int(os.environ.get("FAULT_RUN", 50))  # seconds of load per fault
FAULT_AT = 15
OUTAGE = 5
SOCKETS = 200
POSTERS = 10
THREADS = 8


def kill_redis(site, servers) -> None:
    site.redis.kill()


def start_redis(site, servers) -> None:
    site.redis.start()


def stop_daphne(site, servers) -> None:
    loadkit.stop_server(servers[0])


def start_daphne(site, servers) -> None:
    servers[0] = DaphneServer(site.env, port=servers[0].port).start()


def stop_postgres(site, servers) -> None:
    site.postgres.stop("immediate")


def start_postgres(site, servers) -> None:
    site.postgres.start()


FAULTS = {
    "redis": (kill_redis, start_redis),
    "daphne": (stop_daphne, start_daphne),
    "postgres": (stop_postgres, start_postgres),
}


async def run_fault(site, name: str) -> dict:
    inject, recover = FAULTS[name]
    loadkit.SERVER_ERRORS.clear()
    servers = loadkit.servers(site, 2)
    sockets = Sockets(site, servers, SOCKETS)
    try:
        await sockets.start()
        prober = Prober(servers, site.reader)
        readers = Readers(site, servers, FAULT_RUN, connections=4)
        posters = Posters(site, servers, FAULT_RUN, pause=1.0)
        await asyncio.sleep(FAULT_AT)
        fault_at = time.monotonic()
        await asyncio.to_thread(inject, site, servers)
        await asyncio.sleep(OUTAGE)
        back_at = time.monotonic()
        await asyncio.to_thread(recover, site, servers)
        await asyncio.sleep(max(0.0, FAULT_RUN - (time.monotonic() - fault_at) - FAULT_AT))
        read = readers.results()
        result = await settle(site, posters, sockets)
        prober.stop()
        result.update(
            fault=name,
            during=dict(prober.outcomes(fault_at, back_at)),
            after=dict(prober.outcomes(back_at, time.monotonic())),
            recovered_s=prober.recovered_after(back_at),
            readers=read,
            post_p99_ms=percentile(posters.request_times, 0.99) * 1000,
        )
        return result
    finally:
        await sockets.stop()
        for server in servers:
            loadkit.stop_server(server)


def report(result: dict) -> None:
    recovered = result["recovered_s"] and round(result["recovered_s"], 1)
    print(f"\n== {result['fault']} ==")
    print(f"  prober during the outage: {result['during']}")
    print(f"  prober after: {result['after']}; every process 200 again after {recovered} s")
    for r in result["readers"]:
        print(
            f"  readers ({r['who']}): {r['requests']} requests, {r['rps']} req/s, p99 {r['p99']}, "
            f"non-2xx {r['non2xx']}, socket errors {r['socket_errors']}"
        )
    print(
        f"  posts: {result['posts_sent']} sent, {result['acknowledged']} acknowledged, "
        f"{result['retried_posts']} retried, statuses {result['post_statuses']}"
    )
    print(
        f"  acknowledged but missing: {result['acknowledged_missing']}, duplicated: "
        f"{result['acknowledged_duplicated']}; stored without acknowledgement: "
        f"{result['unacknowledged_but_stored']}"
    )
    print(
        f"  sockets: {result['events_expected']} events expected, "
        f"{result['events_missed']} missed ({result['sockets_missing_events']} sockets), "
        f"{result['duplicate_deliveries']} duplicates, {result['resent_on_resume']} re-sent on "
        f"resume, "
        f"{result['socket_reconnects']} reconnects, {result['resyncs']} resyncs"
    )


async def main(names: list[str]) -> None:
    site = loadkit.build_site(posters=POSTERS, threads=THREADS)
    try:
        for name in names:
            report(await run_fault(site, name))
            print(f"  exceptions in the servers' logs: {dict(loadkit.SERVER_ERRORS) or 'none'}")
    finally:
        site.remove()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:] or list(FAULTS)))
