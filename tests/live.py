"""Real Daphne processes on loopback for tests that need the served site (HTTP + WebSocket)."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Daphne as production runs it: its own CLI, with sockets closed with 1012 on SIGTERM.
DAPHNE = [sys.executable, "-m", "config.daphne"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def project_env(**variables: str) -> dict[str, str]:
    """This environment with the given configuration variables (others kept as they are).

    Each served site gets Redis keys of its own (cache and channel layer): two sites of the
    suite on one Redis, one migrated and one seeded, would otherwise read each other's cached
    pages. Processes of one site share the dict this returns, and so their keys."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings")
    env["REDIS_KEY_PREFIX"] = f"site-{uuid.uuid4().hex[:12]}"
    env.update(variables)
    return env


def manage(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _code_stamp() -> str:
    """Changes whenever the code, the pinned packages or this file (how a site is built)
    change."""
    digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes())
    digest.update(Path(__file__).read_bytes())
    for folder in ("forum", "cms", "config"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def sqlite_site(directory: Path, *, seeded: bool) -> str:
    """A migrated (and, if asked, seeded) SQLite site in ``directory``: its DATABASE_URL.

    Migrating and seeding take about 30 s, and a dozen test modules serve a site from a real
    process: the file is built once per version of the code (by whichever test process gets
    there first, the others wait for it) and copied for each."""
    cache = Path(tempfile.gettempdir()) / f"forum-test-sites-{_code_stamp()}"
    cache.mkdir(exist_ok=True)
    kind = "seeded" if seeded else "migrated"
    template = cache / f"{kind}.sqlite3"
    with open(cache / f"{kind}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = cache / f"{kind}-building.sqlite3"
            for leftover in cache.glob(f"{kind}-building.sqlite3*"):
                leftover.unlink()
            env = project_env(
                DATABASE_URL=f"sqlite:///{building}", REDIS_URL="", ELASTICSEARCH_URL=""
            )
            manage("migrate", "--noinput", env=env)
            if seeded:
                manage("seed_demo", "--no-translations", env=env)
                # What the demo's posts queued (search index, vectors), done once
                # here rather than by every served site's worker while its tests run.
                manage("run_worker", "--batch", "--no-schedule", env=env)
            with contextlib.closing(sqlite3.connect(building)) as database:
                database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                database.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            building.rename(template)
    target = directory / "site.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def _psql(url: str, statement: str, *, check: bool = True) -> str:
    result = subprocess.run(
        ["psql", url, "-qtAc", statement], capture_output=True, text=True, timeout=60, check=False
    )
    if check and result.returncode:
        raise RuntimeError(f"psql {statement!r} failed:\n{result.stderr[-2000:]}")
    return result.stdout.strip()


def postgres_site(database_url: str, name: str) -> str:
    """A fresh seeded PostgreSQL database ``name`` on the server of ``database_url``: its URL.

    As sqlite_site: migrating, seeding and running the demo's queued work take about 100 s on
    PostgreSQL, so a template database is built once per version of the code and each site is
    copied from it (CREATE DATABASE ... TEMPLATE, about a second). Templates of other versions
    are dropped when a new one is built, unless a copy from one is under way."""
    base = database_url.rsplit("/", 1)[0]
    server = f"{base}/postgres"
    template = f"forum_seeded_{_code_stamp()}"
    lock_path = Path(tempfile.gettempdir()) / "forum-test-sites-postgres.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        names = "SELECT datname FROM pg_database"
        if template not in _psql(server, names).split():
            building = f"{template}_building"
            _psql(server, f"DROP DATABASE IF EXISTS {building} WITH (FORCE)")
            _psql(server, f"CREATE DATABASE {building}")
            env = project_env(DATABASE_URL=f"{base}/{building}", REDIS_URL="", ELASTICSEARCH_URL="")
            manage("migrate", "--noinput", env=env)
            manage("seed_demo", "--no-translations", env=env)
            manage("run_worker", "--batch", "--no-schedule", env=env)  # the demo's queued work
            _psql(server, f"ALTER DATABASE {building} RENAME TO {template}")
            for other in _psql(server, names).split():
                # Refused while another run copies from it: kept.
                if other.startswith("forum_seeded_") and other != template:
                    _psql(server, f"DROP DATABASE IF EXISTS {other}", check=False)
        _psql(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _psql(server, f"CREATE DATABASE {name} TEMPLATE {template}")
    return f"{base}/{name}"


def seeded_env(directory: Path) -> dict[str, str]:
    """A migrated SQLite site with the demo data in ``directory`` (plus Redis when the suite
    runs with REDIS_URL), for the tests that serve it from a real process."""
    return project_env(DATABASE_URL=sqlite_site(directory, seeded=True))


def http_get(url: str, language: str = "en") -> tuple[int, str]:
    """Status and text of a GET to a served site, errors included."""
    request = urllib.request.Request(url, headers={"Accept-Language": language})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class DaphneServer:
    """One Daphne process serving config.asgi on 127.0.0.1; stop() ends it."""

    def __init__(self, env: dict[str, str], port: int | None = None) -> None:
        self.env = env
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        # A file, not a pipe: nobody reads Daphne's access log while it runs, and a full pipe
        # would block the server.
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed by stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> DaphneServer:
        self.process = subprocess.Popen(
            [*DAPHNE, "-b", "127.0.0.1", "-p", str(self.port), "config.asgi:application"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"daphne exited:\n{self.output()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"daphne did not listen on {self.port} within {timeout} s")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


POSTER = """
import json, sys, django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from forum.models import Board, Profile
from forum.services.posting import start_thread
username, title = sys.argv[1], sys.argv[2]
user = get_user_model().objects.create_user(username, f"{username}@example.org", "unused-pw")
Profile.objects.create(user=user, display_name=username.title(), verification="verified")
board = Board.objects.get(area__slug="juvenile-justice", slug="general")
post = start_thread(author=user, board=board, title=title, body="First post")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"thread": post.thread_id, "user": user.pk, "session": session.session_key}))
"""


def poster_with_thread(env: dict[str, str], *, username: str, title: str) -> dict:
    """In a seeded site: a verified member, a thread they started, and a signed-in session."""
    out = subprocess.run(
        [sys.executable, "-c", POSTER, username, title],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


class Service:
    """One process of the production shape (nginx, gunicorn, Daphne, the worker) on loopback.

    start() waits until its port answers (when it has one); terminate() sends SIGTERM, as
    systemd and container stops do, and says how long it took to exit; stop() ends whatever is
    left of its process group, for teardown.
    """

    def __init__(
        self, name: str, args: list[str], env: dict[str, str], port: int | None = None
    ) -> None:
        self.name = name
        self.args = args
        self.env = env
        self.port = port
        self.process: subprocess.Popen | None = None
        # A file, not a pipe: nobody reads the logs while it runs.
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed by stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Service:
        self.process = subprocess.Popen(
            self.args,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            # Its own group: teardown ends the process and any child it left behind.
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while self.port is not None:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.output()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"{self.name} did not listen within {timeout} s") from None
                time.sleep(0.1)
        return self

    def output(self) -> str:
        if self.log.closed:
            return ""
        self.log.seek(0)
        return self.log.read()

    def terminate(self, timeout: float = 10) -> float:
        """SIGTERM; the seconds it took to exit (raises if it did not within ``timeout``)."""
        assert self.process is not None
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"{self.name} still running {timeout} s after SIGTERM:\n{self.output()[-3000:]}"
            ) from None
        return time.monotonic() - started

    def stop(self) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.log.close()


def nginx(
    directory: Path,
    *,
    web: list[str],
    # Nothing listens on the discard port: tests without sockets still need an upstream.
    ws: tuple[str, ...] | list[str] = ("127.0.0.1:9",),
    static_root: Path | None = None,
    extra: tuple[str, ...] = (),
) -> Service:
    """nginx in front (config/deploy/nginx.py --run), on a port of its own, files in directory."""
    port = free_port()
    args = [sys.executable, "-m", "config.deploy.nginx", "--run", str(directory)]
    args += ["--listen", f"127.0.0.1:{port}"]
    args += [option for address in web for option in ("--web", address)]
    args += [option for address in ws for option in ("--ws", address)]
    if static_root is not None:
        args += ["--static-root", str(static_root)]
    return Service("nginx", [*args, *extra], dict(os.environ), port)
