"""Benchmark of the association's pages (Wagtail, eight languages), served by Daphne on loopback.

Seeds a fresh SQLite site (or uses DATABASE_URL / REDIS_URL when set) with the demo pages,
starts one Daphne process on 127.0.0.1, and runs `wrk -t2 -c16 -d10s --latency` twice against
each page; prints requests/s, p50 and p99, and the SQL queries each page issues (twice, to show
the count is the same once the shared caches are warm). Bounded: about three minutes.

    make bench-cms        # or: .venv/bin/python bench/cms.py
"""

from __future__ import annotations

import os
import tempfile

import common  # noqa: F401 - puts the project on sys.path
from common import measure

from tests.live import manage, project_env

PAGES = {
    "home (/en/)": "/en/",
    "home (/ar/, right to left)": "/ar/",
    "program page (/en/)": "/en/programs/child-abuse-prosecution/",
    "program page (/es/)": "/es/programas/persecucion-del-abuso-infantil/",
    "program page (/pt/, English fallback)": "/pt/programs/child-abuse-prosecution/",
    "events (/fr/)": "/fr/evenements/",
    "resources (/en/, filtered)": "/en/resources/?area=prosecutor-led-diversion",
    "sitemap.xml": "/sitemap.xml",
    "forum index (/en/forum/)": "/en/forum/",
    "ceiling (bare view)": "/bench/ceiling",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        variables = {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "ALLOWED_HOSTS": "127.0.0.1",
            "MEDIA_ROOT": f"{tmp}/media",
        }
        if not os.environ.get("DATABASE_URL"):
            variables["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        env = project_env(**variables)
        manage("migrate", "--noinput", env=env)
        manage("seed_demo", env=env)
        measure(env, PAGES)


if __name__ == "__main__":
    main()
