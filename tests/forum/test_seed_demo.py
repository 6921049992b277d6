import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db.models import Max
from django.http import HttpRequest
from django.test import override_settings
from django.utils import timezone, translation

from cms.demo_content import conversations_1, conversations_2
from cms.demo_content import forum as demo
from forum.language import detect_language
from forum.models import Board, Flag, Post, PostRevision, ProgramArea, Thread

EXPECTED_AREAS = [
    "Animal Abuse Prosecution",
    "Child Abuse Prosecution",
    "Gun Violence Reduction",
    "High Performance Prosecution",
    "Juvenile Justice",
    "Major County Prosecution Council",
    "Peace Officer Use of Force",
    "Prosecutor-Led Diversion",
    "Safety & Justice",
    "Smart Prosecution",
    "Violence Against Women Reduction",
    "Victims' Rights",
]


def seed(*, conversations: bool = True) -> str:
    out = io.StringIO()
    call_command("seed_demo", *([] if conversations else ["--no-conversations"]), stdout=out)
    return out.getvalue()


def snapshot():
    """Every row seed_demo writes, with every column, to compare two runs."""
    User = get_user_model()
    return (
        list(ProgramArea.objects.order_by("pk").values()),
        list(Board.objects.order_by("pk").values()),
        list(Board.allowed_groups.through.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values()),
        list(User.groups.through.objects.order_by("pk").values()),
        list(Group.objects.order_by("pk").values()),
        list(Thread.objects.order_by("pk").values()),
        list(Post.objects.order_by("pk").values()),
        list(PostRevision.objects.order_by("pk").values()),
        list(Flag.objects.order_by("pk").values()),
    )


@pytest.mark.django_db
def test_seed_creates_the_twelve_program_areas_with_a_few_boards_each():
    seed(conversations=False)

    with translation.override("en"):
        assert [a.name for a in ProgramArea.objects.all()] == EXPECTED_AREAS
    for area in ProgramArea.objects.prefetch_related("boards"):
        assert len(area.boards.all()) >= 3
    assert set(Board.objects.values_list("visibility", flat=True)) == {
        "public",
        "members",
        "groups",
    }


@pytest.mark.django_db
def test_every_area_and_board_name_is_translated_into_spanish_and_french():
    seed(conversations=False)

    for model in (ProgramArea, Board):
        for obj in model.objects.all():
            assert obj.name_es
            assert obj.name_es != obj.name_en
            assert obj.name_fr
            assert obj.name_fr != obj.name_en


@pytest.mark.django_db
def test_seed_prints_the_demo_passwords_and_they_work():
    out = seed(conversations=False)

    for account in demo.DEMO_ACCOUNTS:
        assert f"{account.username:<10} / {account.password}" in out
        credentials = {"username": account.username, "password": account.password}
        assert authenticate(HttpRequest(), **credentials) is not None
    editor = get_user_model().objects.get(username="editor")
    assert editor.has_perm("wagtailadmin.access_admin")


@pytest.mark.django_db
def test_running_seed_twice_changes_nothing():
    seed()
    first = snapshot()

    out = seed()

    assert snapshot() == first
    assert "(0 created by this run)" in out


@pytest.mark.django_db
def test_seed_keeps_what_an_administrator_changed():
    seed(conversations=False)
    board = Board.objects.get(slug="general", area__slug="juvenile-justice")
    board.name_en = "Juvenile justice lounge"
    board.save()
    member = get_user_model().objects.get(username="member")
    member.set_password("a new password of mine")
    member.save()

    out = seed(conversations=False)

    board.refresh_from_db()
    assert board.name_en == "Juvenile justice lounge"
    assert authenticate(HttpRequest(), username="member", password="a new password of mine")
    assert "its password was changed, left as it is" in out


@pytest.mark.django_db
@override_settings(PRODUCTION=True)
def test_seed_refuses_to_run_in_production():
    with pytest.raises(CommandError, match="not in production"):
        seed()
    assert not ProgramArea.objects.exists()


@pytest.mark.django_db
def test_the_demo_editor_reaches_wagtails_admin_and_the_member_does_not(client):
    seed(conversations=False)

    client.force_login(get_user_model().objects.get(username="editor"))
    assert client.get("/admin/").status_code == 200
    client.force_login(get_user_model().objects.get(username="member"))
    assert client.get("/admin/").status_code == 302


CONVERSATIONS = [*conversations_1.CONVERSATIONS, *conversations_2.CONVERSATIONS]
SITE_LANGUAGES = {"en", "es", "fr", "pt", "ar", "ru", "zh-hans", "de"}
QUOTE_LINK = re.compile(r"\[wrote\]\(/posts/(\d+)/\)")


def written(conversation):
    """(language, text) of every version of every post of a conversation."""
    yield conversation.language, conversation.body
    for reply in conversation.replies:
        yield reply.language, reply.body
        if reply.edited_to:
            yield reply.language, reply.edited_to


def test_every_demo_post_is_long_enough_and_in_the_language_it_claims():
    wrong = [
        (language, text[:60])
        for conversation in CONVERSATIONS
        for language, text in written(conversation)
        if detect_language(text, fallback="?") != language
        or (len(text) if language == "zh-hans" else len(text.split()) * 2) < 50
    ]

    assert wrong == []


