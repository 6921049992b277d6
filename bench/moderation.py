"""Benchmark of the moderators' pages on forum-bench-v1 plus a moderation load.

On top of the forum-bench-v1 data set (bench/seed_forum.py, seeded when missing) it adds,
once: a site moderator, an area moderator of the benchmark's program area, 2,000 open flags on
1,000 posts, 500 held posts and 20,000 rows of moderation log. It then serves the site with one
Daphne process on 127.0.0.1 and measures, signed in (a session cookie), the review queue, the
review queue filtered by language, the list fragment the live page re-fetches, and the log's
first page and a filtered page as the site moderator, and the queue and the log as the area
moderator (their scope filters every query), with `wrk -t2 -c16 -d10s`, twice each, after
warming requests, with their SQL query counts (first request, then the next). Bounded: about
four minutes, plus the seeding the first time. The figures also go to
bench/results/moderation.json.

With --gunicorn the pages are served as they are in production (HTTP on gunicorn,
config/deploy/gunicorn.conf.py, 2 sync workers; Daphne only carries the sockets there).

    make bench-moderation     # or: .venv/bin/python bench/moderation.py [--gunicorn]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import common
from common import WRK, benchmark_site, python

from tests.live import DaphneServer, Service, free_port

SEED = """
import django, json; django.setup()
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from bench.sessions import signed_in
from django.db import transaction
from django.utils import timezone
from forum.models import Board, Flag, ModerationAction, Moderator, Post, Profile

User = get_user_model()
moderator, created = User.objects.get_or_create(username="bench-moderator")
if created:
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    Profile.objects.create(user=moderator, display_name="Bench moderator",
                           verification=Profile.Verification.VERIFIED)
area_moderator, created = User.objects.get_or_create(username="bench-area-moderator")
if created:
    Profile.objects.create(user=area_moderator, display_name="Bench area moderator",
                           verification=Profile.Verification.VERIFIED)
    area = Board.objects.get(slug="benchmark-board").area
    Moderator.objects.create(user=area_moderator).areas.add(area)
if not Flag.objects.exists():
    with transaction.atomic():
        posts = list(Post.objects.filter(position=1).order_by("pk")[:1500])
        members = list(User.objects.exclude(pk=moderator.pk).order_by("pk")[:2])
        Flag.objects.bulk_create(
            Flag(post=post, flagger=member, reason="spam")
            for post in posts[:1000] for member in members
        )
        Post.objects.filter(pk__in=[p.pk for p in posts[1000:]]).update(state="pending")
        now = timezone.now()
        ModerationAction.objects.bulk_create(
            ModerationAction(actor=moderator, kind=("hide", "lock", "warn", "pin")[n % 4],
                             post=posts[n % 1500] if n % 4 == 0 else None,
                             thread_id=posts[n % 1500].thread_id,
                             reason=f"Reason number {n}", created_at=now - timedelta(minutes=n))
            for n in range(20_000)
        )
keys = {}
for user in (moderator, area_moderator):
    keys[user.username] = signed_in(user)
print(json.dumps(keys))
"""

QUERIES = """
import django, json, sys; django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
counts = {}
for name, (username, path) in json.loads(sys.argv[1]).items():
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=username))
    counts[name] = []
    for _ in ("cold", "warm"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[name].append(len(queries))
print(json.dumps(counts))
"""

SITE, AREA = "bench-moderator", "bench-area-moderator"
PAGES = {  # name: (who reads it, the page)
    "review queue": (SITE, "/en/moderation/"),
    "review queue, language es": (SITE, "/en/moderation/?language=es"),
    "queue fragment (live)": (SITE, "/en/moderation/?fragment=1"),
    "log, page 1": (SITE, "/en/moderation/log/"),
    "log, action=lock, page 5": (SITE, "/en/moderation/log/?kind=lock&page=5"),
    "review queue, area moderator": (AREA, "/en/moderation/"),
    "log, page 1, area moderator": (AREA, "/en/moderation/log/"),
}


def gunicorn(env: dict[str, str]) -> Service:
    """The HTTP side as deployed: gunicorn with config/deploy/gunicorn.conf.py, 2 workers."""
    port = free_port()
    env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2")
    config = str(common.ROOT / "config" / "deploy" / "gunicorn.conf.py")
    program = str(Path(sys.executable).with_name("gunicorn"))
    return Service("gunicorn", [program, "-c", config], env, port).start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gunicorn", action="store_true", help="serve with gunicorn (production)")
    served_by_gunicorn = parser.parse_args().gunicorn
    env = benchmark_site()
    sessions = json.loads(python(SEED, env=env))
    queries = json.loads(python(QUERIES, json.dumps(PAGES), env=env))
    results: dict[str, list[dict]] = {}
    server = gunicorn(env) if served_by_gunicorn else DaphneServer(env).start()
    try:
        print(f"{'page':<30} {'run':>3} {'req/s':>9} {'p50':>9} {'p99':>9} {'SQL':>7}")
        for name, (username, path) in PAGES.items():
            cookie = f"Cookie: sessionid={sessions[username]}"
            # The first render (rows not yet cached) stays out of the figures. server.url is
            # http://127.0.0.1:<port>, never a file: or other scheme.
            warm = urllib.request.Request(  # noqa: S310
                server.url + path, headers={"Cookie": f"sessionid={sessions[username]}"}
            )
            for _worker in range(4):  # each of gunicorn's workers keeps its own cache
                urllib.request.urlopen(warm, timeout=60).read()  # noqa: S310
            for run in (1, 2):
                out = subprocess.run(
                    [*WRK, "-H", cookie, server.url + path],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=True,
                ).stdout
                r = common.parse_wrk(out)
                results.setdefault(name, []).append({**r, "queries": queries[name]})
                print(
                    f"{name:<30} {run:>3} {r['rps']:>9} {r['p50']:>9} {r['p99']:>9} "
                    f"{'/'.join(map(str, queries[name])):>7}  non-2xx: {r['non2xx']}",
                    flush=True,
                )
    finally:
        server.stop()
    common.RESULTS.mkdir(exist_ok=True)
    name = "moderation-gunicorn.json" if served_by_gunicorn else "moderation.json"
    (common.RESULTS / name).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
