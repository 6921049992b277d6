"""Daphne under cProfile, switched on and off by signals: ``bench/fanout.py --profile DIR``.

SIGUSR1 starts profiling, SIGUSR2 stops it and writes ``DIR/daphne-<pid>.prof`` (read it with
``python -m pstats``), so the profile holds the fan-out alone, not the start or the
subscriptions. Used only by the benchmark, on loopback.

    python bench/profiled.py DIR -b 127.0.0.1 -p 8101 config.asgi:application
"""

from __future__ import annotations

import cProfile
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    out = Path(sys.argv.pop(1))
    profiler = cProfile.Profile()

    def start(_signum, _frame) -> None:
        profiler.enable()

    def stop(_signum, _frame) -> None:
        profiler.disable()
        profiler.dump_stats(out / f"daphne-{os.getpid()}.prof")

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    from config.daphne import main as daphne

    daphne()


if __name__ == "__main__":
    main()
