"""The production shape for the load benchmark (bench/load.py), as docs/deploy.md runs it.

nginx in front (the server block config/deploy/nginx.py renders), gunicorn behind it with
config/deploy/gunicorn.conf.py's sync workers for every HTTP request, two Daphne processes
behind it for the sockets, and one task worker, all on loopback. The site is either the
embedded default (a SQLite file, no Redis: the channel layer's database relay and per-process
caches) or loadkit's private PostgreSQL and Redis.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
import loadkit
from common import ROOT

from config.deploy import nginx as nginx_config
from tests.live import Service, free_port, project_env, sqlite_site

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# Each proxied socket holds two of nginx's connections (browser side, Daphne side): the 1,024
# of the loopback config (--run) are fewer than 500 sockets, the readers and the posters need.
WORKER_CONNECTIONS = 8192


def embedded_site(*, posters: int, threads: int) -> loadkit.Site:
    """A seeded SQLite site (the embedded default: no Redis), with posters and threads."""
    started = time.perf_counter()
    directory = Path(tempfile.mkdtemp(prefix="forum-load-sqlite-"))
    media = directory / "media"
    media.mkdir()
    env = project_env(
        DATABASE_URL=sqlite_site(directory, seeded=True),
        REDIS_URL="",
        ELASTICSEARCH_URL="",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        MEDIA_ROOT=str(media),
        EMAIL_URL="consolemail://",
        TRUST_PROXY_HEADERS="on",
        RATE_LIMITS="0",  # a few accounts post as fast as many members would
    )
    site = loadkit.Site(env, None, None, [], "", [], "", directory)
    made = json.loads(site.python(loadkit.SETUP, str(posters), str(threads)).splitlines()[-1])
    site.posters, site.reader, site.threads = made["posters"], made["reader"], made["threads"]
    site.board_path = f"/en/b/{made['area']}/{made['board']}/"
    print(
        f"site: SQLite {env['DATABASE_URL']}, no Redis, {posters} posters, {threads} threads, "
        f"built in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return site


REQUEST_LINE = re.compile(r"method=(\w+) path=(\S+) status=\d+ duration_ms=([\d.]+)")
KINDS = [
    ("reply", re.compile(r"/t/\d+/reply/$")),
    ("thread page", re.compile(r"/t/\d+/$")),
    ("board page", re.compile(r"/b/[^/]+/[^/]+/$")),
    ("search", re.compile(r"/search/$")),
    ("forum index", re.compile(r"/forum/$")),
]


class Shape:
    """nginx → gunicorn (HTTP) and nginx → two Daphne processes (/ws/), plus one worker.

    Has the ``url`` and ``ws_url`` of a server, so loadkit's readers, posters and sockets use
    it as one: everything they send goes through nginx.
    """

    def __init__(self, site: loadkit.Site, *, daphnes: int = 2) -> None:
        env = dict(site.env, TRUST_PROXY_HEADERS="on")
        web_port = free_port()
        self.web = Service(
            "gunicorn",
            [GUNICORN, "-c", str(ROOT / "config" / "deploy" / "gunicorn.conf.py")],
            dict(env, GUNICORN_BIND=f"127.0.0.1:{web_port}"),
            web_port,
        )
        self.sockets = []
        for _ in range(daphnes):
            port = free_port()
            args = [sys.executable, "-m", "config.daphne", "-b", "127.0.0.1", "-p", str(port)]
            args += ["--proxy-headers", "config.asgi:application"]
            self.sockets.append(Service(f"daphne:{port}", args, env, port))
        self.worker = Service("worker", [sys.executable, "manage.py", "run_worker"], env)
        self.directory = Path(tempfile.mkdtemp(prefix="forum-load-nginx-"))
        self.port = free_port()
        self.front = Service("nginx", self._nginx_command(), dict(os.environ), self.port)

    def _nginx_command(self) -> list[str]:
        server = nginx_config.server_config(
            listen=[f"127.0.0.1:{self.port}"],
            server_name="_",
            web=[f"127.0.0.1:{self.web.port}"],
            ws=[f"127.0.0.1:{s.port}" for s in self.sockets],
            static_root=ROOT / "staticfiles",
            body_max="25m",
        )
        config = nginx_config.run_config(self.directory, server).replace(
            "worker_connections 1024;", f"worker_connections {WORKER_CONNECTIONS};"
        )
        assert f"worker_connections {WORKER_CONNECTIONS};" in config
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.directory / "temp" / kind).mkdir(parents=True, exist_ok=True)
        (self.directory / "nginx.conf").write_text(config)
        folder = str(self.directory)
        return [NGINX, "-p", folder, "-e", f"{folder}/error.log", "-c", f"{folder}/nginx.conf"]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    @property
    def workers(self) -> int:
        """gunicorn's worker processes (gunicorn.conf.py: WEB_CONCURRENCY or 2 * cores + 1)."""
        return int(self.web.env.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)

    def start(self) -> Shape:
        for service in (self.web, *self.sockets, self.worker, self.front):
            service.start()
        deadline = time.monotonic() + 60
        while self.web.output().count("Booting worker") < self.workers:
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn's workers did not boot:\n{self.web.output()[-3000:]}")
            time.sleep(0.1)
        return self

    def server_times(self) -> dict[str, tuple[int, float, float]]:
        """gunicorn's own time per kind of request (the request log's duration_ms, from the
        view's first middleware to its answer: no wait in nginx or for a free worker), as
        {kind: (requests, p50 ms, p99 ms)}."""
        times: dict[str, list[float]] = {}
        for method, path, took in REQUEST_LINE.findall(self.web.output()):
            kind = next((name for name, shape in KINDS if shape.search(path)), "other")
            times.setdefault(f"{method} {kind}", []).append(float(took))
        return {
            kind: (len(ms), loadkit.percentile(ms, 0.5), loadkit.percentile(ms, 0.99))
            for kind, ms in sorted(times.items())
        }

    def stop(self) -> None:
        """Stop every process, counting the exceptions their logs show (loadkit.SERVER_ERRORS),
        and gunicorn's worker timeouts."""
        timeouts = self.web.output().count("WORKER TIMEOUT")
        if timeouts:
            loadkit.SERVER_ERRORS["gunicorn worker timeout"] += timeouts
        for service in (self.front, self.worker, *self.sockets, self.web):
            loadkit.stop_server(service)
        shutil.rmtree(self.directory, ignore_errors=True)


def check_served(shape: Shape, session: str) -> None:
    """The front answers, and the member's pages are a signed-in member's (wrk would count a
    redirect to the sign-in page as a success)."""
    import requests

    for _ in range(20):
        response = requests.get(
            shape.url + "/en/forum/",
            cookies={"sessionid": session},
            allow_redirects=False,
            timeout=30,
        )
        if response.status_code == 200:
            break
        time.sleep(0.5)
    assert response.status_code == 200, response.status_code
    assert "data-sign-out" in response.text, "the reader's session is not signed in"
