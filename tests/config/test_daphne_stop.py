"""Daphne as production runs it (`python -m config.daphne`, config/daphne.py) on the embedded
default: a reply written by another process (gunicorn, the worker) reaches its sockets through
the relay within a second, and SIGTERM closes every socket with 1012 and ends the process."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
import time

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.live import ROOT, free_port, poster_with_thread, seeded_env

REPLY = """
import sys, django
django.setup()
from django.contrib.auth import get_user_model
from forum.models import Thread
from forum.services.posting import post_reply
author = get_user_model().objects.get(pk=int(sys.argv[1]))
post_reply(author=author, thread=Thread.objects.get(pk=int(sys.argv[2])), body=sys.argv[3])
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    env = seeded_env(tmp_path_factory.mktemp("daphne-stop"))
    env.pop("REDIS_URL", None)  # the embedded default: in-memory layer plus the relay
    return env, poster_with_thread(env, username="relayed", title="Across processes")


class GracefulDaphne:
    def __init__(self, env):
        self.port = free_port()
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "config.daphne", "-b", "127.0.0.1"),
                *("-p", str(self.port), "config.asgi:application"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )

    def connect(self):
        deadline = time.monotonic() + 30
        while True:
            try:
                return connect(
                    f"ws://127.0.0.1:{self.port}/ws/",
                    origin=f"http://127.0.0.1:{self.port}",
                    open_timeout=5,
                )
            except OSError as error:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.log.seek(0)
                    log = self.log.read()[-3000:]
                    raise RuntimeError(f"daphne did not start:\n{log}") from error
                time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


def until_closed(socket) -> ConnectionClosed:
    try:
        while True:
            socket.recv(timeout=10)
    except ConnectionClosed as closed:
        return closed


def receive(socket, kind, timeout=10):
    while True:
        message = json.loads(socket.recv(timeout=timeout))
        if message["type"] == kind:
            return message


def test_a_reply_written_by_another_process_arrives_within_a_second(site):
    env, data = site
    server = GracefulDaphne(env)
    try:
        with server.connect() as socket:
            receive(socket, "hello")
            socket.send(json.dumps({"type": "subscribe", "stream": f"thread:{data['thread']}"}))
            receive(socket, "subscribed")
            subprocess.run(
                [
                    *(sys.executable, "-c", REPLY, str(data["user"]), str(data["thread"])),
                    "Written by gunicorn, say",
                ],
                cwd=ROOT,
                env=env,
                check=True,
                timeout=60,
            )
            written = time.monotonic()
            event = receive(socket, "event")
            arrived = time.monotonic() - written
        assert event["kind"] == "post.created"
        assert "Written by gunicorn, say" in event["payload"]["html"]
        assert arrived < 1.0, f"arrived after {arrived:.2f} s"
    finally:
        server.stop()


def test_sigterm_closes_every_socket_with_1012_and_ends_the_process(site):
    env, _data = site
    server = GracefulDaphne(env)
    try:
        first, second = server.connect(), server.connect()
        for socket in (first, second):
            receive(socket, "hello")
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        for socket in (first, second):
            closed = until_closed(socket)
            assert closed.rcvd is not None
            assert closed.rcvd.code == 1012
        server.process.wait(timeout=10)
        assert time.monotonic() - started < 10
        assert server.process.returncode == 0
    finally:
        server.stop()
