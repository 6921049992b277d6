"""The CMS's background work (django-tasks), run by the worker like forum/tasks.py's."""

from __future__ import annotations

from django_tasks import task


@task()
def prefill_page(page_id: int, source: str, target: str, user_id: int) -> int:
    """Prefill a page's empty fields in ``target`` by machine translation from ``source``, as a
    draft revision for review (cms/prefill.py); an engine failure raises, and the worker
    retries with back-off."""
    from cms.prefill import prefill

    return prefill(page_id=page_id, source=source, target=target, user_id=user_id)
