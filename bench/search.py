"""Search benchmark: 100,000 posts in eight languages in PostgreSQL, `search_reindex` throughput,
then p50/p95 latency of ten representative queries through the search interface.

    make bench-search          # creates the database forum_search_bench on 127.0.0.1 if needed

Data: 10 boards in 5 program areas (public, members-only and group boards), 4,000 threads of 25
posts (100,000 posts), 200 verified members; each thread in one language, bodies of 40-70 words
from that language's vocabulary of legal terms, generated from a fixed seed. Seeded with bulk
inserts once; later runs reuse it. Queries run as a verified member (the permission filter in
play), 30 times each after one warm-up, in-process (no HTTP), on loopback PostgreSQL.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/forum_search_bench")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402

from forum.models import Board, Post, Profile, ProgramArea, SearchEntry, Thread  # noqa: E402
from forum.search.engines.base import Filters  # noqa: E402
from forum.search.service import search  # noqa: E402

SEED = 7
THREADS, POSTS_PER_THREAD, MEMBERS = 4_000, 25, 200
START = datetime(2024, 1, 1, tzinfo=UTC)
RUNS = 30
VOCABULARY = {
    "en": "prosecutor charge evidence witness victim court hearing motion trial appeal sentence "
    "diversion program statute jurisdiction counsel defense plea review policy juvenile "
    "custody interview forensic child abuse neglect trafficking restitution probation "
    "detention family violence protection order testimony judge jury verdict bail warrant",
    "es": "fiscal acusación prueba testigo víctima tribunal audiencia moción juicio apelación "
    "condena programa estatuto jurisdicción defensa revisión política menores custodia "
    "entrevista forense niños abuso negligencia trata restitución libertad detención "
    "familia violencia protección orden testimonio juez jurado veredicto fianza",
    "fr": "procureur accusation preuve témoin victime tribunal audience requête procès appel "
    "peine programme compétence défense révision politique mineurs garde entretien "
    "enfants maltraitance négligence traite restitution probation détention famille "
    "violence protection ordonnance témoignage juge jury verdict caution mandat",
    "pt": "promotor acusação prova testemunha vítima tribunal audiência moção julgamento "
    "recurso pena programa estatuto jurisdição defesa revisão política menores guarda "
    "entrevista forense crianças abuso negligência tráfico restituição detenção família "
    "violência proteção ordem depoimento juiz júri veredicto fiança mandado",
    "ru": "прокурор обвинение доказательство свидетель потерпевший суд слушание ходатайство "
    "процесс апелляция приговор программа закон юрисдикция защита проверка политика "
    "несовершеннолетние опека допрос экспертиза дети насилие торговля возмещение "
    "задержание семья защита приказ показания судья присяжные вердикт залог ордер",
    "de": "staatsanwalt anklage beweis zeuge opfer gericht anhörung antrag prozess berufung "
    "urteil programm gesetz zuständigkeit verteidigung prüfung politik jugendliche "
    "sorgerecht vernehmung gutachten kinder missbrauch vernachlässigung menschenhandel "
    "haft familie gewalt schutz anordnung aussage richter geschworene kaution haftbefehl",
    "ar": "المدعي الاتهام الدليل الشاهد الضحية المحكمة الجلسة الطلب المحاكمة الاستئناف "
    "الحكم البرنامج القانون الاختصاص الدفاع المراجعة السياسة الأحداث الحضانة المقابلة "
    "الأطفال الإساءة الإهمال الاتجار التعويض الاحتجاز الأسرة العنف الحماية الأمر الشهادة "
    "القاضي الكفالة",
    "zh-hans": "检察官 起诉 证据 证人 被害人 法院 听证 动议 审判 上诉 判决 项目 法规 管辖 辩护 "
    "审查 政策 未成年人 监护 询问 法医 儿童 虐待 忽视 贩运 赔偿 缓刑 拘留 家庭 暴力 保护 "
    "命令 证词 法官 陪审团 裁决 保释 逮捕令",
}
LANGUAGES = list(VOCABULARY)
QUERIES = [  # (label, query, filters)
    ("en one word", "diversion", {}),
    ("en two words", "child abuse", {}),
    ("en phrase", '"protection order"', {}),
    ("en exclusion", "juvenile -custody", {}),
    ("es", "víctimas audiencia", {}),
    ("fr", "enfants maltraitance", {}),
    ("ru", "прокурор доказательство", {}),
    ("zh", "儿童保护", {}),
    ("de + language filter", "Missbrauch Kinder", {"language": "de"}),
    ("en + area + kind", "evidence witness", {"area": 1, "kind": "thread"}),
]


def seed() -> None:
    if Post.objects.count() >= THREADS * POSTS_PER_THREAD:
        print(f"data set present: {Post.objects.count():,} posts")
        return
    rng = random.Random(SEED)
    started = time.perf_counter()
    with transaction.atomic():
        User = get_user_model()
        password = make_password("bench-password")
        users = User.objects.bulk_create(
            [User(username=f"searcher{n:03}", password=password) for n in range(MEMBERS)]
        )
        Profile.objects.bulk_create(
            [
                Profile(user=user, display_name=user.username, verification="verified")
                for user in users
            ]
        )
        areas = [
            ProgramArea.objects.create(slug=f"bench-area-{n}", name=f"Area {n}", position=n)
            for n in range(5)
        ]
        visibility = ["public", "public", "members", "public", "groups"]
        boards = [
            Board.objects.create(
                area=areas[n % 5],
                slug=f"bench-{n}",
                name=f"Board {n}",
                visibility=visibility[n % 5],
            )
            for n in range(10)
        ]
        words = {code: text.split() for code, text in VOCABULARY.items()}
        threads, posts = [], []
        for t in range(THREADS):
            language = LANGUAGES[t % len(LANGUAGES)]
            at = START + timedelta(minutes=t)
            author = users[(t * 7) % MEMBERS]
            title = " ".join(rng.choices(words[language], k=5)).capitalize()
            threads.append(
                Thread(
                    board=boards[t % 10],
                    title=title,
                    author=author,
                    language=language,
                    created_at=at,
                    last_post_at=at,
                    last_poster=author,
                    post_count=POSTS_PER_THREAD,
                    reply_count=POSTS_PER_THREAD - 1,
                )
            )
        Thread.objects.bulk_create(threads, batch_size=1000)
        for t, thread in enumerate(threads):
            for p in range(POSTS_PER_THREAD):
                sep = "" if thread.language == "zh-hans" and rng.random() < 0.5 else " "
                body = sep.join(rng.choices(words[thread.language], k=rng.randint(40, 70)))
                posts.append(
                    Post(
                        thread=thread,
                        author=users[(t * 7 + p * 13) % MEMBERS],
                        position=p + 1,
                        body_source=body,
                        body_html=f"<p>{body}</p>",
                        language=thread.language,
                        created_at=thread.created_at + timedelta(seconds=30 * p),
                    )
                )
            if len(posts) >= 10_000:
                Post.objects.bulk_create(posts, batch_size=2000)
                posts = []
        Post.objects.bulk_create(posts, batch_size=2000)
    print(f"seeded {Post.objects.count():,} posts in {time.perf_counter() - started:.1f} s")


def reindex() -> None:
    started = time.perf_counter()
    call_command("search_reindex", no_progress=True)
    seconds = time.perf_counter() - started
    count = SearchEntry.objects.count()
    print(f"search_reindex: {count:,} entries in {seconds:.1f} s = {count / seconds:,.0f} docs/s")


def measure() -> None:
    member = get_user_model().objects.get(username="searcher001")
    area_id = ProgramArea.objects.get(slug="bench-area-1").pk
    every = []
    print(f"{'query':<24} {'hits':>7} {'p50 ms':>7} {'p95 ms':>7} {'queries':>7}")
    for label, text, raw in QUERIES:
        filters = Filters(
            language=raw.get("language"),
            kind=raw.get("kind"),
            area_id=area_id if "area" in raw else None,
        )
        search(text, member, filters)  # warm-up
        timings = []
        for _ in range(RUNS):
            reset_queries()
            started = time.perf_counter()
            results = search(text, member, filters)
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(connection.queries)
        every.extend(timings)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{label:<24} {results.total:>7,} {statistics.median(timings):>7.1f} "
            f"{p95:>7.1f} {queries:>7}"
        )
    every.sort()
    print(
        f"{'all ten':<24} {'':>7} {statistics.median(every):>7.1f} "
        f"{every[int(len(every) * 0.95) - 1]:>7.1f}"
    )


if __name__ == "__main__":
    if connection.vendor != "postgresql":
        sys.exit("bench/search.py measures PostgreSQL: set DATABASE_URL to a PostgreSQL database")
    from django.conf import settings

    settings.DEBUG = True  # count queries
    call_command("migrate", verbosity=0)
    seed()
    reindex()
    measure()
