"""The production shape as a whole, with real processes on loopback: nginx in front of gunicorn
(2 workers) and two Daphne processes, one task worker, and the suite's database and channel
layer (SQLite + the in-memory layer and its database relay, which is `make run`'s shape; or a
fresh PostgreSQL database + Redis in CI's second pass).

Through nginx a member signs in, follows a thread on a socket, replies, sees the live event,
and the worker e-mails the thread's watcher. A reply posted while the worker is stopped is
e-mailed when a worker comes back. Every process stops within 10 s of SIGTERM, and the socket
is told 1012 (service restart) so a browser reconnects to another process.
"""

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.config.test_gunicorn import GunicornServer, alive, children
from tests.live import ROOT, Service, free_port, manage, nginx, project_env, sqlite_site

pytestmark = [
    pytest.mark.skipif(
        not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists(),
        reason="nginx is not installed (make system-deps installs it)",
    ),
    # Seven processes at once: on a worker of their own rather than beside other heavy tests.
    pytest.mark.xdist_group("production_shape"),
]

SETUP = """
import json, django
django.setup()
from forum.models import Subscription
from forum.services.posting import start_thread
from tests.factories import BoardFactory, verified_member
board = BoardFactory(slug="shape", name_en="Shape")
poster = verified_member("poster")  # password: tests/factories.py
watcher = verified_member("watcher", email="watcher@example.org")
watcher.profile.email_notifications = True
watcher.profile.save()
post = start_thread(author=poster, board=board, title="The whole shape", body="First post")
Subscription.objects.get_or_create(user=watcher, thread=post.thread)
print(json.dumps({"thread": post.thread_id}))
"""


