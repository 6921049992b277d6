"""`manage.py run_worker` as systemd and containers run it: a task enqueued while no worker runs
waits for one; SIGTERM stops an idle worker at once, and one in the middle of a long task within
10 s, putting the task back in the queue rather than losing it or leaving it "running"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.live import ROOT, Service, project_env, sqlite_site

ENQUEUE = """
import sys, django
django.setup()
from tests.forum import worker_tasks
task = getattr(worker_tasks, sys.argv[1])
print(task.enqueue(*[float(a) for a in sys.argv[2:]]).id)
"""

STATUS = """
import sys, json, django
django.setup()
from django_tasks_db.models import DBTaskResult
row = DBTaskResult.objects.get(pk=sys.argv[1])
print(json.dumps({"status": row.status, "value": row.return_value, "tries": len(row.worker_ids)}))
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("worker-process")
    return project_env(DATABASE_URL=sqlite_site(folder, seeded=False))


def python(code: str, *args: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()


def status(task_id: str, env) -> dict:
    return json.loads(python(STATUS, task_id, env=env))


def worker(env) -> Service:
    args = [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--no-schedule"]
    return Service("worker", args, env).start()


def niceness(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def wait_for(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_task_enqueued_while_no_worker_runs_is_run_when_one_starts(env):
    task_id = python(ENQUEUE, "add", "2", "40", env=env)
    time.sleep(1)
    assert status(task_id, env)["status"] == "READY"  # nobody ran it: nothing is lost either
    running = worker(env)
    try:
        wait_for(lambda: status(task_id, env)["status"] == "SUCCESSFUL")
        assert status(task_id, env)["value"] == 42
        # Below the web's processes: on a busy machine pages go first, tasks in what is left.
        assert niceness(running.process.pid) == min(19, niceness(os.getpid()) + 10)
        assert running.terminate() < 5  # idle: stops at once
    finally:
        running.stop()


def test_sigterm_during_a_long_task_puts_it_back_and_exits_within_10_s(env):
    task_id = python(ENQUEUE, "sleeps", "60", env=env)
    running = worker(env)
    try:
        wait_for(lambda: status(task_id, env)["status"] == "RUNNING")
        took = running.terminate(timeout=10)
        assert took < 10
        released = status(task_id, env)
        assert released["status"] == "READY"  # another worker (or this one again) runs it
        assert released["tries"] == 0  # a stop is not a failed attempt
        assert "released task" in running.output()
    finally:
        running.stop()


@pytest.mark.parametrize("niceness", ["-1", "20"])
def test_a_niceness_out_of_range_is_refused_before_the_worker_starts(env, niceness):
    result = subprocess.run(
        [sys.executable, "manage.py", "run_worker", "--niceness", niceness],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "--niceness must be from 0 to 19" in result.stderr
