"""Fan-out and catch-up over the Redis channel layer, on loopback.

Starts two Daphne processes sharing Redis (REDIS_URL, default redis://127.0.0.1:6379/2) on a
fresh seeded SQLite site, opens 1,000 WebSocket clients (500 on each process) subscribed to one
thread, posts one reply (through the service, in its own process) and measures, per client,
the time from the commit to the event's arrival. Then a client that missed 500 events
resubscribes with its last id and the time to receive all 500 is measured. Bounded: the waits
are capped (30 s for delivery), about 90 s in all.

    make bench-fanout     # or: .venv/bin/python bench/fanout.py
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import common  # noqa: F401 - puts the project on sys.path
from common import ROOT
from websockets.asyncio.client import connect

from tests.live import DaphneServer, manage, poster_with_thread, project_env

CLIENTS = 1000
MISSED = 500

REPLY = """
import sys, time, django
django.setup()
from django.contrib.auth import get_user_model
from django.db import transaction
from forum.models import Thread
from forum.services.posting import post_reply
user = get_user_model().objects.get(username="fanout")  # made by poster_with_thread
thread = Thread.objects.get(pk=int(sys.argv[1]))
committed = []
with transaction.atomic():
    # Registered first, so it runs first at commit: the moment the reply is committed.
    transaction.on_commit(lambda: committed.append(time.time()))
    post_reply(author=user, thread=thread, body="One reply for everyone.")
print(committed[0])
"""

MANY = """
import sys, django
django.setup()
from django.db import transaction
from forum.realtime import streams
from forum.realtime.events import publish_event
with transaction.atomic():
    for n in range(int(sys.argv[2])):
        publish_event(stream=streams.thread(int(sys.argv[1])), kind="post.edited",
                      payload={"n": n})
"""


def python(code: str, *args: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()


async def client(
    url: str, origin: str, stream: str, ready: asyncio.Event, arrivals: list, subscribed: list
) -> None:
    async with connect(url, origin=origin, open_timeout=30, max_queue=None) as socket:
        await socket.recv()  # hello
        await socket.send(json.dumps({"type": "subscribe", "stream": stream}))
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == "subscribed":
                subscribed.append(1)
                await ready.wait()
            elif message["type"] == "event" and message["kind"] == "post.created":
                arrivals.append(time.time())
                return


async def fan_out(servers, stream: str, env) -> None:
    ready, arrivals, subscribed = asyncio.Event(), [], []
    tasks = [
        asyncio.create_task(client(f"{s.ws_url}/ws/", s.url, stream, ready, arrivals, subscribed))
        for n in range(CLIENTS)
        for s in [servers[n % len(servers)]]
    ]
    started = time.perf_counter()
    while len(subscribed) < CLIENTS and time.perf_counter() - started < 60:
        await asyncio.sleep(0.1)
    print(f"{len(subscribed)} clients subscribed in {time.perf_counter() - started:.1f} s")
    ready.set()
    thread_id = stream.split(":")[1]
    committed = float(await asyncio.to_thread(python, REPLY, thread_id, env=env))
    _done, pending = await asyncio.wait(tasks, timeout=30)
    for task in pending:
        task.cancel()
    latencies = sorted((t - committed) * 1000 for t in arrivals)
    p50 = statistics.median(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(
        f"delivered: {len(arrivals)} of {CLIENTS}; commit to receipt p50 {p50:.0f} ms, "
        f"p99 {p99:.0f} ms, max {latencies[-1]:.0f} ms"
    )


async def catch_up(server, stream: str, env) -> None:
    async with connect(f"{server.ws_url}/ws/", origin=server.url, open_timeout=30) as socket:
        await socket.recv()
        await socket.send(json.dumps({"type": "subscribe", "stream": stream}))
        last_id = json.loads(await socket.recv())["last_id"]
    await asyncio.to_thread(python, MANY, stream.split(":")[1], str(MISSED), env=env)
    started = time.perf_counter()
    async with connect(
        f"{server.ws_url}/ws/", origin=server.url, open_timeout=30, max_queue=None
    ) as socket:
        await socket.recv()
        await socket.send(json.dumps({"type": "subscribe", "stream": stream, "last_id": last_id}))
        received = 0
        while True:
            message = json.loads(await asyncio.wait_for(socket.recv(), 30))
            if message["type"] == "event":
                received += 1
            elif message["type"] in ("subscribed", "resync"):
                break
    print(
        f"catch-up: {received} of {MISSED} missed events replayed in "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )


def main() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    with tempfile.TemporaryDirectory() as tmp:
        env = project_env(
            DATABASE_URL=os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/fanout.sqlite3",
            REDIS_URL=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/2",
            ALLOWED_HOSTS="127.0.0.1",
            DJANGO_SETTINGS_MODULE="config.settings",
        )
        manage("migrate", "--noinput", env=env)
        manage("seed_demo", env=env)
        data = poster_with_thread(env, username="fanout", title="Fan-out benchmark")
        stream = f"thread:{data['thread']}"
        servers = [DaphneServer(env).start(), DaphneServer(env).start()]
        try:
            asyncio.run(fan_out(servers, stream, env))
            asyncio.run(catch_up(servers[0], stream, env))
        finally:
            for server in servers:
                log = server.output()
                if "Traceback" in log:
                    print(f"server on port {server.port} logged errors; the first:")
                    print(log[log.index("Traceback") :][:4000])
                server.stop()


if __name__ == "__main__":
    main()
