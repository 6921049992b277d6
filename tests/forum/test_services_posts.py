import threading
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from forum import limits
from forum.models import Post, PostRevision, ReadMarker, Subscription, Thread
from forum.services.posting import (
    EditConflict,
    delete_post,
    edit_post,
    post_reply,
    start_thread,
)
from tests.factories import thread_with_posts

pytestmark = pytest.mark.django_db


def test_starting_a_thread_creates_its_first_post_and_watches_it(boards, member):
    post = start_thread(
        author=member, board=boards["public"], title="Charging guidelines", body="**Hello** all"
    )

    thread = post.thread
    assert (thread.post_count, thread.reply_count, post.position) == (1, 0, 1)
    assert thread.last_poster == member
    assert post.body_html == "<p><strong>Hello</strong> all</p>\n"
    assert Subscription.objects.filter(user=member, thread=thread).exists()
    assert ReadMarker.objects.get(user=member, thread=thread).last_read_position == 1


def test_replies_take_the_next_position_and_update_the_threads_counters(
    boards, member, other_member
):
    thread = thread_with_posts(board=boards["public"], author=member)

    reply = post_reply(author=other_member, thread=thread, body="I agree with this.")

    thread.refresh_from_db()
    assert reply.position == 2
    assert (thread.post_count, thread.reply_count) == (2, 1)
    assert thread.last_poster == other_member
    assert thread.last_post_at == reply.created_at
    assert Subscription.objects.filter(user=other_member, thread=thread).exists()


def test_the_language_is_detected_and_the_author_can_set_it(boards, member):
    spanish = start_thread(
        author=member,
        board=boards["public"],
        title="Criterios de desvío",
        body="La fiscalía está revisando los criterios de desvío para menores infractores.",
    )
    corrected = post_reply(author=member, thread=spanish.thread, body="Short note", language="pt")

    assert spanish.language == spanish.thread.language == "es"
    assert corrected.language == "pt"


def test_a_short_text_takes_the_authors_interface_language(boards, member):
    post = start_thread(
        author=member,
        board=boards["public"],
        title="Bonjour",
        body="Merci !",
        fallback_language="fr",
    )

    assert post.language == "fr"


def test_submitting_the_same_form_twice_creates_one_post(boards, member):
    token = uuid.uuid4()
    thread = thread_with_posts(board=boards["public"], author=member)

    first = post_reply(author=member, thread=thread, body="Once only", submission_token=token)
    second = post_reply(author=member, thread=thread, body="Once only", submission_token=token)

    assert first.pk == second.pk
    assert thread.posts.count() == 2


def test_the_same_text_sent_again_from_a_fresh_form_finds_the_first_post(
    boards, member, other_member
):
    thread = thread_with_posts(board=boards["public"], author=member)

    first = post_reply(
        author=member, thread=thread, body="Seen twice?", submission_token=uuid.uuid4()
    )
    again = post_reply(
        author=member, thread=thread, body="Seen twice?", submission_token=uuid.uuid4()
    )
    other_text = post_reply(author=member, thread=thread, body="Something new.")
    someone_else = post_reply(author=other_member, thread=thread, body="Seen twice?")

    assert again.pk == first.pk
    assert len({first.pk, other_text.pk, someone_else.pk}) == 3
    assert thread.posts.count() == 4


def test_the_same_text_after_the_repeat_window_is_a_new_post(boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    first = post_reply(author=member, thread=thread, body="Weekly reminder.")
    Post.objects.filter(pk=first.pk).update(
        created_at=first.created_at - timedelta(seconds=limits.REPEAT_POST_WINDOW_SECONDS + 1)
    )

    later = post_reply(author=member, thread=thread, body="Weekly reminder.")

    assert later.pk != first.pk


def test_the_same_thread_started_again_finds_the_first_one(boards, member):
    board = boards["public"]
    first = start_thread(author=member, board=board, title="Sentencing data", body="Anyone?")
    again = start_thread(author=member, board=board, title="Sentencing data", body="Anyone?")
    retitled = start_thread(author=member, board=board, title="Sentencing figures", body="Anyone?")

    assert again.pk == first.pk
    assert retitled.thread_id != first.thread_id
    assert Thread.objects.filter(board=board).count() == 2


def test_a_reply_to_a_locked_thread_is_refused_and_nothing_is_written(boards, member):
    thread = thread_with_posts(board=boards["public"], author=member)
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)

    with pytest.raises(PermissionDenied):
        post_reply(author=member, thread=thread, body="Too late?")

    assert thread.posts.count() == 1
    thread.refresh_from_db()
    assert thread.post_count == 1


