"""Side by side with django-machina (issue 21): the same data, server, load and machine, one run.

Sets up django-machina 1.3.1 with the peer harness (`RUNS=0 shared/bench/peers/machina.sh`:
venv, host project, data set forum-bench-v1, seeded once) and this site with the same data set
(bench/common.benchmark_site, bench/seed_forum.py), serves both with gunicorn, 2 sync workers,
on 127.0.0.1, DEBUG off, and runs `wrk -t2 -c16 -d10s --latency` against each page, the pages
and readers interleaved, PASSES times:

- pages: board page 1, the big thread's first and last page, the bare-view ceiling (machina's
  /bare/ renders a small template; ours is bench.urls' /bench/ceiling, through the site's whole
  middleware stack, which reads a member's session, user and profile: checked before the run);
- readers: machina's anonymous reader (with its session cookie, as a browser keeps it), our
  visitor (no cookie), our signed-in member (user000's session, made by Django's session store,
  plus the CSRF cookie when a page sets one); with --nginx also our visitor and member through
  the production shape (config/deploy/nginx.py in front of our gunicorn).

Prints req/s per pass and the median, p50, p99, and the ratios the issue targets; writes JSON to
bench/results/. SQLite by default; `--db postgres` (or PEERS_DB=postgres) uses machina's
PostgreSQL database and ours from DATABASE_URL. About 5 minutes (plus the first set-up); every
server is stopped on exit.

    make bench-peers      # or: .venv/bin/python bench/peers.py [--nginx] [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
import requests
from common import RESULTS, ROOT, benchmark_site, parse_wrk, python

from tests.live import Service, free_port, nginx

PEERS = Path(os.environ.get("PEERS_DIR") or ROOT.parent / "shared" / "bench" / "peers")
# Where machina.sh puts its venv and host project (a fixed path of the harness's own).
MACHINA = Path("/tmp/peer-machina")  # noqa: S108
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WORKERS = "2"

# Run in our site's environment: the member's session, the big thread, the page sizes, and the
# SQL each page costs each reader (first request, then the next), in-process.
SETUP = """
import json, django; django.setup()
from django.conf import settings
from bench.sessions import signed_in
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from forum.limits import POSTS_PER_PAGE, THREADS_PER_PAGE
from forum.models import Thread
member = get_user_model().objects.get(username="user000", profile__verification="verified")
session_key = signed_in(member)
big = Thread.objects.filter(board__slug="benchmark-board").order_by("-post_count")[0]
last = -(-big.post_count // POSTS_PER_PAGE)
pages = {"board": "/en/b/benchmark/benchmark-board/", "first": f"/en/t/{big.pk}/",
         "last": f"/en/t/{big.pk}/?page={last}", "bare": "/bench/ceiling"}
queries = {}
for reader in ("visitor", "member"):
    client = Client(HTTP_HOST="127.0.0.1")
    if reader == "member":
        client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    for name, path in pages.items():
        counts, sql = [], ""
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            assert response.status_code == 200, (reader, path, response.status_code)
            counts.append(len(captured))
            sql += " ".join(q["sql"] for q in captured.captured_queries)
        queries[f"{reader} {name}"] = counts
        if reader == "member" and name == "bare":
            # The ceiling goes through the whole middleware stack as the member: the session and
            # the user are read, as on every member's page.
            assert "django_session" in sql and "auth_user" in sql, sql
print(json.dumps({
    "session": session_key, "session_cookie": settings.SESSION_COOKIE_NAME,
    "csrf_cookie": settings.CSRF_COOKIE_NAME, "pages": pages, "db": connection.vendor,
    "per_page": {"threads": THREADS_PER_PAGE, "posts": POSTS_PER_PAGE},
    "cache": settings.CACHES["default"]["BACKEND"], "queries": queries,
    "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE", 0),
}))
"""

PAGES = ("board", "first", "last", "bare")
PAGE_NAMES = {
    "board": "board page 1",
    "first": "big thread, first page",
    "last": "big thread, last page",
    "bare": "bare view (ceiling)",
}
MACHINA_PAGES = {  # machina_tool.py's names
    "board": "board_page1",
    "first": "bigthread_page1",
    "last": "bigthread_last",
    "bare": "bare_view",
}


def set_up_machina(db: str) -> dict[str, str]:
    """machina.sh with RUNS=0 (venv, host project, migrate, seed, reset): its pages' paths."""
    script = PEERS / "machina.sh"
    if not script.is_file():
        sys.exit(f"bench/peers.py: {script} is missing; set PEERS_DIR to the peer harness.")
    env = dict(os.environ, RUNS="0", DBS=db)
    log = RESULTS / f"peers-machina-setup-{db}.log"
    with log.open("w") as out:
        done = subprocess.run(["bash", str(script)], env=env, stdout=out, stderr=out, timeout=1500)
    if done.returncode:
        sys.exit(f"machina.sh failed ({done.returncode}); see {log}")
    urls = subprocess.run(
        [str(MACHINA / "venv/bin/python"), str(PEERS / "machina_tool.py"), "urls"],
        cwd=MACHINA / "site",
        env=machina_env(db),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return dict(line.split(maxsplit=1) for line in urls.splitlines() if line.strip())


def machina_env(db: str) -> dict[str, str]:
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="benchsite.settings",
        PYTHONPATH=f"{MACHINA / 'site'}:{PEERS}",
        BENCH_DB=db,
    )