@pytest.mark.django_db
def test_the_demo_forum_is_alive_in_every_area_and_language_over_two_months():
    seed()

    threads = Thread.objects.all()
    assert threads.count() >= 60
    assert Post.objects.count() >= 250
    areas = set(threads.values_list("board__area__slug", flat=True))
    assert areas == set(ProgramArea.objects.values_list("slug", flat=True))
    assert len(areas) == 12
    assert set(threads.values_list("language", flat=True)) >= SITE_LANGUAGES
    assert {"it", "uk", "tr"} <= set(Post.objects.values_list("language", flat=True))
    voice = get_user_model().objects.get(username=conversations_1.VOICES[0].username)
    assert voice.profile.is_verified
    assert not voice.has_usable_password()
    # Spread over the last two months, oldest first, each thread's dates those of its posts.
    now = timezone.now()
    seeded = Thread.objects.filter(title__in=[c.title for c in CONVERSATIONS])
    assert seeded.count() == len(CONVERSATIONS)
    oldest = min(seeded.values_list("created_at", flat=True))
    assert now - timedelta(days=62) < oldest < now - timedelta(days=50)
    published = Post.objects.exclude(state=Post.State.PENDING)
    for thread in seeded:
        last = published.filter(thread=thread).aggregate(at=Max("created_at"))["at"]
        assert thread.last_post_at == last < now
        first = thread.posts.get(position=1)
        assert first.created_at == thread.created_at
    assert max(seeded.values_list("last_post_at", flat=True)) < now - timedelta(days=1)


@pytest.mark.django_db
def test_quotes_edits_held_posts_flags_pins_and_locks_are_as_the_content_says():
    seed()

    quoting = Post.objects.filter(body_source__contains="[wrote](/posts/")
    assert quoting.count() >= 12
    for post in quoting:
        quoted = Post.objects.get(pk=QUOTE_LINK.search(post.body_source)[1])
        assert (quoted.thread_id, quoted.position < post.position) == (post.thread_id, True)
        assert quoted.body_source.splitlines()[-1] in post.body_source
    edited = Post.objects.filter(edit_count__gt=0)
    assert edited.count() >= 4
    for post in edited:
        assert post.revisions.get().body_source != post.body_source

    def titles(predicate):
        return {c.title for c in CONVERSATIONS if predicate(c)}

    held = {(c.title, r.author) for c in CONVERSATIONS for r in c.replies if r.held}
    pending = Post.objects.filter(state=Post.State.PENDING)
    assert set(pending.values_list("thread__title", "author__username")) == held
    assert len(held) == 2
    flags = sum(len(r.flags) for c in CONVERSATIONS for r in c.replies)
    assert Flag.objects.filter(outcome=Flag.Outcome.OPEN).count() == flags >= 4
    pinned = Thread.objects.filter(is_pinned=True).values_list("title", flat=True)
    assert set(pinned) == titles(lambda c: c.pinned) != set()
    locked = Thread.objects.filter(is_locked=True).values_list("title", flat=True)
    assert set(locked) == titles(lambda c: c.locked) != set()


@pytest.mark.django_db
def test_the_demo_queues_its_translations_for_the_worker(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from forum.models import PostTranslation
    from forum.tasks import translate_posts

    with django_capture_on_commit_callbacks(execute=True):
        printed = seed()

    queued = DBTaskResult.objects.filter(task_path="forum.tasks.translate_posts")
    into_portuguese = [row.args_kwargs["args"] for row in queued]
    spanish = set(Post.objects.filter(language="es").values_list("pk", flat=True))
    chunk = next(ids for ids, target in into_portuguese if target == "pt" and spanish & set(ids))
    assert "post translations queued for the worker" in printed
    assert {target for _ids, target in into_portuguese} >= {"en", "es", "pt", "fr"}
    assert not any(target in {"de", "ru", "ar", "zh-hans"} for _ids, target in into_portuguese)

    post_id = next(pk for pk in chunk if pk in spanish)
    translate_posts.call([post_id], "pt")  # as the worker will
    assert PostTranslation.objects.get(post_id=post_id, language="pt").engine == "apertium"


@pytest.mark.django_db
def test_the_demo_can_be_seeded_without_queuing_translations(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--no-translations", stdout=io.StringIO())

    assert not DBTaskResult.objects.filter(task_path="forum.tasks.translate_posts").exists()


@pytest.mark.django_db
def test_events_written_stored_only_are_kept_for_catch_up_and_not_broadcast(
    django_capture_on_commit_callbacks,
):
    from forum.models import Event
    from forum.realtime import kinds, streams
    from forum.realtime.events import publish_event, stored_only

    with django_capture_on_commit_callbacks() as quiet, stored_only():
        publish_event(stream=streams.thread(1), kind=kinds.POST_CREATED, payload={})
    with django_capture_on_commit_callbacks() as loud:
        publish_event(stream=streams.thread(1), kind=kinds.POST_CREATED, payload={})

    assert Event.objects.filter(stream="thread:1").count() == 2
    assert (len(quiet), len(loud)) == (0, len(streams.thread(1).groups))
