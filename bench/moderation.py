"""Benchmark of the moderators' pages on forum-bench-v1 plus a moderation load.

On top of the forum-bench-v1 data set (bench/seed_forum.py, seeded when missing) it adds,
once: a site moderator, 2,000 open flags on 1,000 posts, 500 held posts and 20,000 rows of
moderation log. It then serves the site with one Daphne process on 127.0.0.1 and measures,
signed in as the moderator (a session cookie), the review queue, the review queue filtered by
language, the list fragment the live page re-fetches, and the log's first page and a filtered
page, with `wrk -t2 -c16 -d10s`, twice each, with their SQL query counts. Bounded: about three
minutes, plus the seeding the first time.

    make bench-moderation     # or: .venv/bin/python bench/moderation.py
"""

from __future__ import annotations

import json
import subprocess

import common
from common import WRK, benchmark_site, python

from tests.live import DaphneServer

SEED = """
import django, json; django.setup()
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.utils import timezone
from forum.models import Flag, ModerationAction, Post, Profile

User = get_user_model()
moderator, created = User.objects.get_or_create(username="bench-moderator")
if created:
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    Profile.objects.create(user=moderator, display_name="Bench moderator",
                           verification=Profile.Verification.VERIFIED)
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
session = SessionStore()
session["_auth_user_id"] = str(moderator.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = moderator.get_session_auth_hash()
session.create()
print(json.dumps(session.session_key))
"""

QUERIES = """
import django, json, sys; django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.get(username="bench-moderator"))
counts = {}
for name, path in json.loads(sys.argv[1]).items():
    counts[name] = []
    for _ in ("cold", "warm"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[name].append(len(queries))
print(json.dumps(counts))
"""

PAGES = {
    "review queue": "/en/moderation/",
    "review queue, language es": "/en/moderation/?language=es",
    "queue fragment (live)": "/en/moderation/?fragment=1",
    "log, page 1": "/en/moderation/log/",
    "log, action=lock, page 5": "/en/moderation/log/?kind=lock&page=5",
}


def main() -> None:
    env = benchmark_site()
    session = json.loads(python(SEED, env=env))
    queries = json.loads(python(QUERIES, json.dumps(PAGES), env=env))
    server = DaphneServer(env).start()
    try:
        print(f"{'page':<28} {'run':>3} {'req/s':>9} {'p50':>9} {'p99':>9} {'SQL':>7}")
        for name, path in PAGES.items():
            for run in (1, 2):
                out = subprocess.run(
                    [*WRK, "-H", f"Cookie: sessionid={session}", server.url + path],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=True,
                ).stdout
                r = common.parse_wrk(out)
                print(
                    f"{name:<28} {run:>3} {r['rps']:>9} {r['p50']:>9} {r['p99']:>9} "
                    f"{'/'.join(map(str, queries[name])):>7}  non-2xx: {r['non2xx']}",
                    flush=True,
                )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