def machina_server(db: str) -> Service:
    port = free_port()
    args = [str(MACHINA / "venv/bin/gunicorn"), "benchsite.wsgi:application"]
    args += ["--chdir", str(MACHINA / "site"), "--workers", WORKERS, "--worker-class", "sync"]
    args += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    return Service("machina gunicorn", args, machina_env(db), port)


def our_server(env: dict[str, str]) -> Service:
    """gunicorn as deployed (config/deploy/gunicorn.conf.py), with 2 workers like machina's."""
    port = free_port()
    env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY=WORKERS)
    config = str(ROOT / "config" / "deploy" / "gunicorn.conf.py")
    return Service("gunicorn", [GUNICORN, "-c", config], env, port)


def get(url: str, cookie: str) -> requests.Response:
    headers = {"Cookie": cookie} if cookie else {}
    status = "no answer"
    for _ in range(30):  # the first requests wait for the workers to boot
        try:
            response = requests.get(url, headers=headers, allow_redirects=False, timeout=30)
        except requests.ConnectionError:
            time.sleep(0.5)
            continue
        if response.status_code == 200:
            return response
        status = str(response.status_code)
        time.sleep(0.2)
    raise SystemExit(f"{url}: {status}, not 200")


def check(url: str, cookie: str, member: bool | None) -> None:
    """The page answers 200 itself (wrk counts a redirect as a success), is the reader's (a
    member's page has the sign-out form, a visitor's not), and is warm in every worker."""
    response = get(url, cookie)
    if member is not None:
        assert ("data-sign-out" in response.text) == member, url
    for _ in range(10):
        get(url, cookie)


def wrk(url: str, cookie: str, seconds: int) -> dict:
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    result: dict = parse_wrk(out)
    errors = [line.strip() for line in out.splitlines() if "Socket errors" in line]
    result["socket_errors"] = errors[0].split(":", 1)[1].strip() if errors else ""
    return result


