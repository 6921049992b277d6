"""The digest run for 10,000 members (issue 22): time and SQL queries per member, bounded.

Seeds (once) 10,000 verified members with a daily digest on the benchmarks' forum
(bench/common.benchmark_site: forum-bench-v1), each watching the big board and some tracking a
thread, with time zones spread round the world, and a day's activity in the threads; then runs
forum.digests.send_digests with no digest sent yet, so every member is due (the e-mails go to
Django's in-memory backend) and prints the members looked at, the e-mails sent, the seconds, and
the queries per member. Bounded: about two minutes.

    .venv/bin/python bench/digests.py [--members 10000]
"""

from __future__ import annotations

import argparse
import os
import sys

import common  # noqa: F401 - puts the project on sys.path
from common import benchmark_site

CODE = r"""
import sys, time
from datetime import timedelta
import django
django.setup()
from django.conf import settings
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone
from forum.digests import send_digests
from forum.models import Board, Profile, Subscription, Thread

wanted = int(sys.argv[1])
User = get_user_model()
ZONES = ["UTC", "America/Santiago", "Europe/Madrid", "Asia/Tokyo", "Africa/Nairobi", "Asia/Kolkata"]
board = Board.objects.order_by("pk").first()
have = User.objects.filter(username__startswith="digest").count()
if have < wanted:
    with transaction.atomic():
        users = User.objects.bulk_create(
            [User(username=f"digest{n:05}", email=f"digest{n:05}@example.org")
             for n in range(have, wanted)]
        )
        Profile.objects.bulk_create(
            [Profile(user=user, display_name=user.username, verification="verified",
                     digest="daily", time_zone=ZONES[n % len(ZONES)])
             for n, user in enumerate(users)]
        )
        threads = list(Thread.objects.filter(board=board).order_by("-post_count")[:50])
        rows = [Subscription(user=user, board=board, level=3) for user in users]
        rows += [Subscription(user=user, thread=threads[n % len(threads)], level=2)
                 for n, user in enumerate(users)]
        Subscription.objects.bulk_create(rows)
now = timezone.now()
# A day's activity: the newest 300 posts of the board, and their threads, dated an hour ago.
from forum.models import Post
recent = list(
    Post.objects.filter(thread__board=board).order_by("-pk").values_list("pk", flat=True)[:300]
)
Post.objects.filter(pk__in=recent).update(created_at=now - timedelta(hours=1))
Thread.objects.filter(posts__pk__in=recent).update(last_post_at=now - timedelta(hours=1))
Profile.objects.filter(user__username__startswith="digest").update(digest_sent_at=None)
queries = [0]
def counted(execute, sql, *rest):
    queries[0] += 1
    return execute(sql, *rest)
started = time.perf_counter()
with connection.execute_wrapper(counted):
    looked, sent = send_digests(now=now)
took = time.perf_counter() - started
print(f"members with a digest: {wanted}; looked at {looked}, e-mails sent {sent}")
print(f"{took:.1f} s in all, {took / max(looked, 1) * 1000:.1f} ms and "
      f"{queries[0] / max(looked, 1):.1f} queries per member")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    args = parser.parse_args()
    env = benchmark_site()
    os.execve(  # noqa: S606
        sys.executable, [sys.executable, "-c", CODE, str(args.members)], env
    )


if __name__ == "__main__":
    main()
