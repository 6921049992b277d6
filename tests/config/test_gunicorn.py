"""HTTP as production serves it: gunicorn with config/deploy/gunicorn.conf.py, real processes on
loopback, and a clean stop on SIGTERM (what systemd and container stops send)."""

import json
import signal
import sys
import time
from pathlib import Path

import pytest
from django.utils.html import escape

from cms.demo_content import forum as demo
from tests.live import ROOT, Service, free_port, seeded_env
from tests.live import http_get as get

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
CONFIG = str(ROOT / "config" / "deploy" / "gunicorn.conf.py")

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds gunicorn's workers through /proc"
)


def children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is pid."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name in parentheses may hold spaces: split after its closing ")".
            state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError):
            continue
        if int(parent) == pid and state != "Z":
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class GunicornServer(Service):
    """One gunicorn master (and its workers) serving config.wsgi on 127.0.0.1."""

    def __init__(self, env: dict[str, str], workers: int = 2) -> None:
        port = free_port()
        variables = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY=str(workers))
        super().__init__("gunicorn", [GUNICORN, "-c", CONFIG], variables, port)
        self.workers = workers

    def start(self, timeout: float = 60) -> "GunicornServer":
        """Started when its port answers and every worker has loaded the site (each says so:
        config/deploy/gunicorn.conf.py); a busy machine takes seconds to load it."""
        super().start(timeout)
        deadline = time.monotonic() + timeout
        while self.output().count("Worker ready") < self.workers:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.output()[-3000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"gunicorn's workers did not boot:\n{self.output()[-3000:]}")
            time.sleep(0.1)
        return self


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    """A migrated, seeded SQLite site (plus Redis when the suite runs with REDIS_URL)."""
    return seeded_env(tmp_path_factory.mktemp("gunicorn"))


@pytest.fixture(scope="module")
def site(site_env):
    server = GunicornServer(site_env).start()
    yield server
    server.stop()


def test_gunicorn_runs_the_configured_number_of_sync_workers(site):
    assert len(children(site.process.pid)) == 2
    assert "Using worker: sync" in site.output()


def test_gunicorn_serves_the_forum_home_page(site):
    status, body = get(f"{site.url}/en/forum/")

    assert status == 200
    for _, names, _ in demo.PROGRAM_AREAS:
        assert f"<h2>{escape(names['en'])}</h2>" in body


def test_each_worker_loads_the_search_model_as_it_starts(site):
    """The first search after a deploy does not wait for the sentence encoder to load
    (config/warmup.py): each worker loads it beside its first requests, and says so."""
    deadline = time.monotonic() + 60
    while site.output().count("Warmed up in") < site.workers and time.monotonic() < deadline:
        time.sleep(0.1)
    warmed = {
        line.rsplit("pid: ", 1)[1] for line in site.output().splitlines() if "Warmed up" in line
    }
    assert warmed == {str(pid) + ")" for pid in children(site.process.pid)}
    assert "Warming up failed" not in site.output()
    status, body = get(f"{site.url}/en/search/?q=diversion")
    assert status == 200
    assert 'name="q"' in body


def test_gunicorn_serves_static_files(site):
    status, body = get(f"{site.url}/static/forum/site.css")

    assert status == 200
    assert ".areas" in body


def test_gunicorn_reports_health(site):
    status, body = get(f"{site.url}/healthz")

    assert status == 200
    assert json.loads(body)["failing"] == []


def test_gunicorn_master_and_workers_stop_within_ten_seconds_of_sigterm(site_env):
    server = GunicornServer(site_env).start()
    try:
        master = server.process
        assert master is not None
        workers = children(master.pid)
        assert len(workers) == 2
        started = time.monotonic()

        master.send_signal(signal.SIGTERM)
        master.wait(timeout=10)
        while any(alive(pid) for pid in workers) and time.monotonic() - started < 10:
            time.sleep(0.05)

        assert not any(alive(pid) for pid in workers)
        assert time.monotonic() - started < 10
    finally:
        server.stop()