@contextlib.contextmanager
def fresh_database(directory: Path):
    """A database URL of the suite's kind: a new PostgreSQL database on the server of
    DATABASE_URL (dropped afterwards), or a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield sqlite_site(directory, seeded=False)  # migrated already
        return
    import psycopg

    name = f"shape_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def own_redis_database(url: str) -> str:
    """Redis database 6 on the suite's server: no other test's channel groups or cache."""
    return urlunsplit(urlsplit(url)._replace(path="/6"))


def daphne(env: dict[str, str]) -> Service:
    port = free_port()
    args = [sys.executable, "-m", "config.daphne", "-b", "127.0.0.1", "-p", str(port)]
    return Service(
        f"daphne:{port}", [*args, "--proxy-headers", "config.asgi:application"], env, port
    )


def worker(env: dict[str, str]) -> Service:
    return Service("worker", [sys.executable, "manage.py", "run_worker"], env)


def csrf_token(page: requests.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def receive(socket, kind: str, *, within: float, containing: str = "") -> dict:
    deadline = time.monotonic() + within
    while True:
        message = json.loads(socket.recv(timeout=max(deadline - time.monotonic(), 0.01)))
        if message["type"] == kind and containing in json.dumps(message):
            return message


def close_code(socket) -> int | None:
    """The code of the close frame the socket receives next (None: dropped without one)."""
    try:
        while True:
            socket.recv(timeout=5)
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None


MAIL_END = "-" * 79 + "\n"  # Django's file backend ends each message with this line


def mails(folder: Path) -> list[str]:
    """The e-mails the worker has finished writing (a file being written is not one yet)."""
    texts = [path.read_text() for path in sorted(folder.glob("*.log"))]
    return [text for text in texts if text.endswith(MAIL_END)]


def wait_for_mails(folder: Path, count: int, *, within: float) -> list[str]:
    deadline = time.monotonic() + within
    while len(found := mails(folder)) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


def test_the_production_shape_serves_signs_in_posts_live_mails_and_stops_cleanly(tmp_path):
    mail = tmp_path / "mail"
    mail.mkdir()
    with fresh_database(tmp_path) as database:
        variables = {
            "DATABASE_URL": database,
            "EMAIL_URL": f"filemail://{mail}",
            "TRUST_PROXY_HEADERS": "on",
            "RATE_LIMITS": "off",
        }
        if os.environ.get("REDIS_URL"):
            variables["REDIS_URL"] = own_redis_database(os.environ["REDIS_URL"])
        env = project_env(**variables)
        manage("migrate", "--noinput", env=env)  # nothing to do on a migrated SQLite copy
        thread = json.loads(
            subprocess.run(
                [sys.executable, "-c", SETUP],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
            ).stdout.splitlines()[-1]
        )["thread"]
        run_the_shape(env, tmp_path, mail, thread)


def run_the_shape(env: dict[str, str], directory: Path, mail: Path, thread: int) -> None:
    web = GunicornServer(env, workers=2)
    sockets = [daphne(env), daphne(env)]
    workers = [worker(env)]
    front = nginx(
        directory / "nginx",
        web=[f"127.0.0.1:{web.port}"],
        ws=[f"127.0.0.1:{server.port}" for server in sockets],
        static_root=directory,
    )
    try:
        with ThreadPoolExecutor() as pool:
            list(pool.map(lambda process: process.start(), [web, *sockets, workers[0], front]))
        site = front.url

        # Sign in through nginx: the real form, its CSRF token and cookie.
        browser = requests.Session()
        form = browser.get(f"{site}/en/accounts/login/", timeout=10)
        signed_in = browser.post(
            f"{site}/en/accounts/login/",
            data={
                "csrfmiddlewaretoken": csrf_token(form),
                "username": "poster",
                "password": "correct horse battery",
            },
            allow_redirects=False,
            timeout=10,
        )
        assert signed_in.status_code == 302, signed_in.text[-2000:]
        cookie = f"sessionid={browser.cookies['sessionid']}"

        def reply(body: str) -> None:
            page = browser.get(f"{site}/en/t/{thread}/reply/", timeout=10)
            answer = browser.post(
                f"{site}/en/t/{thread}/reply/",
                data={"csrfmiddlewaretoken": csrf_token(page), "body": body},
                allow_redirects=False,
                timeout=10,
            )
            assert answer.status_code == 302, answer.text[-2000:]

        ws_url = f"ws://127.0.0.1:{front.port}/ws/"
        with connect(
            ws_url, origin=site, additional_headers={"Cookie": cookie}, open_timeout=10
        ) as socket:
            assert receive(socket, "hello", within=10)["authenticated"] is True
            socket.send(json.dumps({"type": "subscribe", "stream": f"thread:{thread}"}))
            receive(socket, "subscribed", within=10)

            reply("Through the whole shape")
            event = receive(socket, "event", within=5, containing="Through the whole shape")
            assert event["kind"] == "post.created"

            first = wait_for_mails(mail, 1, within=15)
            assert len(first) == 1, "the worker sent no e-mail"
            assert "watcher@example.org" in first[0]
            assert "The whole shape" in first[0]

            # The worker stops; a reply is posted meanwhile: live at once, e-mailed later.
            assert workers[0].terminate() < 10
            reply("While the worker was down")
            receive(socket, "event", within=5, containing="While the worker was down")
            time.sleep(2)
            assert len(list(mail.glob("*.log"))) == 1, "an e-mail was sent with no worker running"
            workers.append(worker(env).start())
            second = wait_for_mails(mail, 2, within=15)
            assert len(second) == 2, "the task queued while the worker was down was lost"
            assert "watcher@example.org" in second[1]

            # Stop: the socket servers first, so the socket (through nginx) hears why.
            for server in sockets:
                assert server.terminate() < 10
            assert close_code(socket) == 1012

        assert workers[1].terminate() < 10
        stop_gunicorn_within_ten_seconds(web)
        assert front.terminate() < 10
    finally:
        for process in [front, *workers, *sockets]:
            process.stop()
        web.stop()


def stop_gunicorn_within_ten_seconds(web: GunicornServer) -> None:
    master = web.process
    assert master is not None
    workers = children(master.pid)
    started = time.monotonic()
    master.send_signal(signal.SIGTERM)
    master.wait(timeout=10)
    while any(alive(pid) for pid in workers) and time.monotonic() - started < 10:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
    assert time.monotonic() - started < 10
