"""The parts of members' pages drawn once and shared by every reader who sees them alike.

A thread page's posts read the same for every reader with the same standing in the thread
(``permissions.Standing.key``: may they read it, post, moderate it), on a page in one language
and time zone, who read the same languages (machine translation shows the others translated).
So a page of posts is drawn once for each such class of reader and kept in the cache, keyed on
the thread's change stamp, which every write a reader would see moves in its own transaction
(forum/services/stamps.py): a hidden post, an edit, a lock, a move, a translation, an author's
new name. The policy draws the shared part through a ``shared`` Standing, as if the reader had
written none of the posts; the reader's own posts (their edit and delete links, their held and
hidden posts) are drawn apart, kept per reader under the same stamp, and put in by position.
Every change of any post, held ones included, moves the stamp.

A board page's threads are drawn the same way (forum/board_fragments.py).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.template import engines
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from forum import limits
from forum.caching import PAGE_TIMEOUT, drawn_with_csrf, request_csrf_token, stamp_key
from forum.forms import PostForm
from forum.machine_translation.service import languages_read, readings, shown_titles
from forum.models import Post, Thread
from forum.permissions import Standing, can_retitle, is_member, posts_seen_alike, visible_posts
from forum.permissions.roles import User
from forum.selectors import page_of_position

# A page showing a post whose translation is on its way: the translation moves the thread's
# stamp when it is stored; this only bounds how long a lost request to the worker is trusted.
PENDING_TIMEOUT = 60


@dataclass(frozen=True)
class DrawnPost:
    position: int
    post_id: int
    reacted: bool  # has reactions: the reader's own are looked up (forum/views/threads.py)
    author_id: int | None
    html: str
    translated: bool  # shown machine-translated
    pending: bool  # its translation is on its way


def reader_key(user: User, language: str, *more: object) -> str:
    """Who sees a shared part alike: the page's language and time zone, the languages the
    reader reads besides (shown untranslated), and ``more`` (a thread page: the standing)."""
    parts = [
        language,
        timezone.get_current_timezone_name(),
        ",".join(sorted(languages_read(user))),
        *map(str, more),
    ]
    # Hashed: a time zone's and a profile's text are the members' own, and keys have a limit.
    return hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()


def _draw(
    posts: list[Post], *, user: User, thread: Thread, standing: Standing, language: str
) -> list[DrawnPost]:
    """Each post through forum/_post.html, in one render (one Standing for all of them)."""
    if not posts:
        return []
    # Their files in one query, and none when no post on the page has any.
    prefetch_related_objects([post for post in posts if post.attachment_count], "attachments")
    shown = readings(posts, user=user, language=language, board=thread.board)
    for post in posts:
        setattr(post, "reading", shown[post.pk])  # noqa: B010 - what forum/_post.html reads
    separator = f"<!--{uuid.uuid4().hex}-->"  # unguessable: no post's text can hold it
    template = engines["django"].get_template("forum/_post_list.html")
    context = {
        "posts": posts,
        "thread": thread,
        "user": user,
        "forum_standing": standing,
        "separator": separator,
        "LANGUAGE_CODE": language,
    }
    pieces = template.render(context).split(separator)
    return [
        DrawnPost(
            position=post.position,
            post_id=post.pk,
            reacted=bool(post.reaction_counts),
            author_id=post.author_id,
            html=html,
            translated=shown[post.pk].state == "translated",
            pending=shown[post.pk].state == "pending",
        )
        for post, html in zip(posts, pieces, strict=False)
    ]


@dataclass(frozen=True)
class DrawnPage:
    """A thread page's content as one class of reader sees it (forum/_thread_content.html):
    ``head`` and ``tail`` around its posts, holding markers where the reader's own parts go."""

    head: str
    posts: list[DrawnPost]
    tail: str
    viewer_marker: str  # the toolbar's links of the reader's own (forum/_thread_viewer.html)
    csrf_marker: str  # the reply form's CSRF token
    token_marker: str  # the reply form's submission token (one per form drawn)
    shown_title: str  # for the page's <title>


def _marker() -> str:
    return uuid.uuid4().hex  # unguessable: no text of a post or a name can hold it


@dataclass(frozen=True)
class _Frame:
    """What a page shows around its posts (DrawnPage's), the same for every page count's
    version of the page: a reply added at the end of the thread leaves it as it is."""

    head: str
    tail: str
    markers: tuple[str, str, str]  # viewer, CSRF, submission token
    shown_title: str


