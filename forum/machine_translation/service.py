"""Translations of posts and titles: made by the worker, read by pages in one query.

A reader's page shows each post in the reader's language: the original when the reader reads
the post's language (the page's language, and those listed in their profile), else the stored
translation of the post's current version, else the original with a note that a translation is
on its way (the worker was asked; it arrives live) or that none is available (no engine covers
the pair). Posts are translated eagerly, after commit, into the languages of the board's recent
readers and the thread's watchers, and lazily, on the first page view that wants one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.cache import cache as shared_cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from forum.language import language_name
from forum.machine_translation import markup, router
from forum.machine_translation.router import Route
from forum.models import (
    Board,
    Post,
    PostTranslation,
    Subscription,
    Thread,
    ThreadTitleTranslation,
)
from forum.models.activity import ReadMarker
from forum.services.stamps import stamp

logger = logging.getLogger(__name__)

# Readers of a board in this window count for the eager translations.
RECENT_READERS = timedelta(days=30)
# One request to the worker per post, version and language in this time (seconds).
ASKED_TTL = 10 * 60
EAGER_SECONDS = 60  # how long a thread's readers' languages are kept (eager_languages)


@dataclass(frozen=True)
class Reading:
    """How a post is shown to this reader (the template's only input about translation)."""

    state: str  # "original", "translated", "pending" or "unavailable"
    source: str = ""  # the name of the language the post was written in
    quality: str = ""  # the route's label: good, fair or rough
    html: str = ""  # the translation
    target: str = ""  # the language it was translated into


@cache
def _names() -> dict[str, str]:
    """Every way a profile may write a language ("Spanish", "español", "es") → its code."""
    names = {}
    for code, info in LANG_INFO.items():
        if "name" not in info:
            continue
        names[code] = code
        names[info["name"].casefold()] = code
        names[info["name_local"].casefold()] = code
        for ui, _name in settings.LANGUAGES:
            with translation.override(ui):
                names[str(translation.gettext(info["name"])).casefold()] = code
    names["zh"] = names["chinese"] = "zh-hans"
    return names


def languages_read(user) -> frozenset[str]:
    """The languages a member's profile says they read (free text: "English, Español, fr")."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    if profile is None or not profile.languages:
        return frozenset()
    words = [w.strip().casefold() for w in profile.languages.replace(";", ",").split(",")]
    return frozenset(_names()[word] for word in words if word in _names())


def _restricted(board) -> bool:
    """Is the board's text kept from hosted engines (router.route)?"""
    return board.visibility != Board.Visibility.PUBLIC


def readings(posts: list[Post], *, user, language: str, board: Board) -> dict[int, Reading]:
    """How each post is shown to this reader on a page in ``language`` (one query, none when
    every post is in a language the page or the reader reads), asking the worker for the
    translations that are missing."""
    result = {post.pk: Reading("original") for post in posts}
    foreign = [post for post in posts if post.language != language and not post.is_deleted]
    if foreign:
        reads = languages_read(user)
        foreign = [post for post in foreign if post.language not in reads]
    if not foreign:
        return result
    versions = {post.pk: post.edit_count for post in foreign}
    stored = {
        row.post_id: row
        for row in PostTranslation.objects.filter(post__in=foreign, language=language)
        if row.revision == versions[row.post_id]
    }
    restricted, missing = _restricted(board), []
    for post in foreign:
        source = str(language_name(post.language, in_sentence=True))
        if post.pk in stored:
            row = stored[post.pk]
            result[post.pk] = Reading("translated", source, row.quality, row.body_html, language)
        elif router.route(post.language, language, restricted=restricted) is None:
            result[post.pk] = Reading("unavailable", source)
        elif post.state == Post.State.PUBLISHED:
            result[post.pk] = Reading("pending", source)
            missing.append(post)
        # else held or hidden (shown to its moderators and author): translated once published,
        # so no "on its way" that would never come; it stays as written.
    ask(missing, language)
    return result


def ask(posts: list[Post], language: str) -> None:
    """Have the worker translate these posts into ``language``, once the transaction commits
    (once per version and a while: ten readers of an untranslated page make one task)."""
    keys = {
        post.pk: f"mt:{post.pk}:{post.created_at.timestamp()}:{post.edit_count}:{language}"
        for post in posts
        if post.state == Post.State.PUBLISHED
    }
    if not keys:
        return

    def enqueue() -> None:
        from forum.tasks import translate_posts

        fresh = [pk for pk, key in keys.items() if shared_cache.add(key, 1, ASKED_TTL)]
        if fresh:
            translate_posts.enqueue(fresh, language)

    transaction.on_commit(enqueue)


def titles(threads: list[Thread], language: str) -> dict[int, str]:
    """The stored translations of these threads' titles into ``language`` (one query); the
    caller shows the original title beside (on hover and focus)."""
    foreign = [thread for thread in threads if thread.language != language]
    rows = ThreadTitleTranslation.objects.filter(thread__in=foreign, language=language)
    current = {thread.pk: thread.title for thread in foreign}
    return {row.thread_id: row.title for row in rows if current[row.thread_id] == row.source}


def shown_titles(threads: list[Thread], *, user, language: str) -> dict[int, str]:
    """Each listed thread's title in ``language`` where its translation is stored (one query),
    for the threads the reader does not read the language of; the worker is asked for the
    missing ones with their first posts (one more query, only when some are missing)."""
    foreign = [thread for thread in threads if thread.language != language]
    if not foreign:  # the usual page: no query, not even the reader's profile
        return {}
    reads = languages_read(user)
    foreign = [thread for thread in foreign if thread.language not in reads]
    if not foreign:
        return {}
    shown = titles(foreign, language)
    missing = [
        thread.pk
        for thread in foreign
        # Asked only where the machine's own engines reach: a list mixes boards, and this
        # decides nothing but whether to ask (the worker applies each board's rule).
        if thread.pk not in shown
        and router.route(thread.language, language, restricted=True) is not None
    ]
    if missing:
        # The title is translated with its thread's first post (service.translate_post); ask()
        # sends each post, version and language to the worker once in ten minutes.
        ask(list(Post.objects.filter(thread_id__in=missing, position=1)), language)
    return shown


def eager_languages(post: Post) -> set[str]:
    """The languages the board's recent readers and the thread's and board's watchers read the
    site in, kept a minute per thread: every reply asked it, inside its write transaction, and
    a reader who came in the last minute still gets the post translated when they open it."""
    from forum.models import Profile

    board_id = post.thread.board_id
    readers = ReadMarker.objects.filter(
        thread__board_id=board_id, updated_at__gte=timezone.now() - RECENT_READERS
    )
    watchers = Subscription.objects.filter(
        Q(thread_id=post.thread_id) | Q(board_id=board_id), level__gt=Subscription.Level.MUTED
    )
    users = readers.values("user_id").union(watchers.values("user_id"))
    chosen = Profile.objects.filter(user_id__in=users).values_list("preferred_language", flat=True)
    languages = (
        shared_cache.get_or_set(
            f"mt:eager:{board_id}:{post.thread_id}",
            lambda: {code for code in chosen.distinct() if code},
            EAGER_SECONDS,
        )
        or set()
    )
    return languages - {post.language}


def translate_each(items, translate) -> int:
    """Run ``translate`` (True when it stored a translation) on each item; how many it stored.
    An engine that fails raises once the others are done, and the worker retries the task."""
    from forum.machine_translation.engines.base import EngineError

    done, failure = 0, None
    for item in items:
        try:
            done += bool(translate(item))
        except EngineError as error:
            failure = error
    if failure is not None:
        raise failure
    return done


def translate_soon(post: Post) -> None:
    """After a post is published or edited: its translations for the board's readers (no
    query when no engine could translate it into any site language)."""
    restricted = _restricted(post.thread.board)
    reachable = [
        code
        for code, _name in settings.LANGUAGES
        if router.route(post.language, code, restricted=restricted)
    ]
    if reachable:
        for language in eager_languages(post) & set(reachable):
            ask([post], language)


def translate_post(post: Post, language: str) -> PostTranslation | None:
    """Translate the post's current version (and its thread's title with its first post) into
    ``language``, then store it, tell the pages waiting for it and move the change stamps, in
    one transaction; None when no engine covers the pair. Raises EngineError. The engines run
    before the transaction opens: a slow one holds no lock."""
    route = router.route(post.language, language, restricted=_restricted(post.thread.board))
    if route is None:
        return None
    html = markup.translate_html(post.body_html, route.translate)
    title = _title_if_stale(post, language) if post.position == 1 else None
    with transaction.atomic():
        row, _created = PostTranslation.objects.update_or_create(
            post=post,
            revision=post.edit_count,
            language=language,
            defaults={
                "source_language": post.language,
                "engine": route.name,
                "quality": route.quality,
                "body_html": html,
            },
        )
        if title is not None:
            _store_title(post.thread, language, *title)
        announce(row, post)
        stamp(threads=[post.thread_id], boards=[post.thread.board_id] if title else [])
    return row


def translate_title(first: Post, language: str) -> ThreadTitleTranslation | None:
    """The title of the first post's thread, changed since the post was translated, again."""
    title = _title_if_stale(first, language)
    if title is None:
        return None
    with transaction.atomic():  # the pages listing the thread show the new title at once
        row = _store_title(first.thread, language, *title)
        stamp(threads=[first.thread_id], boards=[first.thread.board_id])
    return row


def _title_if_stale(first: Post, language: str) -> tuple[str, Route] | None:
    """The thread's title translated, unless its stored translation is of the title as it is."""
    thread = first.thread
    if titles([thread], language):
        return None
    route = router.route(thread.language, language, restricted=_restricted(thread.board))
    if route is None:
        return None
    return markup.translate_title(thread.title, route.translate), route


def _store_title(thread: Thread, language: str, title: str, route: Route):
    row, _created = ThreadTitleTranslation.objects.update_or_create(
        thread=thread,
        language=language,
        defaults={
            "source": thread.title,
            "title": title[:400],
            "engine": route.name,
            "quality": route.quality,
        },
    )
    return row


def announce(row: PostTranslation, post: Post) -> None:
    """post.translated on the thread's stream: pages in that language waiting for it show it."""
    from django.template.loader import render_to_string

    from forum.realtime import kinds, streams
    from forum.realtime.events import publish_event

    with translation.override(row.language):
        source = str(language_name(post.language, in_sentence=True))
        reading = Reading("translated", source, row.quality, "", row.language)
        label = render_to_string("forum/_translation_label.html", {"reading": reading})
    payload = {
        "post_id": post.pk,
        "position": post.position,
        "revision": row.revision,
        "target": row.language,
        "html_translated": row.body_html,
        "label": label,
    }
    stream = streams.thread(post.thread_id)
    publish_event(stream=stream, kind=kinds.POST_TRANSLATED, payload=payload)
