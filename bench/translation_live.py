"""Benchmark: from a reply posted in Spanish to its Portuguese translation shown live.

The site served as the browser tests serve it: one Daphne process for HTTP and sockets on
loopback, the embedded default (a fresh SQLite file, the relay table between processes; Redis
for the channel layer when REDIS_URL is set), one task worker (`manage.py run_worker`, its
default poll interval) and the offline engines (Apertium's es→pt). A reader whose preferred
language is Portuguese watches a Spanish thread, its socket subscribed to it; members signed
in through the real form post REPLIES replies (PARAGRAPHS paragraphs of two sentences each)
through the site, one after the other, each once the previous one's translation arrived and a
random pause (0-1 s: else each reply would land at the same moment of the worker's poll), after
one reply not timed that warms the processes up (its request alone takes seconds).

Timed: the POST sent → the reader's socket receiving `post.translated` for "pt" (p50, p95,
max), and where the time goes, from the worker's task rows: the request and its commit, the
wait for the worker, the translation itself, and the frame's way from the worker to the socket
(the relay's poll on the embedded default). Paragraphs per second: of the translation task's
run time. Bounded: about 100 s (the first run also builds the migrated SQLite template,
~30 s). Markdown on stdout.

    .venv/bin/python bench/translation_live.py [--replies 30] [--paragraphs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
import requests
from common import ROOT
from websockets.sync.client import connect

from bench.data.translation_sample import SAMPLE
from tests.live import DaphneServer, Service, project_env, sqlite_site

PASSWORD = "correct horse battery"  # noqa: S105 - the test members' (tests/factories.py)
PER_POSTER = 8  # replies per member: the posting limit is 10 a minute (forum/limits.py)
WAIT = 60  # seconds one reply's translation may take before the run gives up

SETUP = """
import json, sys, django
django.setup()
from forum.models import Profile, Subscription
from forum.services.posting import start_thread
from tests.factories import BoardFactory, verified_member
board = BoardFactory(slug="live-translation", name_en="Live translation")
posters = [verified_member(f"poster{n}") for n in range(int(sys.argv[1]))]
Profile.objects.filter(user__in=posters).update(preferred_language="es", languages="Español")
reader = verified_member("reader")
Profile.objects.filter(user=reader).update(preferred_language="pt", languages="Português")
first = start_thread(
    author=posters[0], board=board, language="es",
    title="Criterios de derivación para menores infractores",
    body="La fiscalía revisa los criterios de derivación. ¿Qué pesa más en su oficina?",
)
Subscription.objects.get_or_create(user=reader, thread=first.thread)
print(json.dumps({"thread": first.thread_id}))
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]


