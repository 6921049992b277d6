"""Where a signed-in member's page spends its time, in-process (issue 21).

Seeds (or reuses) the benchmarks' forum (bench/common.benchmark_site: forum-bench-v1), signs in
user000 with a real session, warms each page, then times ``REQUESTS`` requests of each through
Django's test client (the whole middleware stack, DEBUG off, no server) and prints the mean,
the queries of a warm request, and, with ``--profile``, cProfile's top functions by their own
time and by cumulative time for the big thread's first page (kept in
bench/results/member-thread.prof). Bounded: about a minute.

    .venv/bin/python bench/member_pages.py [--requests 30] [--profile]
"""

from __future__ import annotations

import argparse
import os
import sys

import common  # noqa: F401 - puts the project on sys.path
from common import benchmark_site

CODE = r"""
import cProfile, io, json, pstats, sys, time
import django
django.setup()
from django.db import connection
from django.test import Client
from bench.sessions import signed_in
from django.contrib.auth import get_user_model
from forum.models import Board, Thread

requests, profile = int(sys.argv[1]), sys.argv[2] == "1"
board = Board.objects.order_by("pk").first()
big = Thread.objects.order_by("-post_count").first()
last = (big.post_count - 1) // 20 + 1
# Issue 22: the forum index and the lists across boards with 50 boards more, each with a thread.
if not Board.objects.filter(slug="extra-49").exists():
    from forum.services.posting import start_thread
    author = get_user_model().objects.get(username="user000")
    for n in range(50):
        extra = Board.objects.create(area=board.area, slug=f"extra-{n}", name=f"Extra board {n}")
        start_thread(author=author, board=extra, title=f"Extra thread {n}", body="An opening post.")
# Issue 23: a question with 20 posts, each with reactions (the reader's among them), and an
# accepted answer: the thread page's cost beside the big thread's.
question = Thread.objects.filter(title="Bench question with reactions").first()
if question is None:
    from forum.services.answers import accept_answer
    from forum.services.posting import post_reply, start_thread
    from forum.services.reactions import toggle_reaction
    people = list(get_user_model().objects.filter(username__startswith="user")
                  .order_by("username")[:8])
    # On a board of its own: the seeded board must hold the data set alone (bench/seed_forum.py
    # refuses to reuse a board holding anything else).
    questions, _new = Board.objects.get_or_create(area=board.area, slug="bench-questions",
                                                  defaults={"name": "Bench questions"})
    opening = start_thread(author=people[1], board=questions,
                           title="Bench question with reactions",
                           body="Which guideline applies?", is_question=True)
    posts = [opening] + [
        post_reply(author=people[2 + n % 6], thread=opening.thread,
                   body=f"Answer {n}: see the guideline, section {n}.")
        for n in range(19)
    ]
    for post in posts:
        for reactor, kind in zip(people[:4], ("helpful", "thanks", "agree", "helpful")):
            if reactor.pk != post.author_id:
                toggle_reaction(user=reactor, post=post, kind=kind)
    accept_answer(actor=people[1], post=posts[4])
    question = opening.thread
# Issue 23: five of its posts carry a PDF and a picture each (thumbnails, links).
if not question.posts.filter(attachment_count__gt=0).exists():
    from io import BytesIO
    from PIL import Image
    from django.core.files.base import ContentFile
    from forum.attachments import Checked
    from forum.services import attachments
    from forum.services.stamps import stamp
    picture = BytesIO()
    Image.new("RGB", (64, 48), "#3366aa").save(picture, format="PNG")
    for post in question.posts.order_by("position")[:5]:
        files = [
            Checked(kind="pdf", name="guideline.pdf", content_type="application/pdf",
                    content=ContentFile(b"%PDF-1.4 bench")),
            Checked(kind="image", name="chart.png", content_type="image/png",
                    content=ContentFile(picture.getvalue()),
                    thumbnail=ContentFile(picture.getvalue()), width=64, height=48),
        ]
        kept = attachments.keep(post.author, files)
        attachments.attach(uploader=post.author, ids=[a.pk for a in kept], post=post)
    Thread.objects.filter(pk=question.pk).update(changed_at=stamp())
# What the worker does every six hours on the embedded default (forum/worker/schedule.py).
from forum.tasks import analyze_database
analyze_database.call()
pages = {
    "bare view (full middleware)": "/bench/ceiling",
    "board page 1": f"/en/b/{board.area.slug}/{board.slug}/",
    "big thread, page 1": f"/en/t/{big.pk}/",
    f"big thread, page {last}": f"/en/t/{big.pk}/?page={last}",
    "question, reactions, answer, files": f"/en/t/{question.pk}/",
    "forum index (+50 boards)": "/en/forum/",
    "latest": "/en/latest/",
    "new (members)": "/en/new/",
    "unread (members)": "/en/unread/",
}
member = Client(HTTP_HOST="127.0.0.1")
member.cookies["sessionid"] = signed_in(get_user_model().objects.get(username="user000"))
visitor = Client(HTTP_HOST="127.0.0.1")
rows = []
for name, url in pages.items():
    for client in (member, visitor):
        expected = 302 if client is visitor and "members" in name else 200
        assert client.get(url).status_code == expected, url
    queries = []
    def counted(execute, sql, *rest):
        queries.append(sql)
        return execute(sql, *rest)
    with connection.execute_wrapper(counted):
        member.get(url)
    timings = {}
    for reader, client in (("member", member), ("visitor", visitor)):
        started = time.perf_counter()
        for _ in range(requests):
            client.get(url)
        timings[reader] = (time.perf_counter() - started) / requests * 1000
    rows.append((name, timings["member"], timings["visitor"], len(queries)))
    if "-v" in sys.argv:
        print(name, *(f"  {sql[:150]}" for sql in queries), sep="\n")
print(f"{'page':32} {'member ms':>10} {'visitor ms':>11} {'queries':>8}")
for name, member_ms, visitor_ms, count in rows:
    shown = "(sign-in)" if "members" in name else f"{visitor_ms:.1f}"
    print(f"{name:32} {member_ms:10.1f} {shown:>11} {count:8}")
bare, thread = rows[0][1], rows[2][1]
print(f"member thread page / member bare view (rate): {bare / thread:.2f}")
if profile:
    url = pages["big thread, page 1"]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        member.get(url)
    profiler.disable()
    profiler.dump_stats("bench/results/member-thread.prof")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(35)
        print(out.getvalue())
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true", help="Print each page's SQL.")
    args = parser.parse_args()
    env = benchmark_site()
    # Only the snippet runs in the site's environment (its settings, its database).
    os.execve(  # noqa: S606
        sys.executable,
        [
            sys.executable,
            "-c",
            CODE,
            str(args.requests),
            "1" if args.profile else "0",
            *(["-v"] if args.verbose else []),
        ],
        env,
    )


if __name__ == "__main__":
    main()
