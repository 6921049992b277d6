"""Benchmark of the foundation's pages, served by Daphne on loopback.

Seeds a fresh SQLite site (or uses DATABASE_URL / REDIS_URL when set), starts one Daphne
process on 127.0.0.1, and runs `wrk -t2 -c16 -d10s --latency` twice against each page; prints
requests/s, p50 and p99, and the SQL queries each page issues. Bounded: about 90 seconds.

    make bench            # or: .venv/bin/python bench/home.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live import DaphneServer, manage, project_env  # noqa: E402

PAGES = {
    "home (/en/)": "/en/",
    "home (/es/)": "/es/",
    "healthz": "/healthz",
    "ceiling (bare view)": "/bench/ceiling",
}
WRK = ["wrk", "-t2", "-c16", "-d10s", "--latency", "--timeout", "5s"]


def wrk(url: str) -> dict[str, str]:
    out = subprocess.run([*WRK, url], capture_output=True, text=True, timeout=60, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": errors.group(1) if errors else "0"}


def query_counts(env: dict[str, str]) -> dict[str, list[int]]:
    """SQL queries of each page: the first request (cold cache), then the next one."""
    code = (
        "import django, json; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "from forum.caching import bump_listing_version\n"
        "bump_listing_version()\n"
        "client, counts = Client(HTTP_HOST='127.0.0.1'), {}\n"
        f"for name, path in {PAGES!r}.items():\n"
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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        variables = {"DJANGO_SETTINGS_MODULE": "bench.settings", "ALLOWED_HOSTS": "127.0.0.1"}
        if not os.environ.get("DATABASE_URL"):
            variables["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        env = project_env(**variables)
        env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        manage("migrate", "--noinput", env=env)
        manage("seed_demo", env=env)
        queries = query_counts(env)
        server = DaphneServer(env).start()
        try:
            print(
                f"{'page':<22} {'run':>3} {'req/s':>9} {'p50':>9} {'p99':>9} {'non-2xx':>8} "
                f"{'SQL cold/warm':>14}"
            )
            for name, path in PAGES.items():
                for run in (1, 2):
                    r = wrk(server.url + path)
                    print(
                        f"{name:<22} {run:>3} {r['rps']:>9} {r['p50']:>9} {r['p99']:>9} "
                        f"{r['non2xx']:>8} {'/'.join(map(str, queries[name])):>14}"
                    )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
