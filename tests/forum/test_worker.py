"""The task worker (forum/worker/): retries with back-off, parking, poisoned tasks, staff's
retry, the schedule, and tasks waiting for a worker that is not running."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forum import limits, tasks
from forum.models import Event, ScheduledJob
from forum.worker import runner, schedule
from tests.forum import worker_tasks

pytestmark = pytest.mark.django_db


def row(result) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=result.id)


def make_due(result) -> None:
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())


def test_a_task_waits_in_the_queue_until_a_worker_runs_it(run_tasks):
    result = worker_tasks.add.enqueue(2, 3)
    assert row(result).status == TaskResultStatus.READY  # no immediate path: nothing ran yet
    assert run_tasks() == 1
    done = row(result)
    assert (done.status, done.return_value) == (TaskResultStatus.SUCCESSFUL, 5)


def test_a_task_enqueued_in_a_rolled_back_write_never_exists(run_tasks):
    def failing_write():
        with transaction.atomic():
            transaction.on_commit(lambda: worker_tasks.add.enqueue(1, 1))
            raise RuntimeError("the write fails")

    with pytest.raises(RuntimeError):
        failing_write()
    assert not DBTaskResult.objects.exists()


def test_a_failing_task_is_retried_with_growing_delays_then_parked_with_its_error(run_tasks):
    result = worker_tasks.always_fails.enqueue("no mail server")
    delays = []
    for attempt in range(1, limits.TASK_ATTEMPTS):
        before = timezone.now()
        assert run_tasks() == 1
        waiting = row(result)
        assert waiting.status == TaskResultStatus.READY  # to be tried again, not lost
        assert "no mail server" in waiting.traceback  # the error is kept meanwhile
        assert runner.attempts(waiting) == attempt
        delays.append((waiting.run_after - before).total_seconds())
        assert run_tasks() == 0  # not before its time
        make_due(result)
    assert delays == sorted(delays)
    assert delays[0] >= limits.TASK_RETRY_BASE_SECONDS
    assert delays[1] >= 4 * limits.TASK_RETRY_BASE_SECONDS - 1
    assert run_tasks() == 1
    parked = row(result)
    assert parked.status == TaskResultStatus.FAILED
    assert parked.exception_class_path == "builtins.RuntimeError"
    assert "cannot do it: no mail server" in parked.traceback
    assert runner.attempts(parked) == limits.TASK_ATTEMPTS


def test_a_task_that_fails_once_succeeds_on_its_retry(run_tasks):
    key = f"flaky-{uuid.uuid4().hex}"
    result = worker_tasks.fails_until.enqueue(key, 1)
    run_tasks()
    assert row(result).status == TaskResultStatus.READY
    make_due(result)
    run_tasks()
    done = row(result)
    assert (done.status, done.return_value) == (TaskResultStatus.SUCCESSFUL, 2)
    assert done.traceback == ""  # the earlier error is cleared once it succeeds


def test_a_failing_task_does_not_block_the_queue(run_tasks):
    failing = worker_tasks.always_fails.enqueue("first in line")
    fine = worker_tasks.add.enqueue(20, 22)
    assert run_tasks() == 2
    assert row(fine).return_value == 42
    assert row(failing).status == TaskResultStatus.READY


@pytest.mark.parametrize(
    ("task_path", "args", "kwargs"),
    [
        ("tests.forum.worker_tasks.add", [1], {}),  # an argument missing
        ("tests.forum.worker_tasks.add", [1, 2], {"c": 3}),  # an argument it does not take
        ("tests.forum.worker_tasks.gone", [], {}),  # the function was removed
        ("tests.forum.worker_tasks.not_a_task", [], {}),  # not a task at all
        ("no.such.module.task", [], {}),
    ],
)
def test_a_poisoned_task_is_parked_at_once_and_the_worker_goes_on(
    run_tasks, task_path, args, kwargs
):
    good = worker_tasks.add.enqueue(1, 2)
    poisoned = DBTaskResult.objects.create(
        task_path=task_path,
        args_kwargs={"args": args, "kwargs": kwargs},
        backend_name="default",
        run_after=timezone.now() - timedelta(seconds=1),  # first in line
    )
    assert run_tasks() == 2
    parked = DBTaskResult.objects.get(pk=poisoned.pk)
    assert parked.status == TaskResultStatus.FAILED
    assert runner.attempts(parked) == 1  # never retried: no retry could help
    assert parked.traceback
    assert row(good).return_value == 3


def test_staff_see_parked_tasks_with_their_error_and_run_them_again(client, staff, run_tasks):
    result = worker_tasks.always_fails.enqueue("smtp refused")
    DBTaskResult.objects.filter(pk=result.id).update(worker_ids=["w"] * (limits.TASK_ATTEMPTS - 1))
    run_tasks()
    assert row(result).status == TaskResultStatus.FAILED
    client.force_login(staff)
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    page = client.get(url, {"status__exact": "FAILED"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "always_fails" in text
    assert "cannot do it: smtp refused" in text

    answer = client.post(
        url, {"action": "retry", "_selected_action": [str(result.id)]}, follow=True
    )
    assert answer.status_code == 200
    again = row(result)
    assert again.status == TaskResultStatus.READY
    assert runner.attempts(again) == 0
    run_tasks()  # fails again, but with a fresh count of attempts: retried, not parked
    assert row(result).status == TaskResultStatus.READY


def test_members_and_editors_cannot_see_or_retry_tasks(client, member, run_tasks):
    result = worker_tasks.add.enqueue(1, 1)
    client.force_login(member)
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    assert client.get(url).status_code == 302  # to the admin's sign-in
    client.post(url, {"action": "retry", "_selected_action": [str(result.id)]})
    assert row(result).status == TaskResultStatus.READY
    assert not row(result).worker_ids


def test_a_task_left_running_by_a_dead_worker_goes_back_to_the_queue(run_tasks):
    result = worker_tasks.add.enqueue(4, 4)
    claimed = runner.claim_next("dead-worker")
    assert claimed is not None
    assert claimed.pk == row(result).pk
    assert run_tasks() == 0  # running elsewhere: not taken twice
    long_ago = timezone.now() - timedelta(minutes=limits.TASK_STUCK_MINUTES + 1)
    DBTaskResult.objects.filter(pk=result.id).update(started_at=long_ago)
    assert runner.release_stuck() == 1
    assert run_tasks() == 1
    assert row(result).return_value == 8


def test_a_released_task_runs_again_without_counting_an_attempt(run_tasks):
    result = worker_tasks.add.enqueue(5, 5)
    claimed = runner.claim_next("stopping-worker")
    assert runner.release(claimed.pk, worker_id="stopping-worker")
    assert runner.attempts(row(result)) == 0
    assert run_tasks() == 1
    assert row(result).return_value == 10


def test_the_schedule_enqueues_each_due_job_once_however_many_workers_tick():
    jobs = (schedule.Job("prune_events", timedelta(hours=1), tasks.prune_events),)
    assert schedule.tick(jobs) == ["prune_events"]
    assert schedule.tick(jobs) == []  # a second worker's tick: already moved on
    assert DBTaskResult.objects.filter(task_path="forum.tasks.prune_events").count() == 1
    ScheduledJob.objects.filter(name="prune_events").update(due_at=timezone.now())
    assert schedule.tick(jobs) == ["prune_events"]


def test_a_tick_with_nothing_due_is_one_query(django_assert_num_queries):
    schedule.tick()  # every job is due once, at first

    with django_assert_num_queries(1):
        assert schedule.tick() == []


def test_a_job_with_nothing_to_do_enqueues_nothing():
    jobs = (schedule.Job("idle", timedelta(seconds=30), tasks.prune_relay, lambda: False),)
    assert schedule.tick(jobs) == []
    assert not DBTaskResult.objects.exists()
    assert ScheduledJob.objects.get(name="idle").due_at > timezone.now()  # asked again later


def test_the_default_schedule_prunes_old_events_and_finished_tasks(run_tasks):
    old = Event.objects.create(stream="thread:1", kind="post.created", payload={})
    Event.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=limits.EVENT_RETENTION_DAYS + 1)
    )
    recent = Event.objects.create(stream="thread:1", kind="post.created", payload={})
    finished = worker_tasks.add.enqueue(1, 1)
    run_tasks()
    DBTaskResult.objects.filter(pk=finished.id).update(
        finished_at=timezone.now() - timedelta(days=limits.TASK_RESULTS_KEEP_DAYS + 1)
    )
    enqueued = schedule.tick()
    assert {"prune_events", "clear_expired_sessions", "prune_task_results"} <= set(enqueued)
    run_tasks()
    assert list(Event.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not DBTaskResult.objects.filter(pk=finished.id).exists()
    scheduled = DBTaskResult.objects.filter(task_path__startswith="forum.tasks.")
    assert scheduled.exclude(status=TaskResultStatus.SUCCESSFUL).count() == 0


def test_notification_email_waits_for_the_worker(
    client, member, other_member, boards, run_tasks, django_capture_on_commit_callbacks
):
    from forum.services.posting import post_reply, start_thread
    from forum.services.reading import watch_thread

    other_member.profile.email_notifications = True
    other_member.profile.save()
    first = start_thread(author=other_member, board=boards["public"], title="Diversion", body="Hi")
    watch_thread(user=other_member, thread=first.thread)
    post_reply(author=member, thread=first.thread, body="A reply")
    with django_capture_on_commit_callbacks(execute=True):
        run_tasks()  # who is told; the e-mail is queued once that commits
    assert mail.outbox == []  # not sent in the request, nor with the telling
    run_tasks()
    assert [message.to for message in mail.outbox] == [[other_member.email]]
