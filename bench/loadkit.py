"""What the load and fault benchmarks share (bench/load.py, bench/faults.py).

A site of its own on loopback: a private PostgreSQL cluster and a private Redis server, so a
run may stop them without touching the machine's shared services; Daphne processes sharing
both; and three kinds of client:

- readers: wrk, one per Daphne process, cycling through the home, board, thread and search
  pages (one as a visitor, one as a signed-in member);
- posters: threads with a signed-in session each, replying through the real form. A post is
  *acknowledged* when the server answers with the redirect to it. On an error or a dropped
  connection the poster sends the same form again (same submission token), as a browser's
  retry would, to the other process if its own does not answer;
- sockets: WebSocket clients, each following one thread and behaving as forum/static/forum/
  live.js does: on a close it reconnects with backoff and resubscribes with the last id seen.

The check afterwards reads the database: every acknowledged post exists exactly once, and every
socket received every event of its stream from the moment it first subscribed.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
import requests
from common import ROOT, parse_wrk
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

from tests.live import DaphneServer, free_port, manage, project_env

PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))


def _as_postgres(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PrivatePostgres:
    """A PostgreSQL cluster in a temporary folder, on its own port; stop() and start() at will."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="forum-load-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(
            [
                *_as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust"]),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale",
                "C.UTF-8",
            ],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        )
        subprocess.run(
            [
                *_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options]),
                "-l",
                str(self.dir / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            check=False,
            capture_output=True,
        )

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    """A Redis server on its own port that keeps nothing on disk (as the machine's does)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxclients",
                "10000",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
            ).stdout.strip()
            != "PONG"
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: everything Redis held (groups, cache, counters) is gone."""
        if self.process:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


SETUP = """
import json, sys, django
django.setup()
from bench.sessions import signed_in
from django.contrib.auth import get_user_model
from forum.models import Board, Profile
from forum.services.posting import start_thread
posters, threads = int(sys.argv[1]), int(sys.argv[2])
board = Board.objects.get(area__slug="juvenile-justice", slug="general")

def member(name):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "unused-password")
    Profile.objects.create(user=user, display_name=name.title(), verification="verified")
    return user, signed_in(user)

sessions = [member(f"loadposter{n}") for n in range(posters)]
reader = member("loadreader")[1]
thread_ids = [
    start_thread(author=sessions[n % posters][0], board=board, title=f"Load thread {n}",
                 body="The first post of a thread under load.").thread_id
    for n in range(threads)
]
print(json.dumps({"posters": [key for _, key in sessions], "reader": reader,
                  "threads": thread_ids, "area": "juvenile-justice", "board": "general"}))
"""