def ms(value: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * factor
    raise ValueError(value)


def summary(runs: list[dict]) -> dict:
    return {
        "rps": [float(r["rps"]) for r in runs],
        "median_rps": statistics.median(float(r["rps"]) for r in runs),
        "p50_ms": statistics.median(ms(r["p50"]) for r in runs),
        "p99_ms": statistics.median(ms(r["p99"]) for r in runs),
        "non2xx": sum(int(r["non2xx"]) for r in runs),
        "socket_errors": [r["socket_errors"] for r in runs if r["socket_errors"]],
    }


def code_version() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "forum", "cms", "config", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    changed = [line[3:] for line in changed if line.strip()]
    return head + (f" + uncommitted changes to {', '.join(changed)}" if changed else "")


def ratios(table: dict[str, dict[str, dict]]) -> list[tuple[str, float, float]]:
    """(what, value, target): the issue's targets, on median req/s (a page that answered
    nothing in time counts as 0.1 req/s rather than dividing by zero)."""
    rps = {
        key: {page: max(s["median_rps"], 0.1) for page, s in row.items()}
        for key, row in table.items()
    }
    machina, visitor, member = rps["machina"], rps["visitor"], rps["member"]
    rows = [(f"member ÷ machina, {PAGE_NAMES[p]}", member[p] / machina[p], 5.0) for p in PAGES[:3]]
    rows.append(
        ("member thread first page ÷ member bare view", member["first"] / member["bare"], 0.4)
    )
    rows += [
        (f"visitor ÷ machina, {PAGE_NAMES[p]}", visitor[p] / machina[p], 10.0) for p in PAGES[:3]
    ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", choices=("sqlite", "postgres"), default=os.environ.get("PEERS_DB", "sqlite")
    )
    parser.add_argument("--seconds", type=int, default=10, help="wrk's run per page and reader")
    parser.add_argument("--passes", type=int, default=2, help="interleaved passes")
    parser.add_argument("--nginx", action="store_true", help="also ours through nginx → gunicorn")
    options = parser.parse_args()
    if options.db == "postgres" and not os.environ.get("DATABASE_URL"):
        sys.exit("--db postgres: set DATABASE_URL to our site's PostgreSQL database")
    # SIGTERM (make's timeout) unwinds through the finally blocks that stop the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    RESULTS.mkdir(exist_ok=True)

    machina_paths = set_up_machina(options.db)
    env = benchmark_site()
    site = json.loads(python(SETUP, env=env).strip().splitlines()[-1])
    version = code_version()
    services: list[Service] = []
    directory = tempfile.TemporaryDirectory(prefix="bench-peers-nginx-")
    try:
        services.append(machina_server(options.db).start())
        services.append(our_server(env).start())
        peer, ours = services[0].url, services[1].url
        sid = get(f"{peer}/forum/", "").cookies.get("sessionid")
        assert sid, "machina set no session cookie"
        member_cookie = f"{site['session_cookie']}={site['session']}"
        csrf = get(ours + site["pages"]["first"], member_cookie).cookies.get(site["csrf_cookie"])
        if csrf:  # a browser sends back the CSRF cookie a page with a form set
            member_cookie += f"; {site['csrf_cookie']}={csrf}"
        print(f"member's cookies: {', '.join(c.split('=')[0] for c in member_cookie.split('; '))}")
        readers = {  # key: (label, base URL, paths, cookie, is the page a member's?)
            "machina": (
                "machina, anonymous",
                peer,
                {p: machina_paths[MACHINA_PAGES[p]] for p in PAGES},
                f"sessionid={sid}",
                None,
            ),
            "visitor": ("ours, visitor", ours, site["pages"], "", False),
            "member": ("ours, member", ours, site["pages"], member_cookie, True),
        }
        if options.nginx:
            services.append(
                nginx(Path(directory.name), web=[f"127.0.0.1:{services[1].port}"]).start()
            )
            front = services[2].url
            readers["nginx visitor"] = ("ours via nginx, visitor", front, site["pages"], "", False)
            readers["nginx member"] = (
                "ours via nginx, member",
                front,
                site["pages"],
                member_cookie,
                True,
            )
        for _label, base, paths, cookie, member in readers.values():
            for page in PAGES:
                check(base + paths[page], cookie, None if page == "bare" else member)

        print(
            f"commit {version}; database {site['db']} (ours CONN_MAX_AGE "
            f"{site['conn_max_age']}), cache {site['cache']}; {os.cpu_count()} cores, "
            f"load {os.getloadavg()[0]:.2f}; gunicorn {WORKERS} sync workers; "
            f"wrk -t2 -c16 -d{options.seconds}s, {options.passes} interleaved passes"
        )
        print(
            f"page sizes: machina 20 threads / 15 posts; ours {site['per_page']['threads']} "
            f"threads / {site['per_page']['posts']} posts"
        )
        print(f"SQL per page, ours (first request/next): {site['queries']}", flush=True)
        runs: dict[str, dict[str, list[dict]]] = {key: {p: [] for p in PAGES} for key in readers}
        for run in range(options.passes):
            for page in PAGES:
                for key, (label, base, paths, cookie, _member) in readers.items():
                    r = wrk(base + paths[page], cookie, options.seconds)
                    runs[key][page].append(r)
                    print(
                        f"pass {run + 1}  {PAGE_NAMES[page]:<24} {label:<26} {r['rps']:>9} req/s  "
                        f"p50 {r['p50']:>8}  p99 {r['p99']:>8}  non-2xx {r['non2xx']}",
                        flush=True,
                    )
    finally:
        for service in reversed(services):
            service.stop()
        directory.cleanup()

    table = {key: {p: summary(runs[key][p]) for p in PAGES} for key in readers}
    print(
        f"\n{'page':<24} {'reader':<26} {'req/s by pass':<20} {'median':>8} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}"
    )
    for page in PAGES:
        for key, (label, *_rest) in readers.items():
            s = table[key][page]
            passes = " · ".join(f"{v:.0f}" for v in s["rps"])
            print(
                f"{PAGE_NAMES[page]:<24} {label:<26} {passes:<20} {s['median_rps']:>8.0f} "
                f"{s['p50_ms']:>8.1f} {s['p99_ms']:>8.1f} {s['non2xx']:>8}"
            )
    print(f"\n{'ratio (median req/s)':<52} {'value':>7} {'target':>7}")
    for what, value, target in ratios(table):
        mark = "met" if value >= target else "NOT met"
        print(f"{what:<52} {value:>7.2f} {'≥ ' + format(target, 'g'):>7}  {mark}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"peers-{options.db}-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "commit": version,
                "date": stamp,
                "machine": platform.platform(),
                "cores": os.cpu_count(),
                "database": site["db"],
                "seconds": options.seconds,
                "passes": options.passes,
                "ours": {k: site[k] for k in ("pages", "per_page", "cache", "queries")},
                "machina_paths": machina_paths,
                "readers": {k: v[0] for k, v in readers.items()},
                "results": table,
                "raw": runs,
                "ratios": [{"what": w, "value": v, "target": t} for w, v, t in ratios(table)],
            },
            indent=2,
        )
    )
    print(f"\nJSON: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
