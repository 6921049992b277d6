"""The audit log's cost (issue 24): appending a chained row, checking the whole chain, exporting.

On the benchmarks' forum (bench/common.benchmark_site): appends APPENDS moderation rows one at
a time through ModerationAction.save() (the lock, the chain, the insert, each in its own
transaction) and times them; then walks the whole chain as ``manage.py audit_verify`` does,
exports it as JSON Lines and checks the export with forum/auditchain.py in a bare Python.
Bounded: well under a minute. The rows appended stay in the benchmarks' database.

    make bench-audit      # or: .venv/bin/python bench/audit.py [--appends 2000]
"""

from __future__ import annotations

import argparse
import os
import sys

import common  # noqa: F401 - puts the project on sys.path
from common import benchmark_site

CODE = r"""
import statistics, subprocess, sys, tempfile, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import transaction
from forum import audit
from forum.models import ModerationAction

appends = int(sys.argv[1])
actor = get_user_model().objects.order_by("pk").first()
times = []
for n in range(appends):
    started = time.perf_counter()
    with transaction.atomic():
        ModerationAction.objects.create(actor=actor, kind="warn", reason=f"Bench warning {n}")
    times.append((time.perf_counter() - started) * 1000)
times.sort()
rows = ModerationAction.objects.count()
started = time.perf_counter()
verdict = audit.verify_database()
verify_s = time.perf_counter() - started
assert verdict.holds, verdict
started = time.perf_counter()
text, _type = audit.export(None, None, "jsonl")
export_s = time.perf_counter() - started
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as file:
    file.write(text)
started = time.perf_counter()
checked = subprocess.run([sys.executable, "-I", "forum/auditchain.py", file.name],
                         capture_output=True, text=True, check=True)
check_s = time.perf_counter() - started
print(f"append one chained row: p50 {times[len(times) // 2]:.2f} ms, "
      f"p95 {times[int(len(times) * 0.95)]:.2f} ms, mean {statistics.mean(times):.2f} ms "
      f"({appends} appends)")
print(f"verify the whole chain ({rows:,} rows): {verify_s:.2f} s, {rows / verify_s:,.0f} rows/s")
print(f"export it as JSON Lines: {export_s:.2f} s, {len(text) / 1e6:.1f} MB")
print(f"check the export in a bare Python: {check_s:.2f} s ({checked.stdout.strip()[:40]}...)")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appends", type=int, default=2000)
    args = parser.parse_args()
    env = benchmark_site()
    os.execve(sys.executable, [sys.executable, "-c", CODE, str(args.appends)], env)  # noqa: S606


if __name__ == "__main__":
    main()
