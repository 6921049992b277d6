"""Benchmark of the task worker (`manage.py run_worker`) on the forum-bench-v1 data set.

Three runs, one worker process, e-mail written to files (EMAIL_URL=filemail://, a backend that
really renders and writes every message):

1. e-mails: TASKS notification e-mail tasks queued while no worker runs (one message each, to
   members who asked for e-mail), then a worker started: tasks/s from its first start to its
   last finish.
2. index updates: TASKS posts changed, each in a transaction of its own (one queue row and one
   drain task each, as a write does), then a worker started: posts indexed per second and drain
   tasks per second (a drain takes every due row, so the later drains find little to do).
3. delay: the worker running idle at its default poll interval, SAMPLES tasks (half e-mails,
   half index updates) enqueued on commit at random moments 0.1-0.6 s apart: the delay from the
   commit to the task starting, p50 and p99 (DBTaskResult.enqueued_at to started_at).

SQLite (bench/results/forum-bench-v1.sqlite3) unless DATABASE_URL is set; the rows it adds are
deleted at the end. Bounded: about a minute, plus the first seeding.

    make bench-worker     # or: .venv/bin/python bench/worker.py [--tasks 300] [--samples 60]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
from common import benchmark_site

from tests.live import Service

RECIPIENTS = [f"user{n:03d}" for n in range(190, 200)]
TIMEOUT = 120  # seconds any one run may take


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]


def prepare():
    """Members who want e-mail, a notification each about the big thread's first post, and
    the posts whose index entries the runs update."""
    from django.contrib.auth import get_user_model

    from forum.models import Notification, Post, Profile, Thread

    big = Thread.objects.filter(board__slug="benchmark-board").order_by("-post_count")[0]
    post = Post.objects.filter(thread=big).order_by("pk").first()
    users = list(get_user_model().objects.filter(username__in=RECIPIENTS))
    Profile.objects.filter(user__in=users).update(email_notifications=True)
    for user in users:
        Notification.objects.get_or_create(
            recipient=user, post=post, thread=big, actor=post.author, kind="reply"
        )
    posts = list(Post.objects.exclude(thread=big).order_by("pk").values_list("pk", flat=True))
    return post.pk, [user.pk for user in users], posts


def enqueue_mail(post: int, recipient: int) -> None:
    from django.db import transaction

    from forum.tasks import send_notification_emails

    with transaction.atomic():
        transaction.on_commit(
            lambda: send_notification_emails.enqueue(post, [recipient], "http://127.0.0.1")
        )


def change_post(post: int) -> None:
    from django.db import transaction

    from forum.search.documents import POST
    from forum.search.queue import schedule

    with transaction.atomic():
        schedule(POST, [post])


def rows(since: datetime, *names: str):
    """The task rows of these tasks (forum.tasks) enqueued since then."""
    from django_tasks_db.models import DBTaskResult

    paths = [f"forum.tasks.{name}" for name in names]
    return DBTaskResult.objects.filter(enqueued_at__gte=since, task_path__in=paths)


def wait_until(done, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what}: not done within {TIMEOUT} s")
        time.sleep(0.1)


def span(queryset) -> float:
    from django.db.models import Max, Min

    times = queryset.aggregate(first=Min("started_at"), last=Max("finished_at"))
    return (times["last"] - times["first"]).total_seconds()


def finished(queryset, count: int) -> bool:
    return queryset.filter(finished_at__isnull=False).count() >= count


def worker(env: dict[str, str]) -> Service:
    return Service("worker", [sys.executable, "manage.py", "run_worker"], env).start()


def run(env: dict[str, str], mail: Path, tasks: int, samples: int) -> None:
    from django.utils import timezone

    from forum.models import SearchQueueItem

    post, recipients, posts = prepare()
    started = timezone.now()

    # 1. e-mails, queued before the worker starts.
    for n in range(tasks):
        enqueue_mail(post, recipients[n % len(recipients)])
    mails = rows(started, "send_notification_emails")
    process = worker(env)
    try:
        wait_until(lambda: finished(mails, tasks), "e-mails")
    finally:
        process.terminate()
    mail_seconds = span(mails)
    # The file backend appends a connection's messages to a file named after the second.
    written = sum(path.read_text().count("\nTo: ") for path in mail.iterdir())

    # 2. index updates, each its own transaction and drain task.
    second = timezone.now()
    for pk in posts[:tasks]:
        change_post(pk)
    drains = rows(second, "drain_search_queue")
    queued = SearchQueueItem.objects.filter(queued_at__gte=second)
    process = worker(env)
    try:
        wait_until(
            lambda: finished(drains, tasks) and not queued.filter(done_at__isnull=True).exists(),
            "index updates",
        )
    finally:
        process.terminate()
    index_seconds = span(drains)

    # 3. the delay from commit to start, the worker idle between tasks.
    process = worker(env)
    time.sleep(2)  # started and polling
    third = timezone.now()
    try:
        for n in range(samples):
            time.sleep(random.uniform(0.1, 0.6))
            if n % 2:
                change_post(posts[tasks + n])
            else:
                enqueue_mail(post, recipients[n % len(recipients)])
        sampled = rows(third, "send_notification_emails", "drain_search_queue")
        wait_until(lambda: finished(sampled, samples), "delay samples")
    finally:
        process.terminate()
    delays = [(row.started_at - row.enqueued_at).total_seconds() for row in sampled]

    print(f"\nworker: one process, default poll interval, {tasks} tasks per run")
    print(
        f"  e-mails:       {tasks / mail_seconds:7.1f} tasks/s "
        f"({tasks} tasks in {mail_seconds:.2f} s, {written} messages written)"
    )
    print(
        f"  index updates: {tasks / index_seconds:7.1f} posts/s, {tasks / index_seconds:.1f} "
        f"drain tasks/s ({tasks} posts, {tasks} drains in {index_seconds:.2f} s)"
    )
    print(
        f"  commit → task started, worker idle ({len(delays)} tasks): "
        f"p50 {percentile(delays, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(delays, 0.99) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms"
    )


def cleanup(since: datetime) -> None:
    from django_tasks_db.models import DBTaskResult

    from forum.models import Notification, Profile, SearchQueueItem

    DBTaskResult.objects.filter(enqueued_at__gte=since).delete()
    SearchQueueItem.objects.filter(queued_at__gte=since).delete()
    Notification.objects.filter(recipient__username__in=RECIPIENTS, kind="reply").delete()
    Profile.objects.filter(user__username__in=RECIPIENTS).update(email_notifications=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=300, help="tasks per throughput run")
    parser.add_argument("--samples", type=int, default=60, help="tasks timed for the delay")
    options = parser.parse_args()
    mail = Path(tempfile.mkdtemp(prefix="bench-worker-mail-"))
    env = benchmark_site(EMAIL_URL=f"filemail://{mail}")
    settings_of_site = ("DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "EMAIL_URL", "DATABASE_URL")
    os.environ.update({name: env[name] for name in settings_of_site})

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    name = connection.settings_dict["NAME"]
    print(f"database: {connection.vendor} ({name}); {os.cpu_count()} cores", flush=True)
    since = timezone.now()
    try:
        run(env, mail, options.tasks, options.samples)
    finally:
        cleanup(since)
        for path in mail.iterdir():
            path.unlink()
        mail.rmdir()


if __name__ == "__main__":
    main()