def _draw_page(
    user: User, thread: Thread, *, page: int, on_page, standing: Standing, language: str, key: str
) -> DrawnPage:
    """The page as this class of reader sees it. Under one thread stamp (``key``), a post is
    drawn once and the page's frame once per number of pages: a page drawn again because a
    reply came at its end draws that reply alone."""
    alike = list(
        posts_seen_alike(standing, on_page).select_related("author__profile").order_by("position")
    )
    keys = {post.pk: f"{key}:post:{post.pk}" for post in alike}
    kept = cache.get_many(list(keys.values()))
    missing = [post for post in alike if keys[post.pk] not in kept]
    fresh = _draw(missing, user=user, thread=thread, standing=standing, language=language)
    # A post still waiting for its translation is drawn again (the page is kept briefly).
    cache.set_many({keys[d.post_id]: d for d in fresh if not d.pending}, PAGE_TIMEOUT)
    by_id = {d.post_id: d for d in fresh}
    drawn = [kept.get(keys[post.pk]) or by_id[post.pk] for post in alike]
    pages = page_of_position(thread.post_count)
    frame_key = f"{key}:frame:{page}:{pages}"
    frame: _Frame | None = cache.get(frame_key)
    if frame is None:
        frame = _draw_frame(
            user, thread, page=page, pages=pages, standing=standing, language=language
        )
        cache.set(frame_key, frame, PAGE_TIMEOUT)
    return DrawnPage(frame.head, drawn, frame.tail, *frame.markers, frame.shown_title)


def _draw_frame(
    user: User, thread: Thread, *, page: int, pages: int, standing: Standing, language: str
) -> _Frame:
    posts, viewer, csrf, token = (_marker() for _ in range(4))
    shown_title = shown_titles([thread], user=user, language=language).get(thread.pk, "")
    template = engines["django"].get_template("forum/_thread_content.html")
    url = reverse("forum:thread", args=[thread.pk])
    context = {
        "thread": thread,
        "user": user,
        "forum_standing": standing,
        "page": {"number": page, "num_pages": pages},
        "shown_title": shown_title,
        "reply_form": PostForm(initial={"submission_token": token})
        if standing.may_reply()
        else None,
        "csrf_token": csrf,
        "next_url": f"{url}?page={page}" if page > 1 else url,
        "posts_marker": f"<!--{posts}-->",
        "viewer_marker": f"<!--{viewer}-->",
        "LANGUAGE_CODE": language,
    }
    head, tail = template.render(context).split(f"<!--{posts}-->")
    return _Frame(head, tail, (f"<!--{viewer}-->", csrf, token), shown_title)


def page_version(thread: Thread, page: int) -> str:
    """What a reply added at the end, which moves no thread stamp (forum/services/posting.py),
    changes of page ``page``: the number of pages, which every page shows, and the posts of the
    last page (a held reply too: its position is taken). With the thread's stamp, the key of a
    page as drawn; a page before the last stays drawn while replies come in."""
    pages = page_of_position(thread.post_count)
    return f"{pages}.{thread.post_count}" if page >= pages else str(pages)


def first_position(page: int) -> int:
    return (page - 1) * limits.POSTS_PER_PAGE + 1


def _complete(drawn: list[DrawnPost], thread: Thread, page: int) -> bool:
    """Every position of the page, as the thread stands now, is a post drawn for everyone: the
    page holds no post held or hidden (each post, whatever its state, takes the next
    position)."""
    last = min(page * limits.POSTS_PER_PAGE, thread.post_count)
    return len(drawn) == max(0, last - first_position(page) + 1)


def _own_posts(user: User, thread: Thread, *, on_page, key: str, language: str) -> list[DrawnPost]:
    """The reader's own posts on the page as they see them, drawn once per stamp (``key`` is the
    shared part's) and number of posts (a held reply of theirs moves the stamp too)."""
    own_key = f"{key}:own:{user.pk}:{thread.post_count}"
    mine: list[DrawnPost] | None = cache.get(own_key)
    if mine is None:
        own = list(
            visible_posts(user, on_page().filter(author_id=user.pk), thread.board)
            .select_related("author__profile")
            .order_by("position")
        )
        standing = Standing(user, thread)
        mine = _draw(own, user=user, thread=thread, standing=standing, language=language)
        pending = any(post.pending for post in mine)
        cache.set(own_key, mine, PENDING_TIMEOUT if pending else PAGE_TIMEOUT)
    return mine


