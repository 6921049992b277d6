"""What the benchmarks share: wrk on loopback, SQL query counts, the results table."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live import DaphneServer  # noqa: E402

WRK = ["wrk", "-t2", "-c16", "-d10s", "--latency", "--timeout", "5s"]
RESULTS = ROOT / "bench" / "results"


def seed_stamp() -> str:
    """Changes with the seeder and the peers' data set generator it follows, so a SQLite file
    seeded by an older version is not reused (bench/seed_forum.py refuses foreign data)."""
    import hashlib
    import os

    peers = Path(os.environ.get("PEERS_DIR") or ROOT.parent / "shared" / "bench" / "peers")
    digest = hashlib.sha256((ROOT / "bench" / "seed_forum.py").read_bytes())
    if (peers / "dataset.py").is_file():  # when missing, the seeder says so itself
        digest.update((peers / "dataset.py").read_bytes())
    return digest.hexdigest()[:8]


def benchmark_site(**extra: str) -> dict[str, str]:
    """The benchmarks' forum (bench/seed_forum.py: 10,001 threads on one board, a big thread),
    migrated and seeded, on DATABASE_URL or a kept SQLite file; the environment to serve it."""
    import os

    from tests.live import manage, project_env

    variables = {"DJANGO_SETTINGS_MODULE": "bench.settings", "ALLOWED_HOSTS": "127.0.0.1", **extra}
    if not os.environ.get("DATABASE_URL"):
        RESULTS.mkdir(exist_ok=True)
        variables["DATABASE_URL"] = (
            f"sqlite:///{RESULTS / f'forum-bench-v1-{seed_stamp()}.sqlite3'}"
        )
    env = project_env(**variables)
    manage("migrate", "--noinput", env=env)
    subprocess.run([sys.executable, "bench/seed_forum.py"], cwd=ROOT, env=env, check=True)
    return env


def python(code: str, *args: str, env: dict[str, str]) -> str:
    """What a snippet of Python prints, run in the site's environment."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def wrk(url: str) -> dict[str, str]:
    out = subprocess.run([*WRK, url], capture_output=True, text=True, timeout=60, check=True).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> dict[str, str]:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": errors.group(1) if errors else "0"}


def query_counts(env: dict[str, str], pages: dict[str, str]) -> dict[str, list[int]]:
    """SQL queries of each page: the first request (cold cache), then the next one."""
    code = (
        "import django, json; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "from forum.caching import bump_listing_version\n"
        "bump_listing_version()\n"
        "client, counts = Client(HTTP_HOST='127.0.0.1'), {}\n"
        f"for name, path in {pages!r}.items():\n"
        "    counts[name] = []\n"
        "    for _ in ('cold', 'warm'):\n"
        "        with CaptureQueriesContext(connection) as queries:\n"
        "            assert client.get(path).status_code == 200, path\n"
        "        counts[name].append(len(queries))\n"
        "print(json.dumps(counts))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def measure(env: dict[str, str], pages: dict[str, str]) -> dict[str, list[dict]]:
    """Serve with one Daphne process on loopback and run wrk twice against each page."""
    queries = query_counts(env, pages)
    results: dict[str, list[dict]] = {}
    server = DaphneServer(env).start()
    try:
        print(
            f"{'page':<38} {'run':>3} {'req/s':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8} "
            f"{'SQL cold/warm':>14}",
            flush=True,
        )
        for name, path in pages.items():
            for run in (1, 2):
                r = wrk(server.url + path)
                results.setdefault(name, []).append(r)
                print(
                    f"{name:<38} {run:>3} {r['rps']:>9} {r['p50']:>9} {r['p99']:>9} "
                    f"{r['non2xx']:>8} {'/'.join(map(str, queries[name])):>14}",
                    flush=True,
                )
    finally:
        server.stop()
    return results
