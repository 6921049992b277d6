"""The version keys that cached boards, listings and moderation scopes hang on move for every
process of a site at once (forum/caching.py): on the embedded default each process has its own
in-memory cache, so the versions live in a file cache beside the database."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.live import ROOT

ASK = """
import django; django.setup()
from forum import caching
if {bump}:
    caching.bump_listing_version()
    caching.bump_roles_version()
print(caching.listing_version(), caching.roles_version())
"""


def versions_in_a_process(database: str, *, bump: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": f"sqlite:///{database}"}
    result = subprocess.run(
        [sys.executable, "-c", ASK.format(bump=bump)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_a_version_moved_by_one_process_moves_for_the_other_processes_of_the_site(tmp_path):
    site, other_site = str(tmp_path / "site.sqlite3"), str(tmp_path / "other.sqlite3")
    first = versions_in_a_process(site)
    other = versions_in_a_process(other_site)
    assert versions_in_a_process(site) == first  # kept, not made anew by each process

    moved = versions_in_a_process(site, bump=True)  # say, the admin closing a board

    assert moved != first
    assert versions_in_a_process(site) == moved  # gunicorn's other worker, Daphne, the worker
    assert versions_in_a_process(other_site) == other  # another site's are its own
