"""Staff see the task queue in the Django admin: parked (failed) tasks with their error, how many
times each was tried, and an action that runs them again (imported by forum/admin.py)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin  # registers django-tasks-db's own admin
from django_tasks_db.models import DBTaskResult

from forum.worker import runner


class TaskResultAdmin(DBTaskResultAdmin):
    list_display: tuple[str, ...] = (  # type: ignore[assignment]
        "task_name",
        "status",
        "attempts",
        "error",
        "enqueued_at",
        "run_after",
        "finished_at",
    )
    search_fields = ("task_path", "exception_class_path")
    actions = ["retry"]

    @admin.display(description=_("attempts"))
    def attempts(self, obj: DBTaskResult) -> int:
        return runner.attempts(obj)

    @admin.display(description=_("last error"))
    def error(self, obj: DBTaskResult) -> str:
        lines = (obj.traceback or "").strip().splitlines()
        return lines[-1][:200] if lines else ""

    @admin.action(description=_("Run the selected failed tasks again"), permissions=["retry"])
    def retry(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = runner.retry_now(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d failed task goes back to the queue.",
                "%(count)d failed tasks go back to the queue.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_retry_permission(self, request: HttpRequest) -> bool:
        # Rows are otherwise read-only; retrying takes the model's change permission.
        return request.user.has_perm("django_tasks_database.change_dbtaskresult")


def register() -> None:
    """In place of django-tasks-db's own (imported first, so it is registered, then replaced)."""
    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)
    admin.site.register(DBTaskResult, TaskResultAdmin)