@dataclass
class Site:
    env: dict[str, str]
    postgres: PrivatePostgres | None  # None: the embedded default (SQLite, no Redis)
    redis: PrivateRedis | None
    posters: list[str]  # session keys
    reader: str
    threads: list[int]
    board_path: str
    media: Path

    def python(self, code: str, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout.strip()

    def remove(self) -> None:
        if self.redis is not None:
            self.redis.kill()
        if self.postgres is not None:
            self.postgres.remove()
        shutil.rmtree(self.media, ignore_errors=True)


def build_site(*, posters: int, threads: int) -> Site:
    """Private PostgreSQL and Redis, migrated and seeded, with posters and threads to load."""
    started = time.perf_counter()
    postgres, redis = PrivatePostgres(), PrivateRedis()
    postgres.start()
    redis.start()
    subprocess.run(
        [
            str(PG_BIN / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(postgres.port),
            "-U",
            "postgres",
            "forum",
        ],
        check=True,
    )
    media = Path(tempfile.mkdtemp(prefix="forum-load-media-"))
    env = project_env(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=postgres.url("forum"),
        REDIS_URL=redis.url,
        MEDIA_ROOT=str(media),
        EMAIL_URL="consolemail://",
        # A few accounts post as fast as many members would: the per-member brakes stay off.
        RATE_LIMITS="0",
    )
    manage("migrate", "--noinput", env=env)
    manage("seed_demo", env=env)
    site = Site(env, postgres, redis, [], "", [], "", media)
    made = json.loads(site.python(SETUP, str(posters), str(threads)).splitlines()[-1])
    site.posters, site.reader, site.threads = made["posters"], made["reader"], made["threads"]
    site.board_path = f"/en/b/{made['area']}/{made['board']}/"
    print(
        f"site: PostgreSQL :{postgres.port}, Redis :{redis.port}, {posters} posters, "
        f"{threads} threads, built in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return site


# --- Readers -------------------------------------------------------------------------------

WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


class Readers:
    """One wrk per server for ``seconds``: visitors on the first, a member on the others."""

    def __init__(self, site: Site, servers: list[DaphneServer], seconds: int, connections: int):
        paths = ["/en/forum/", site.board_path, "/en/search/?q=diversion"]
        paths += [f"/en/t/{pk}/" for pk in site.threads]
        self.script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)  # noqa: SIM115
        self.script.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
        self.script.close()
        self.processes = []
        for n, server in enumerate(servers):
            command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
            command += ["--timeout", "10s", "-s", self.script.name]
            if n % 2:
                command += ["-H", f"Cookie: sessionid={site.reader}"]
            process = subprocess.Popen(
                [*command, server.url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            self.processes.append(("member" if n % 2 else "visitor", process))

    def results(self) -> list[dict]:
        out = []
        for who, process in self.processes:
            text, _ = process.communicate(timeout=600)
            result = parse_wrk(text)
            result["who"] = who
            requests_line = re.search(r"(\d+) requests in", text)
            result["requests"] = int(requests_line.group(1)) if requests_line else 0
            socket_errors = re.search(r"Socket errors: (.*)", text)
            result["socket_errors"] = socket_errors.group(1) if socket_errors else "none"
            out.append(result)
        os.unlink(self.script.name)
        return out


LETTERS = str.maketrans("0123456789-", "ghijklmnop ")

# --- Posters -------------------------------------------------------------------------------


@dataclass
class Post:
    token: str
    thread: int
    acked: bool = False
    attempts: int = 0
    statuses: list = field(default_factory=list)
    latency: float | None = None  # first attempt to acknowledgement, seconds


class Posters:
    """Each poster replies in turn to the threads, with a pause between posts."""

    def __init__(self, site: Site, servers: list[DaphneServer], seconds: float, pause: float):
        self.site, self.servers, self.pause = site, servers, pause
        self.deadline = time.monotonic() + seconds
        self.posts: list[Post] = []
        self.request_times: list[float] = []
        self.lock = threading.Lock()
        self.workers = [
            threading.Thread(target=self._run, args=(n, key), daemon=True)
            for n, key in enumerate(site.posters)
        ]
        for worker in self.workers:
            worker.start()

    def _run(self, n: int, session_key: str) -> None:
        http = requests.Session()
        csrf = secrets.token_hex(16)
        http.cookies.set("sessionid", session_key, domain="127.0.0.1")
        http.cookies.set("csrftoken", csrf, domain="127.0.0.1")
        count = 0
        time.sleep(random.random() * self.pause)
        while time.monotonic() < self.deadline:
            post = Post(str(uuid.uuid4()), self.site.threads[(n + count) % len(self.site.threads)])
            with self.lock:
                self.posts.append(post)
            self._send(http, n, csrf, post)
            count += 1
            time.sleep(self.pause * (0.5 + random.random()))

    def _send(self, http: requests.Session, n: int, csrf: str, post: Post) -> None:
        form = {
            "csrfmiddlewaretoken": csrf,
            # Each text its own (the same text twice is taken for the same post), in letters only:
            # digits in a row can look like a phone or a case number to the confidential-data
            # check, which would refuse the form for the author's review.
            "body": f"A reply under load ({post.token.translate(LETTERS)}).",
            "language": "en",
            "submission_token": post.token,
        }
        first = time.monotonic()
        give_up = self.deadline + 60  # a post begun before the end may finish after it
        while time.monotonic() < give_up:
            server = self.servers[(n + post.attempts) % len(self.servers)]
            post.attempts += 1
            started = time.monotonic()
            try:
                response = http.post(
                    f"{server.url}/en/t/{post.thread}/reply/",
                    data=form,
                    allow_redirects=False,
                    timeout=15,
                )
            except requests.RequestException as exc:
                post.statuses.append(type(exc).__name__)
            else:
                with self.lock:
                    self.request_times.append(time.monotonic() - started)
                post.statuses.append(response.status_code)
                if response.status_code == 302 and "#post-" in response.headers["Location"]:
                    post.acked, post.latency = True, time.monotonic() - first
                    return
                if response.status_code in (200, 400, 403):
                    return  # the form was refused as sent: a browser would not send it again
            time.sleep(0.5)

    def join(self) -> None:
        for worker in self.workers:
            worker.join()


# --- Sockets -------------------------------------------------------------------------------


@dataclass
class Follower:
    stream: str
    home: int  # index of the server it connects to first
    first_last_id: int | None = None
    last_id: int | None = None
    received: list[int] = field(default_factory=list)
    resent: int = 0  # events a resume sent again (its reorder window), dropped by id
    connects: int = 0
    drops: int = 0
    resyncs: int = 0


class Sockets:
    """``count`` sockets spread over the servers and the threads, reconnecting like live.js."""

    def __init__(self, site: Site, servers: list[DaphneServer], count: int) -> None:
        self.servers = servers
        self.followers = [
            Follower(f"thread:{site.threads[n % len(site.threads)]}", n % len(servers))
            for n in range(count)
        ]
        self.stopping = False
        self.tasks: list[asyncio.Task] = []

    async def start(self, timeout: float = 120) -> float:
        """Open every socket; return the seconds until all were subscribed."""
        started = time.perf_counter()
        self.tasks = [asyncio.create_task(self._follow(f)) for f in self.followers]
        while any(f.first_last_id is None for f in self.followers):
            if time.perf_counter() - started > timeout:
                missing = sum(f.first_last_id is None for f in self.followers)
                raise RuntimeError(f"{missing} sockets not subscribed after {timeout} s")
            await asyncio.sleep(0.1)
        return time.perf_counter() - started

    async def _follow(self, follower: Follower) -> None:
        delay, attempt = 0.5, 0
        while not self.stopping:
            # A load balancer would send a refused client to the other process.
            server = self.servers[(follower.home + attempt) % len(self.servers)]
            try:
                async with connect(
                    f"{server.ws_url}/ws/", origin=server.url, open_timeout=20, max_queue=None
                ) as socket:
                    follower.connects += 1
                    await socket.recv()  # hello
                    message = {"type": "subscribe", "stream": follower.stream}
                    if follower.last_id is not None:
                        message["last_id"] = follower.last_id
                    await socket.send(json.dumps(message))
                    async for frame in socket:
                        self._handle(follower, json.loads(frame))
                        delay, attempt = 0.5, 0
            except (OSError, TimeoutError, WebSocketException):
                pass
            if self.stopping:
                return
            follower.drops += 1
            attempt += 1
            await asyncio.sleep(delay + random.random() * 0.5)
            delay = min(delay * 2, 8)

    @staticmethod
    def _handle(follower: Follower, message: dict) -> None:
        if message["type"] == "subscribed":
            if follower.first_last_id is None:
                follower.first_last_id = message["last_id"]
            follower.last_id = message["last_id"]
        elif message["type"] == "event":
            if message["id"] in follower.received:  # live.js drops these too (by post)
                follower.resent += 1
            else:
                follower.received.append(message["id"])
            follower.last_id = message["id"]
        elif message["type"] == "resync":
            follower.resyncs += 1  # live.js would reload the page: events were skipped
            follower.last_id = message["last_id"]

    async def stop(self) -> None:
        self.stopping = True
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


# --- Probes --------------------------------------------------------------------------------


class Prober:
    """GET a page on every server every 0.2 s as a signed-in member (never served from the
    visitors' cache, so it needs the database): when it answered, and with what."""

    UNAVAILABLE_MARK = 'data-error="unavailable"'

    def __init__(self, servers: list[DaphneServer], session_key: str) -> None:
        self.servers, self.path, self.session_key = servers, "/en/forum/", session_key
        self.samples: list[tuple[float, int, str]] = []  # (time, server index, outcome)
        self.stopping = False
        self.worker = threading.Thread(target=self._run, daemon=True)
        self.worker.start()

    def _run(self) -> None:
        http = requests.Session()
        http.cookies.set("sessionid", self.session_key, domain="127.0.0.1")
        while not self.stopping:
            for n, server in enumerate(self.servers):
                try:
                    response = http.get(server.url + self.path, timeout=10)
                except requests.RequestException:
                    outcome = "no answer"
                else:
                    outcome = str(response.status_code)
                    if "Traceback" in response.text:
                        outcome += " traceback"
                    elif self.UNAVAILABLE_MARK in response.text:
                        outcome += " error page"
                self.samples.append((time.monotonic(), n, outcome))
            time.sleep(0.2)

    def stop(self) -> None:
        self.stopping = True
        self.worker.join()

    def outcomes(self, start: float, end: float) -> Counter:
        return Counter(outcome for t, _, outcome in self.samples if start <= t <= end)

    def recovered_after(self, moment: float) -> float | None:
        """Seconds from ``moment`` until every server answered 200 (and kept answering)."""
        last_failure = max(
            (t for t, _, outcome in self.samples if t >= moment and outcome != "200"),
            default=moment,
        )
        later = [t for t, _, outcome in self.samples if t > last_failure and outcome == "200"]
        return (min(later) - moment) if later else None


# --- The check -----------------------------------------------------------------------------

CHECK = """
import json, sys, django
django.setup()
from forum.models import Event, Post
wanted = json.loads(sys.stdin.read())
counts = {}
for token in Post.objects.filter(thread_id__in=wanted["threads"]).values_list(
        "submission_token", flat=True):
    if token is not None:
        counts[str(token)] = counts.get(str(token), 0) + 1
events = {}
for pk, stream in Event.objects.filter(stream__in=wanted["streams"]).values_list("pk", "stream"):
    events.setdefault(stream, []).append(pk)
print(json.dumps({"counts": counts, "events": events}))
"""


def check(site: Site, posters: Posters, sockets: Sockets) -> dict:
    """Every acknowledged post exactly once; every socket got every event of its stream."""
    wanted = {"threads": site.threads, "streams": sorted({f.stream for f in sockets.followers})}
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=ROOT,
        env=site.env,
        input=json.dumps(wanted),
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    counts, events = found["counts"], found["events"]
    acked = [p for p in posters.posts if p.acked]
    missed_events = 0
    sockets_missing = 0
    for follower in sockets.followers:
        expected = {pk for pk in events.get(follower.stream, []) if pk > follower.first_last_id}
        missing = expected - set(follower.received)
        missed_events += len(missing)
        sockets_missing += bool(missing)
    return {
        "posts_sent": len(posters.posts),
        "acknowledged": len(acked),
        "acknowledged_missing": sum(counts.get(p.token, 0) == 0 for p in acked),
        "acknowledged_duplicated": sum(counts.get(p.token, 0) > 1 for p in acked),
        "unacknowledged_but_stored": sum(
            counts.get(p.token, 0) == 1 for p in posters.posts if not p.acked
        ),
        "retried_posts": sum(p.attempts > 1 for p in posters.posts),
        "post_statuses": dict(Counter(str(s) for p in posters.posts for s in p.statuses)),
        "events_expected": sum(
            len([pk for pk in events.get(f.stream, []) if pk > f.first_last_id])
            for f in sockets.followers
        ),
        "events_missed": missed_events,
        "sockets_missing_events": sockets_missing,
        "duplicate_deliveries": sum(
            len(f.received) - len(set(f.received)) for f in sockets.followers
        ),
        "resent_on_resume": sum(f.resent for f in sockets.followers),
        "socket_reconnects": sum(f.connects - 1 for f in sockets.followers),
        "resyncs": sum(f.resyncs for f in sockets.followers),
    }


async def settle(site: Site, posters: Posters, sockets: Sockets, timeout: float = 60) -> dict:
    """Wait for the posters' last retries and the sockets' last events, then check."""
    await asyncio.to_thread(posters.join)
    deadline = time.monotonic() + timeout
    while True:
        result = await asyncio.to_thread(check, site, posters, sockets)
        if not result["events_missed"] or time.monotonic() > deadline:
            return result
        await asyncio.sleep(2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


def servers(site: Site, count: int) -> list[DaphneServer]:
    return [DaphneServer(site.env).start() for _ in range(count)]


SERVER_ERRORS: Counter = Counter()  # exception lines in the servers' logs, over a run


def stop_server(server: DaphneServer) -> None:
    """Stop a Daphne process, counting the exceptions its log shows."""
    lines = server.output().splitlines() if server.process else []
    for n, line in enumerate(lines):
        if line.startswith("Traceback"):
            last = next(
                (ln for ln in lines[n + 1 :] if ln and not ln.startswith((" ", "Traceback"))),
                "?",
            )
            SERVER_ERRORS[last.split(":")[0][:80]] += 1
    server.stop()
