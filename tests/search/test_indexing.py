"""Keeping the index true: every write queues its update in the same transaction, the drain
after commit applies it, and an engine outage delays updates without losing any."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forum.models import Post, SearchEntry, SearchQueueItem
from forum.models.search import DOCUMENT_INDEX
from forum.search.engines.elastic import ElasticsearchEngine
from forum.search.queue import drain, pending_count
from forum.search.service import search
from forum.services.moderation import hide_post, merge_threads, move_thread, restore_post
from forum.services.posting import delete_post, edit_post, post_reply, start_thread
from forum.worker import schedule

CLOSED_PORT = "127.0.0.1:1"  # nothing listens on loopback port 1


def titles(query, user=None):
    return [str(hit.title) for hit in search(query, user or AnonymousUser()).hits]


def ids(query, user=None):
    return {hit.post.pk for hit in search(query, user or AnonymousUser()).hits if hit.post}


@pytest.fixture
def opening(boards, member, indexed):
    first = start_thread(
        author=member,
        board=boards["public"],
        title="Restitution orders",
        body="How do you calculate restitution for victims?",
        language="en",
    )
    indexed()
    return first


def test_a_new_post_is_found_once_its_transaction_commits(
    boards, member, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = start_thread(
            author=member,
            board=boards["public"],
            title="Plea agreements",
            body="Plea agreements in juvenile court.",
            language="en",
        )

    assert len(callbacks) >= 1  # the drain task, enqueued after commit (django-tasks)
    assert run_tasks() >= 1  # the worker runs it
    assert ids("plea") == {first.pk}
    assert pending_count() == 0


def test_a_rolled_back_write_queues_nothing(boards, member):
    def write_then_fail():
        start_thread(
            author=member,
            board=boards["public"],
            title="Never written",
            body="This transaction fails.",
            language="en",
        )
        raise RuntimeError

    with pytest.raises(RuntimeError), transaction.atomic():
        write_then_fail()

    assert SearchQueueItem.objects.count() == 0


def test_edit_hide_restore_and_delete_follow_in_the_index(opening, member, moderator, indexed):
    edit_post(editor=member, post=opening, body="How do you calculate compensation instead?")
    indexed()
    assert ids("compensation") == {opening.pk}
    assert ids("victims") == set()

    reply = post_reply(
        author=member, thread=opening.thread, body="Compensation tables help.", language="en"
    )
    hide_post(actor=moderator, post=reply, reason="Off topic.")
    indexed()
    assert ids("tables") == set()
    assert ids("tables", moderator) == {reply.pk}

    restore_post(actor=moderator, post=Post.objects.get(pk=reply.pk), reason="Fine after all.")
    indexed()
    assert ids("tables") == {reply.pk}

    delete_post(actor=member, post=Post.objects.get(pk=reply.pk))
    indexed()
    assert ids("tables", moderator) == set()
    assert not SearchEntry.objects.filter(object_id=reply.pk, source="post").exists()


def test_a_moved_thread_is_found_in_its_new_board_only_by_its_readers(
    opening, boards, moderator, member, indexed
):
    move_thread(actor=moderator, thread=opening.thread, board_id=boards["groups"].pk, reason="x")
    indexed()

    assert ids("restitution") == set()  # visitors no longer read it
    assert ids("restitution", member) == set()  # nor members outside the group
    assert ids("restitution", moderator) == {opening.pk}
    assert SearchEntry.objects.get(object_id=opening.pk).board_id == boards["groups"].pk


def test_a_merged_threads_posts_become_replies_of_the_target(
    opening, boards, member, moderator, indexed
):
    other = start_thread(
        author=member,
        board=boards["public"],
        title="Victim impact statements",
        body="Restitution and impact statements together.",
        language="en",
    )
    merge_threads(actor=moderator, source=other.thread, target_id=opening.thread_id, reason="x")
    indexed()

    hits = search("restitution", AnonymousUser()).hits
    assert {(hit.post.pk, hit.kind) for hit in hits} == {(opening.pk, "thread"), (other.pk, "post")}
    assert all(hit.post.thread_id == opening.thread_id for hit in hits)


def test_a_retitled_thread_is_found_by_its_new_title(opening, indexed):
    thread = opening.thread
    thread.title = "Compensation orders"
    thread.save(update_fields=["title"])
    indexed()

    assert titles("compensation") == ["<mark>Compensation</mark> orders"]


def test_an_engine_outage_loses_no_update_and_the_write_still_succeeds(
    boards, member, indexed, run_tasks
):
    first = start_thread(
        author=member,
        board=boards["public"],
        title="Forensic interviews",
        body="Forensic interview protocols.",
        language="en",
    )
    with override_settings(ELASTICSEARCH_URL=f"http://{CLOSED_PORT}"):
        down = ElasticsearchEngine(client=_client(f"http://{CLOSED_PORT}"))
        report = drain(engine=down)

    assert report.failed == 1
    assert report.indexed == 0
    assert "Connection" in report.error
    item = SearchQueueItem.objects.get(object_id=first.pk)
    assert (item.attempts, item.done_at) == (1, None)
    assert item.next_attempt_at > item.queued_at  # retried later, with a delay
    assert Post.objects.filter(pk=first.pk).exists()  # the write itself stands

    # Once the delay has passed, the next drain (the worker's schedule, or a later write's)
    # lands it.
    SearchQueueItem.objects.update(next_attempt_at=item.queued_at)
    assert "retry_search_index" in schedule.tick()
    run_tasks()
    drained = DBTaskResult.objects.get(task_path="forum.tasks.drain_search_queue")
    assert (drained.status, drained.return_value) == (TaskResultStatus.SUCCESSFUL, 1)
    assert pending_count() == 0
    assert ids("forensic") == {first.pk}


def _client(url):
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=1, retry_on_timeout=False, max_retries=0)


def test_search_says_so_when_the_engine_is_down(client, settings, db):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://{CLOSED_PORT}"
    from elasticsearch.dsl import connections

    connections.create_connection(settings.ELASTICSEARCH_URL, hosts=[settings.ELASTICSEARCH_URL],
                                  request_timeout=1, max_retries=0)  # fmt: skip
    try:
        response = client.get("/en/search/", {"q": "anything"})
    finally:
        connections.remove_connection(settings.ELASTICSEARCH_URL)

    assert response.status_code == 503
    assert "Search is not available right now" in response.content.decode()


def test_search_reindex_rebuilds_everything_and_reports_counts(boards, member, indexed):
    for n in range(3):
        start_thread(
            author=member,
            board=boards["public"],
            title=f"Custody hearing {n}",
            body="Custody hearing notes.",
            language="es" if n else "en",
        )
    indexed()
    SearchEntry.objects.all().delete()  # an index lost or out of date
    out, err = StringIO(), StringIO()

    call_command("search_reindex", stdout=out, stderr=err)

    assert "Indexed 4 documents (3 posts, 1 page versions)" in out.getvalue()  # the home page
    assert "100%" in err.getvalue()  # the progress bar
    assert len(ids("custody hearing")) == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the GIN index and VACUUM are PostgreSQL's"
)
def test_a_reindex_leaves_the_postgresql_index_compact_and_its_statistics_current(boards, member):
    start_thread(
        author=member,
        board=boards["public"],
        title="Bail review",
        body="Bail review hearings within two days.",
        language="en",
    )

    def stats():
        with connection.cursor() as cursor:
            cursor.execute("SELECT oid FROM pg_class WHERE relname = %s", [DOCUMENT_INDEX])
            (index,) = cursor.fetchone()
            cursor.execute(
                "SELECT vacuum_count, analyze_count FROM pg_stat_user_tables WHERE relname = %s",
                [SearchEntry._meta.db_table],
            )
            return index, *cursor.fetchone()

    index_before, vacuums_before, analyses_before = stats()

    call_command("search_reindex", "--no-progress", stdout=StringIO())

    index_after, vacuums_after, analyses_after = stats()
    assert index_after != index_before  # built again in one pass (REINDEX CONCURRENTLY)
    assert vacuums_after == vacuums_before + 1
    assert analyses_after == analyses_before + 1
    assert len(ids("bail review")) == 1