def csrf_token(page: requests.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(site: str, username: str) -> requests.Session:
    browser = requests.Session()
    form = browser.get(f"{site}/en/accounts/login/", timeout=10)
    data = {"csrfmiddlewaretoken": csrf_token(form), "username": username, "password": PASSWORD}
    answer = browser.post(
        f"{site}/en/accounts/login/", data=data, allow_redirects=False, timeout=10
    )
    if answer.status_code != 302:
        raise SystemExit(f"{username} could not sign in: HTTP {answer.status_code}")
    return browser


def body(number: int, paragraphs: int) -> str:
    """Paragraphs of two Spanish sample sentences, different for every reply."""
    chosen = [
        " ".join(
            SAMPLE[(number * paragraphs * 2 + k) % len(SAMPLE)]["es"] for k in (2 * p, 2 * p + 1)
        )
        for p in range(paragraphs)
    ]
    return "\n\n".join([*chosen[:-1], f"{chosen[-1]} ({number + 1})"])


def reply(browser: requests.Session, site: str, thread: int, text: str) -> None:
    page = browser.get(f"{site}/es/t/{thread}/reply/", timeout=10)
    token = re.search(r'name="submission_token" value="([^"]+)"', page.text).group(1)
    data = {
        "csrfmiddlewaretoken": csrf_token(page),
        "body": text,
        "language": "es",
        "submission_token": token,
    }
    answer = browser.post(
        f"{site}/es/t/{thread}/reply/", data=data, allow_redirects=False, timeout=30
    )
    if answer.status_code != 302:
        raise SystemExit(f"the reply was refused: HTTP {answer.status_code}")


def translated(socket, position: int) -> None:
    """Wait for the socket to receive the Portuguese translation of the post at ``position``."""
    deadline = time.monotonic() + WAIT
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit(f"no translation of post {position} within {WAIT} s")
        message = json.loads(socket.recv(timeout=left))
        payload = message.get("payload") or {}
        if (
            message["type"] == "event"
            and message["kind"] == "post.translated"
            and payload.get("target") == "pt"
            and payload.get("position") == position
        ):
            return


def run(site: str, ws: str, thread: int, replies: int, paragraphs: int) -> list[dict]:
    """The timed replies (the first one, the warm-up, left out)."""
    posters = [sign_in(site, f"poster{n}") for n in range(poster_count(replies))]
    reader = sign_in(site, "reader")
    cookie = f"sessionid={reader.cookies['sessionid']}"
    samples = []
    with connect(ws, origin=site, additional_headers={"Cookie": cookie}, open_timeout=10) as sock:
        json.loads(sock.recv(timeout=10))  # hello
        sock.send(json.dumps({"type": "subscribe", "stream": f"thread:{thread}"}))
        for number in range(replies + 1):
            text = body(number, paragraphs)
            time.sleep(random.uniform(0, 1))
            posted = time.time()
            started = time.monotonic()
            reply(posters[number // PER_POSTER], site, thread, text)
            answered = time.monotonic() - started
            translated(sock, position=number + 2)
            samples.append(
                {"posted": posted, "request": answered, "shown": time.monotonic() - started}
            )
    return samples[1:]


def poster_count(replies: int) -> int:
    return -(-(replies + 1) // PER_POSTER)


TASKS = """
import json, sys, django
django.setup()
from django_tasks_db.models import DBTaskResult
rows = DBTaskResult.objects.filter(task_path="forum.tasks.translate_posts").order_by("enqueued_at")
print(json.dumps([
    [row.enqueued_at.timestamp(), row.started_at.timestamp(), row.finished_at.timestamp()]
    for row in rows if row.finished_at
]))
"""


def task_times(env: dict[str, str]) -> list[list[float]]:
    out = subprocess.run(
        [sys.executable, "-c", TASKS], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def report(samples: list[dict], tasks: list[list[float]], paragraphs: int, env: dict) -> None:
    # The replies' tasks, matched in order (the thread's first post has one too, before them).
    tasks = tasks[-len(samples) :]
    shown = [s["shown"] for s in samples]
    parts = {
        "request (POST → 302, commit)": [s["request"] for s in samples],
        "waiting for the worker (commit → task started)": [t[1] - t[0] for t in tasks],
        "translating and storing (task run)": [t[2] - t[1] for t in tasks],
        "to the socket (task done → frame received)": [
            s["shown"] - (t[2] - s["posted"]) for s, t in zip(samples, tasks, strict=True)
        ],
    }
    running = sum(t[2] - t[1] for t in tasks)
    layer = "Redis" if env.get("REDIS_URL") else "embedded default (SQLite, relay table)"
    print(f"### Posting → translation shown live ({len(samples)} replies, {layer})\n")
    print(
        f"{os.cpu_count()} cores; one Daphne process, one worker (poll 1 s); Spanish replies of "
        f"{paragraphs} paragraphs (2 sentences, ~{len(body(0, paragraphs)) // paragraphs} "
        "characters each) into a thread a Portuguese reader watches; Apertium es→pt.\n"
    )
    print("| step | p50 | p95 | max |\n|---|---|---|---|")
    print(
        f"| **posted → `post.translated` received** | **{ms(percentile(shown, 0.5))}** | "
        f"**{ms(percentile(shown, 0.95))}** | {ms(max(shown))} |"
    )
    for name, values in parts.items():
        print(
            f"| {name} | {ms(percentile(values, 0.5))} | {ms(percentile(values, 0.95))} | "
            f"{ms(max(values))} |"
        )
    print(
        f"\nTranslation speed in the worker: {len(tasks) * paragraphs / running:.1f} paragraphs/s "
        f"({len(tasks) * paragraphs} paragraphs in {running:.2f} s of task run time, one task "
        "per reply)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=30, help="replies timed, one at a time")
    parser.add_argument("--paragraphs", type=int, default=3, help="paragraphs per reply")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-translation-live-") as directory:
        # Always a fresh SQLite site of its own (a copy of the migrated template): the run adds
        # a board, members and replies. REDIS_URL, when set, is used for the channel layer.
        env = project_env(
            ALLOWED_HOSTS="127.0.0.1",
            EMAIL_URL="consolemail://",
            DATABASE_URL=sqlite_site(Path(directory), seeded=False),
        )
        posters = str(poster_count(options.replies))
        out = subprocess.run(
            [sys.executable, "-c", SETUP, posters],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        thread = json.loads(out.strip().splitlines()[-1])["thread"]
        server = DaphneServer(env).start()
        worker = Service("worker", [sys.executable, "manage.py", "run_worker"], env).start()
        try:
            samples = run(
                server.url, f"{server.ws_url}/ws/", thread, options.replies, options.paragraphs
            )
        finally:
            worker.stop()
            server.stop()
        report(samples, task_times(env), options.paragraphs, env)


if __name__ == "__main__":
    main()
