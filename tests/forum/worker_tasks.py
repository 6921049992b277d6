"""Tasks for the worker's tests: importable by path, as the worker imports every task."""

from __future__ import annotations

import time

from django.core.cache import cache
from django_tasks import task


@task()
def add(a: int, b: int) -> int:
    return a + b


@task()
def always_fails(reason: str) -> None:
    raise RuntimeError(f"cannot do it: {reason}")


@task()
def fails_until(key: str, successes_after: int) -> int:
    """Raises the first ``successes_after`` times it is called for ``key``, then succeeds."""
    calls = cache.get_or_set(key, 0)
    cache.set(key, calls + 1)
    if calls < successes_after:
        raise ConnectionError(f"mail server away (call {calls + 1})")
    return calls + 1


@task()
def sleeps(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


not_a_task = "a plain string where a task was expected"