def test_an_edit_keeps_the_previous_text_as_a_revision(boards, member):
    post = thread_with_posts(board=boards["public"], author=member).posts.get()

    edited = edit_post(editor=member, post=post, body="Better *wording*", seen_edit_count=0)

    assert edited.edit_count == 1
    assert edited.edited_at is not None
    assert edited.body_html == "<p>Better <em>wording</em></p>\n"
    revision = PostRevision.objects.get(post=post)
    assert (revision.number, revision.body_source) == (1, "First post text for the thread.")


def test_an_edit_that_changes_nothing_keeps_no_revision(boards, member):
    post = thread_with_posts(board=boards["public"], author=member).posts.get()

    edit_post(editor=member, post=post, body=post.body_source, language=post.language)

    assert not PostRevision.objects.exists()


def test_a_stale_edit_is_refused_and_the_other_edit_survives(boards, member, moderator):
    post = thread_with_posts(board=boards["public"], author=member).posts.get()
    edit_post(editor=moderator, post=post, body="Moderator's fix", seen_edit_count=0, reason="Typo")

    with pytest.raises(EditConflict) as conflict:
        edit_post(editor=member, post=post, body="Author's version", seen_edit_count=0)

    assert conflict.value.post.body_source == "Moderator's fix"
    post.refresh_from_db()
    assert post.body_source == "Moderator's fix"


def test_deleting_keeps_the_place_and_is_not_counted_as_a_reply(boards, member):
    thread = thread_with_posts(board=boards["public"], author=member, replies=2)
    reply = thread.posts.get(position=2)

    delete_post(actor=member, post=reply)
    delete_post(actor=member, post=reply)  # twice: no double count

    thread.refresh_from_db()
    reply.refresh_from_db()
    assert reply.state == Post.State.DELETED
    assert (thread.post_count, thread.reply_count) == (3, 1)


@pytest.mark.django_db(transaction=True)
def test_a_reply_and_a_concurrent_edit_both_survive(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)
    first = thread.posts.get()
    barrier = threading.Barrier(2)
    errors = []

    def run(action):
        try:
            barrier.wait(timeout=10)
            action()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    workers = [
        threading.Thread(
            target=run,
            args=(
                lambda: post_reply(
                    author=other_member, thread=thread, body="A reply written meanwhile."
                ),
            ),
        ),
        threading.Thread(
            target=run,
            args=(
                lambda: edit_post(
                    editor=member, post=first, body="The edited first post.", seen_edit_count=0
                ),
            ),
        ),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)

    assert errors == []
    thread.refresh_from_db()
    first.refresh_from_db()
    assert first.body_source == "The edited first post."
    assert thread.posts.filter(body_source="A reply written meanwhile.").count() == 1
    assert thread.post_count == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_replies_get_distinct_positions(boards, member, other_member):
    thread = thread_with_posts(board=boards["public"], author=member)
    barrier = threading.Barrier(4)
    errors = []

    def reply(author, n):
        try:
            barrier.wait(timeout=10)
            post_reply(author=author, thread=thread, body=f"Concurrent reply {n}")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    workers = [
        threading.Thread(target=reply, args=(member if n % 2 else other_member, n))
        for n in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)

    assert errors == []
    assert sorted(thread.posts.values_list("position", flat=True)) == [1, 2, 3, 4, 5]
    thread.refresh_from_db()
    assert (thread.post_count, thread.reply_count) == (5, 4)
