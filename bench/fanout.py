"""Fan-out and catch-up over the Redis channel layer, on loopback.

Starts two Daphne processes sharing Redis (REDIS_URL, default redis://127.0.0.1:6379/2) on a
seeded SQLite site (or DATABASE_URL), opens ``--sockets`` WebSocket clients (default 1,000,
spread evenly over the processes) subscribed to one thread, posts one reply (through the
service, in its own process) and measures, per client, the time from the commit to the event's
arrival: delivered/total, p50/p95/p99/max, and each Daphne's resident memory before and after
its sockets opened, per socket. ``--passes N`` repeats the fan-out on the same servers (new
sockets each pass) and prints the median pass. Then a client that missed 500 events
resubscribes with its last id and the time to receive all 500 is measured.

The clients live in ``--client-processes`` processes of their own (default: one per 250
sockets, at most 20), so that parsing thousands of frames in one Python process does not
measure the client. Bounded: subscriptions wait at most 240 s, delivery 30 s.

What "received" means (``--arrival``): ``socket`` (the default): once subscribed, each client
process takes its sockets from the websockets library and reads them in a plain epoll loop
(a few microseconds a frame), and the arrival is the kernel's stamp on the segment that
completed the reply's frame (SO_TIMESTAMPNS), so the clients' own Python work, on the same two
cores as the servers, is not counted as the servers' delivery. ``parsed``: the websockets
library reads and parses every frame and the arrival is when the client's task had the
event, which includes the clients' own work (20 Python processes, each parsing 250 frames).
A client that only read its sockets after the fan-out (tried first) saw about a tenth of the
frames stamped when it read them, not when they came: the clients read as the frames come.

    make bench-fanout                                   # 1,000 sockets
    .venv/bin/python bench/fanout.py --sockets 5000     # 5,000 over the two processes
    .venv/bin/python bench/fanout.py --profile /tmp/p   # cProfile of each Daphne's fan-out
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import select
import signal
import socket as sockets_
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
from common import ROOT
from websockets.asyncio.client import connect

from tests import live
from tests.live import DaphneServer, manage, poster_with_thread, project_env

MISSED = 500
SUBSCRIBE_SECONDS = 240
DELIVERY_SECONDS = 30
# One client process reading 1,000 sockets measured itself: 1,000 frames parsed one after the
# other added 400 ms to the last arrival (400 sockets: p99 653 ms with one process, 218 ms
# with four).
SOCKETS_PER_CLIENT_PROCESS = 250
CLIENT_PROCESSES_MAX = 20
SUBSCRIBING = 100  # sockets between handshake and "subscribed" at once, over all clients
PROFILED: list[int] = []  # Daphne processes under bench/profiled.py
TIMESPEC = struct.Struct("@ll")
SO_TIMESTAMPNS = getattr(sockets_, "SO_TIMESTAMPNS", 35)  # Linux; Python 3.11 does not name it

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
    post_reply(author=user, thread=thread, body=f"One reply for everyone, at {time.time()}.")
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


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# --- One client process: its share of the sockets ---------------------------------------------


async def one_client(
    url: str, origin: str, stream: str, gate, subscribed, arrivals, raw: list | None
) -> None:
    """One socket: subscribe, then either wait for the reply's event here (``raw`` is None:
    ``--arrival parsed``) or hand the socket over to be read after the fan-out."""
    # Up to "subscribed" under the gate: Daphne refuses (403) a handshake its application has
    # not accepted within 5 s, which a storm of thousands on two busy cores runs into.
    await gate.acquire()
    try:
        socket = await connect(url, origin=origin, open_timeout=60, max_queue=None)
    except BaseException:
        gate.release()
        raise
    async with socket:
        await socket.recv()  # hello
        await socket.send(json.dumps({"type": "subscribe", "stream": stream}))
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == "subscribed":
                subscribed.append(1)
                gate.release()
                if raw is not None:
                    raw.append(socket)
                    await asyncio.Event().wait()  # kept open until the process ends
            elif message["type"] == "event" and message["kind"] == "post.created":
                arrivals.append(time.time())
                return


def stamped(connection) -> sockets_.socket:
    """The connection's socket, taken from asyncio: the kernel stamps each segment's arrival,
    and nothing reads it until the fan-out is over."""
    connection.transport.pause_reading()
    fd = connection.transport.get_extra_info("socket").fileno()
    own = sockets_.socket(fileno=os.dup(fd))
    own.setsockopt(sockets_.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    own.setblocking(False)
    return own


def frames(data: bytes):
    """The complete server frames (unmasked) in ``data``: (end offset, opcode, payload)."""
    at = 0
    while len(data) - at >= 2:
        opcode, length = data[at] & 0x0F, data[at + 1] & 0x7F
        head = 2
        if length == 126:
            if len(data) - at < 4:
                return
            length, head = struct.unpack_from("!H", data, at + 2)[0], 4
        elif length == 127:
            if len(data) - at < 10:
                return
            length, head = struct.unpack_from("!Q", data, at + 2)[0], 10
        if len(data) - at < head + length:
            return
        yield at + head + length, opcode, data[at + head : at + head + length]
        at += head + length


def read_arrivals(
    raw: list[sockets_.socket], deadline: float
) -> tuple[list[float], list[float], list[str]]:
    """When the reply's frame reached each socket, by the kernel's stamp on the segment that
    completed it, and when this process had read it; reads what came (a reader count may come
    first) until each has it."""
    arrivals, read, errors = [], [], []
    buffers = {own.fileno(): (own, bytearray()) for own in raw}
    poller = select.epoll()
    for fd in buffers:
        poller.register(fd, select.EPOLLIN)
    space = sockets_.CMSG_SPACE(TIMESPEC.size)
    while buffers and time.time() < deadline:
        for fd, _mask in poller.poll(max(0.0, deadline - time.time())):
            own, data = buffers[fd]
            try:
                chunk, ancillary, _flags, _address = own.recvmsg(65536, space)
                read_at = time.time()
            except BlockingIOError:
                continue
            except OSError as error:
                errors.append(repr(error))
                chunk, ancillary = b"", []
            if not chunk:
                poller.unregister(fd)
                del buffers[fd]
                errors.append(errors[-1] if errors else "closed before the reply came")
                continue
            stamp = None
            for level, kind, value in ancillary:
                if level == sockets_.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                    seconds, nanoseconds = TIMESPEC.unpack(value[: TIMESPEC.size])
                    stamp = seconds + nanoseconds / 1e9
            start = len(data)
            data += chunk
            for end, opcode, payload in frames(bytes(data)):
                if end <= start or opcode != 1:
                    continue
                message = json.loads(payload)
                if message.get("type") == "event" and message.get("kind") == "post.created":
                    arrivals.append(stamp if stamp is not None else read_at)
                    read.append(read_at)
                    poller.unregister(fd)
                    del buffers[fd]
                    break
    errors += ["no reply within the delivery bound"] * len(buffers)
    return arrivals, read, errors


async def client_process(
    urls: list[str], count: int, stream: str, in_flight: int, arrival: str
) -> None:
    """Open ``count`` sockets over ``urls``; say when subscribed; print arrivals at the end."""
    gate, subscribed, arrivals = asyncio.Semaphore(in_flight), [], []
    raw: list | None = [] if arrival == "socket" else None
    tasks = []
    for n in range(count):
        url = urls[n % len(urls)]
        origin = url.replace("ws://", "http://").removesuffix("/ws/")
        tasks.append(
            asyncio.create_task(one_client(url, origin, stream, gate, subscribed, arrivals, raw))
        )
    started = time.monotonic()
    while len(subscribed) < count and time.monotonic() - started < SUBSCRIBE_SECONDS:
        await asyncio.sleep(0.1)
    print(json.dumps({"subscribed": len(subscribed)}), flush=True)
    if raw is not None:
        # Taken from asyncio only now: until then the library answered the servers' pings.
        # Read from then on, before the parent posts: a frame is read as it comes.
        await asyncio.to_thread(sys.stdin.readline)
        raw = [stamped(connection) for connection in raw]
        print(json.dumps({"taken": len(raw)}), flush=True)
        arrivals, read, errors = read_arrivals(raw, time.time() + 2 * DELIVERY_SECONDS)
        errors += [repr(t.exception())[:200] for t in tasks if t.done() and t.exception()]
        errors += ["not handed over after subscribing"] * (len(subscribed) - len(raw))
        print(json.dumps({"arrivals": arrivals, "read": read, "errors": errors}), flush=True)
        os._exit(0)  # the sockets close with the process
    # The parent posts the reply once every process has said so, then says "posted".
    await asyncio.to_thread(sys.stdin.readline)
    done, pending = await asyncio.wait(tasks, timeout=DELIVERY_SECONDS)
    for task in pending:
        task.cancel()
    errors = [repr(task.exception())[:200] for task in done if task.exception() is not None]
    print(json.dumps({"arrivals": arrivals, "errors": errors}), flush=True)


# --- The parent ---------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    return values[max(0, int(len(values) * share + 0.5) - 1)]


def fan_out(
    servers: list[DaphneServer], stream: str, env, sockets: int, processes: int, arrival: str
) -> dict:
    before = {s.port: rss_kib(s.process.pid) for s in servers}
    urls = [f"{s.ws_url}/ws/" for s in servers]
    in_flight = str(max(5, SUBSCRIBING // processes))
    shares = [
        sockets // processes + (1 if n < sockets % processes else 0) for n in range(processes)
    ]
    started = time.perf_counter()
    client = [sys.executable, __file__, "--client", json.dumps(urls)]
    clients = [
        subprocess.Popen(
            [*client, str(share), stream, in_flight, arrival],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for share in shares
        if share
    ]
    try:
        subscribed = sum(
            json.loads(c.stdout.readline() or "{}").get("subscribed", 0) for c in clients
        )
        took = time.perf_counter() - started
        after = {s.port: rss_kib(s.process.pid) for s in servers}
        if arrival == "socket":  # the clients take their sockets from asyncio, then say so
            for c in clients:
                c.stdin.write("take\n")
                c.stdin.flush()
            for c in clients:
                c.stdout.readline()
        for pid in PROFILED:
            os.kill(pid, signal.SIGUSR1)
        committed = float(python(REPLY, stream.split(":")[1], env=env))
        for c in clients:
            if arrival == "parsed":
                c.stdin.write("posted\n")
                c.stdin.flush()
        arrivals, read, errors = [], [], 0
        for c in clients:
            result = json.loads(c.stdout.readline() or '{"arrivals": [], "errors": []}')
            arrivals += result["arrivals"]
            read += result.get("read", [])
            errors += len(result["errors"])
            for error in sorted(set(result["errors"]))[:3]:
                print(f"client error: {error}")
            c.wait(timeout=30)
        for pid in PROFILED:
            os.kill(pid, signal.SIGUSR2)
    finally:
        for c in clients:
            if c.poll() is None:
                c.kill()
                c.wait()
    latencies = sorted((t - committed) * 1000 for t in arrivals) or [float("nan")]
    read_ms = sorted((t - committed) * 1000 for t in read)
    per_socket = [(after[s.port] - before[s.port]) / (sockets / len(servers)) for s in servers]
    result = {
        "sockets": sockets,
        "arrival": arrival,
        "subscribed": subscribed,
        "subscribe_s": round(took, 1),
        "delivered": len(arrivals),
        "client_errors": errors,
        "p50_ms": round(statistics.median(latencies)),
        "p95_ms": round(percentile(latencies, 0.95)),
        "p99_ms": round(percentile(latencies, 0.99)),
        "max_ms": round(latencies[-1]),
        "read_p99_ms": round(percentile(read_ms, 0.99)) if read_ms else None,
        "rss_before_mib": [round(before[s.port] / 1024, 1) for s in servers],
        "rss_after_mib": [round(after[s.port] / 1024, 1) for s in servers],
        "kib_per_socket": [round(k, 1) for k in per_socket],
    }
    print(
        f"{sockets} sockets: {subscribed} subscribed in {took:.1f} s; delivered "
        f"{len(arrivals)} of {sockets}; commit to receipt ({arrival}) p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms"
        + (f" (read by the client: p99 {result['read_p99_ms']} ms)" if read_ms else "")
        + f"; RSS {result['rss_before_mib']} -> {result['rss_after_mib']} MiB, "
        f"{result['kib_per_socket']} KiB per socket",
        flush=True,
    )
    return result


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


async def warm_up(servers: list[DaphneServer], stream: str) -> None:
    """One socket through each process first: the memory measured is the sockets', not the
    modules that the first connection imports."""
    for server in servers:
        async with connect(f"{server.ws_url}/ws/", origin=server.url, open_timeout=30) as socket:
            await socket.recv()
            await socket.send(json.dumps({"type": "subscribe", "stream": stream}))
            while json.loads(await socket.recv())["type"] != "subscribed":
                pass


def serve(env, profile: str | None) -> DaphneServer:
    if profile:
        live.DAPHNE = [sys.executable, str(ROOT / "bench" / "profiled.py"), profile]
    server = DaphneServer(env).start()
    if profile:
        PROFILED.append(server.process.pid)
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sockets", type=int, default=1000)
    parser.add_argument("--servers", type=int, default=2, help="Daphne processes")
    parser.add_argument("--client-processes", type=int, default=0, help="0: one per 250")
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--profile", metavar="DIR", help="write each Daphne's cProfile here")
    parser.add_argument("--no-catch-up", action="store_true")
    parser.add_argument(
        "--arrival",
        choices=["socket", "parsed"],
        default="socket",
        help="socket: the kernel's stamp as the frame reached the idle client (default); "
        "parsed: when the client, on the same cores, had parsed it",
    )
    args = parser.parse_args()
    processes = args.client_processes or min(
        CLIENT_PROCESSES_MAX, -(-args.sockets // SOCKETS_PER_CLIENT_PROCESS)
    )
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = args.sockets + 1024
    if hard < needed:
        sys.exit(f"{args.sockets} sockets need {needed} file descriptors; the limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # inherited by servers, clients
    with tempfile.TemporaryDirectory() as tmp:
        database = os.environ.get("DATABASE_URL") or live.sqlite_site(Path(tmp), seeded=True)
        env = project_env(
            DATABASE_URL=database,
            REDIS_URL=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/2",
            ALLOWED_HOSTS="127.0.0.1",
            DJANGO_SETTINGS_MODULE="config.settings",
        )
        manage("migrate", "--noinput", env=env)
        data = poster_with_thread(env, username="fanout", title="Fan-out benchmark")
        stream = f"thread:{data['thread']}"
        servers = [serve(env, args.profile) for _ in range(args.servers)]
        try:
            asyncio.run(warm_up(servers, stream))
            results = [
                fan_out(servers, stream, env, args.sockets, processes, args.arrival)
                for _ in range(args.passes)
            ]
            if args.passes > 1:
                median = sorted(results, key=lambda r: r["p99_ms"])[len(results) // 2]
                print(f"median pass (by p99): {json.dumps(median)}")
            if not args.no_catch_up:
                asyncio.run(catch_up(servers[0], stream, env))
        finally:
            for server in servers:
                log = server.output()
                if "Traceback" in log:
                    print(f"server on port {server.port} logged errors; the first:")
                    print(log[log.index("Traceback") :][:4000])
                server.stop()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--client"]:
        urls, count, stream, in_flight, arrival = json.loads(sys.argv[2]), *sys.argv[3:7]
        asyncio.run(client_process(urls, int(count), stream, int(in_flight), arrival))
    else:
        main()