@dataclass(frozen=True)
class ThreadContent:
    """A thread page's content as this reader sees it."""

    html: SafeString
    shown_title: str  # the title in the page's language, "" when shown as written
    last_position: int  # of the last post shown; 0 when the page shows none
    reacted: list[int]  # the posts shown that have reactions


def thread_content(
    request: HttpRequest,
    thread: Thread,
    *,
    page: int,
    last_read: int = 0,
    level: int = 1,
) -> ThreadContent:
    """Page ``page`` of the thread (positions ((page-1)*size, page*size], as
    selectors.thread_page) as this reader sees it, drawn once per class of reader.

    Queries: none when the shared part and the reader's own posts are cached (a few to draw
    them when not).
    """
    user, language = request.user, get_language()
    first = first_position(page)

    def on_page():
        return thread.posts.filter(position__gte=first, position__lt=first + limits.POSTS_PER_PAGE)

    shared = Standing(user, thread, shared=True)
    drawn_at = ":".join(  # the thread's stamp, for this class of reader
        [
            "forum:thread-page",
            str(thread.pk),
            stamp_key(thread.changed_at),
            reader_key(user, language, shared.key),
        ]
    )
    key = f"{drawn_at}:{page}:{page_version(thread, page)}"
    cached: DrawnPage | None = cache.get(key)
    if cached is None:
        cached = _draw_page(
            user,
            thread,
            page=page,
            on_page=on_page(),
            standing=shared,
            language=language,
            key=drawn_at,
        )
        pending = any(post.pending for post in cached.posts)
        cache.set(key, cached, PENDING_TIMEOUT if pending else PAGE_TIMEOUT)
    drawn = cached.posts
    # A moderator's links do not depend on whose post it is; anyone else's do. The reader's own
    # posts are asked for only where the page may hold some: one of theirs among those drawn,
    # or a position drawn for no one (a post held or hidden).
    if (
        is_member(user)
        and not shared.moderates
        and (not _complete(drawn, thread, page) or any(post.author_id == user.pk for post in drawn))
    ):
        mine = _own_posts(user, thread, on_page=on_page, key=key, language=language)
        drawn = sorted(
            [post for post in drawn if post.author_id != user.pk] + mine,
            key=lambda post: post.position,
        )
    toolbar = _toolbar(
        request,
        thread,
        standing=shared,
        translated=any(post.translated for post in drawn),
        unread=last_read < thread.post_count,
        level=level,
        language=language,
    )
    head = cached.head.replace(cached.viewer_marker, toolbar)
    tail = cached.tail
    if cached.csrf_marker in tail:  # the reply form: this session's token, a new submission
        tail = tail.replace(cached.csrf_marker, request_csrf_token(request))
        tail = tail.replace(cached.token_marker, str(uuid.uuid4()))
    html = head + "".join(post.html for post in drawn) + tail
    return ThreadContent(
        html=mark_safe(html),  # noqa: S308 - drawn by templates
        shown_title=cached.shown_title,
        last_position=drawn[-1].position if drawn else 0,
        reacted=[post.post_id for post in drawn if post.reacted],
    )


def _toolbar(
    request: HttpRequest,
    thread: Thread,
    *,
    standing: Standing,
    translated: bool,
    unread: bool,
    level: int,
    language: str,
) -> str:
    """The toolbar's links of the reader's own (forum/_thread_viewer.html): drawn once for each
    answer to what it asks (may they watch: their standing; a post shown translated; anything
    unread; the level they follow it at), with this session's CSRF token put in."""
    retitle = can_retitle(request.user, thread, standing)  # the author's, within a day
    answers = "".join(
        str(int(answer)) for answer in (*standing.key, translated, unread, level, retitle)
    )
    template = engines["django"].get_template("forum/_thread_viewer.html")

    def draw(csrf: str) -> str:
        context = {
            "thread": thread,
            "user": request.user,
            "forum_standing": standing,
            "page": {
                "translated": translated,
                "unread": unread,
                "level": level,
                "retitle": retitle,
            },
            "csrf_token": csrf,
            "LANGUAGE_CODE": language,
        }
        return template.render(context)

    return drawn_with_csrf(request, f"forum:toolbar:{thread.pk}:{language}:{answers}", draw)
