"""Thread titles in the reader's language on board lists, notifications and e-mails, the
original on hover and for keyboard and screen-reader users; the worker asked for missing ones."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forum.models import Post, Profile, Thread, ThreadTitleTranslation
from forum.services.posting import post_reply, start_thread
from forum.services.reading import watch_thread
from forum.services.stamps import stamp
from forum.tasks import send_notification_emails
from tests.factories import verified_member

pytestmark = pytest.mark.django_db

TITLE = "Criterios de derivación para menores"
IN_ENGLISH = "Referral criteria for minors"
IN_PORTUGUESE = "Critérios de encaminhamento para menores"


def board_url(board, language="en"):
    return f"/{language}/b/{board.area.slug}/{board.slug}/"


@pytest.fixture
def spanish_thread(boards, other_member):
    first = start_thread(
        author=other_member,
        board=boards["public"],
        title=TITLE,
        body="La fiscalía revisa los criterios de derivación.",
        language="es",
    )
    return first.thread


def stored(thread, language, title, *, source=None):
    ThreadTitleTranslation.objects.create(
        thread=thread,
        language=language,
        source=source or thread.title,
        title=title,
        engine="apertium",
        quality="fair",
    )


def row_of(html, thread):
    return re.search(rf'<tr [^>]*data-thread="{thread.pk}">(.*?)</tr>', html, re.S).group(1)


def test_a_board_shows_a_spanish_title_in_english_with_the_original_on_hover_and_focus(
    client, boards, spanish_thread
):
    stored(spanish_thread, "en", IN_ENGLISH)

    row = row_of(client.get(board_url(boards["public"])).text, spanish_thread)

    link = re.search(r"<a href=\"/en/t/\d+/\"[^>]*>([^<]*)</a>", row)
    assert link.group(1) == IN_ENGLISH
    assert 'lang="en"' in link.group(0)
    assert f'title="Original title: {TITLE}"' in link.group(0)
    described = re.search(r'aria-describedby="([^"]+)"', link.group(0)).group(1)
    hidden = re.search(rf'<span class="visually-hidden" id="{described}">(.*?)</span></span>', row)
    assert hidden.group(1) == f'Original title: <span lang="es">{TITLE}'


def test_a_reader_who_reads_the_threads_language_sees_its_original_title(
    client, boards, spanish_thread, member
):
    stored(spanish_thread, "en", IN_ENGLISH)
    Profile.objects.filter(user=member).update(languages="English, Español")
    client.force_login(member)

    row = row_of(client.get(board_url(boards["public"])).text, spanish_thread)

    assert IN_ENGLISH not in row
    assert f'lang="es">{TITLE}</a>' in row


def test_a_stale_title_translation_is_not_shown(client, boards, spanish_thread):
    stored(spanish_thread, "en", IN_ENGLISH, source="Un título anterior")

    row = row_of(client.get(board_url(boards["public"])).text, spanish_thread)

    assert IN_ENGLISH not in row
    assert f'lang="es">{TITLE}</a>' in row


def translation_tasks():
    return DBTaskResult.objects.filter(task_path="forum.tasks.translate_posts")


def test_a_board_asks_the_worker_once_for_a_missing_title_and_then_shows_it(
    boards, spanish_thread, django_capture_on_commit_callbacks, run_tasks
):
    DBTaskResult.objects.all().delete()  # the eager translations of the thread's start
    visitor, member = Client(), Client()
    member.force_login(verified_member("reader"))

    with django_capture_on_commit_callbacks(execute=True):
        first = visitor.get(board_url(boards["public"], "pt")).text
        member.get(board_url(boards["public"], "pt"))  # within ten minutes: no second task
    assert translation_tasks().count() == 1
    run_tasks()

    title = ThreadTitleTranslation.objects.get(thread=spanish_thread, language="pt")
    again = row_of(visitor.get(board_url(boards["public"], "pt")).text, spanish_thread)
    assert f'lang="es">{TITLE}</a>' in row_of(first, spanish_thread)
    assert title.title not in {"", TITLE}
    assert 'lang="pt" title="' in again
    assert f">{title.title}</a>" in again


def spanish_threads(board, author, count, *, start=0):
    """One-post Spanish threads at once (the services are exercised above)."""
    since = timezone.now() - timedelta(days=1)
    threads = Thread.objects.bulk_create(
        Thread(
            board=board,
            title=f"Hilo {n}",
            author=author,
            last_poster=author,
            language="es",
            post_count=1,
            created_at=since + timedelta(minutes=n),
            last_post_at=since + timedelta(minutes=n),
        )
        for n in range(start, start + count)
    )
    Post.objects.bulk_create(
        Post(thread=thread, author=author, position=1, body_source="texto", language="es")
        for thread in threads
    )
    for thread in threads[::2]:  # half of them translated already
        stored(thread, "en", f"Thread {thread.title[5:]}")
    stamp(boards=[board])  # as the services that start threads and store titles do
    return threads


def test_a_board_page_makes_the_same_queries_for_four_foreign_titles_or_thirty(
    client, boards, member
):
    board = boards["members"]
    client.force_login(member)
    client.get(board_url(board))  # warm the per-user caches a real session has
    spanish_threads(board, member, 4)

    with CaptureQueriesContext(connection) as few:
        text = client.get(board_url(board)).text
    spanish_threads(board, member, 40, start=4)
    with CaptureQueriesContext(connection) as many:
        more = client.get(board_url(board)).text

    assert text.count(">Thread ") == 2
    assert more.count(">Thread ") == 15
    # The English board's bound, plus titles and first posts, and the board's thread languages
    # (asked again: new threads moved the board's stamp).
    assert len(few) == len(many) <= 12 + 3
    titles = [q["sql"] for q in many if "threadtitletranslation" in q["sql"]]
    first_posts = [q["sql"] for q in many if 'FROM "forum_post"' in q["sql"]]
    assert len(titles) == 1
    assert len(first_posts) == 1


def test_notifications_show_the_title_in_the_readers_language_with_the_original(
    client, spanish_thread, member, other_member, run_tasks
):
    stored(spanish_thread, "en", IN_ENGLISH)
    watch_thread(user=member, thread=spanish_thread)
    post_reply(author=other_member, thread=spanish_thread, body="Otra respuesta.")
    run_tasks()  # the worker tells the watchers
    client.force_login(member)

    page = client.get("/en/notifications/").text

    assert f"Other replied in “{IN_ENGLISH}”" in page
    assert f'title="Original title: {TITLE}"' in page
    described = re.search(r'aria-describedby="([^"]+)"', page).group(1)
    assert f'id="{described}">Original title: <span lang="es">{TITLE}</span>' in page


def test_an_email_gives_the_title_in_the_recipients_language_with_the_original(
    spanish_thread, member, other_member, run_tasks
):
    stored(spanish_thread, "pt", IN_PORTUGUESE)
    reader = verified_member("lector")
    for user, language in ((member, "pt"), (reader, "es")):
        watch_thread(user=user, thread=spanish_thread)
        Profile.objects.filter(user=user).update(
            email_notifications=True, preferred_language=language
        )
    reply = post_reply(author=other_member, thread=spanish_thread, body="Otra respuesta.")
    run_tasks()  # the worker tells the watchers
    mail.outbox.clear()

    send_notification_emails.call(reply.pk, [member.pk, reader.pk])

    sent = {message.to[0]: message for message in mail.outbox}
    both = f"{IN_PORTUGUESE} ({TITLE})"
    assert both in sent[member.email].subject
    assert both in sent[member.email].body
    assert f"“{TITLE}”" in sent[reader.email].subject  # read in its own language
    assert IN_PORTUGUESE not in sent[reader.email].body
