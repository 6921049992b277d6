"""Signs of life in board lists: each board's threads and posts, its latest thread, and for a
member whether it has something they have not read.

What a board shows here is what its own page lists to every reader who may read it (threads
not held, not merged; their published replies), so it is kept per board and change stamp
(``Board.changed_at`` moves with everything its list shows, forum/services/stamps.py) and
shared by every reader: a page of boards reads the cache once, and the database only for the
boards that changed (two queries however many). The member's marks are one query more, not
cached. Only boards the reader may read are asked about: a board listed to them but closed
shows no title of its.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Subquery, Sum
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from forum.caching import (
    LISTING_TIMEOUT,
    PAGE_TIMEOUT,
    listing_version,
    stamp_key,
)
from forum.machine_translation.service import shown_titles
from forum.models import Board, ReadMarker, Thread
from forum.models.members import public_name
from forum.permissions import User, is_member
from forum.selectors import listed_threads, program_areas_with_boards
from forum.services.following import muted_threads_excluded
from forum.visits import new_since


@dataclass(frozen=True)
class Latest:
    """A board's most recently active thread, as a list shows it."""

    pk: int
    title: str
    language: str
    last_post_at: datetime
    last_poster: str  # the name shown (a rename or a deletion stamps the poster's boards)


@dataclass(frozen=True)
class Activity:
    threads: int
    posts: int
    latest: Latest | None


def _key(board: Board) -> str:
    return f"forum:activity:{board.pk}:{stamp_key(board.changed_at)}"


def _read(boards: list[Board]) -> dict[int, Activity]:
    ids = [board.pk for board in boards]
    counted = {
        row["board_id"]: row
        for row in listed_threads(Thread.objects.filter(board_id__in=ids))
        .values("board_id")
        .annotate(threads=Count("pk"), replies=Sum("reply_count"))
        .order_by()
    }
    latest_of_board = listed_threads(Thread.objects.filter(board_id=OuterRef("pk"))).order_by(
        "-last_post_at", "-pk"
    )
    latest = {
        thread.board_id: Latest(
            thread.pk,
            thread.title,
            thread.language,
            thread.last_post_at,
            public_name(thread.last_poster),
        )
        for thread in Thread.objects.filter(
            pk__in=Subquery(
                Board.objects.filter(pk__in=ids)
                .annotate(latest=Subquery(latest_of_board.values("pk")[:1]))
                .values("latest")
            )
        )
        .select_related("last_poster__profile")
        .only(
            "board_id",
            "title",
            "language",
            "last_post_at",
            "last_poster__username",
            "last_poster__profile__display_name",
            "last_poster__profile__deleted_at",
        )
    }
    found = {}
    for pk in ids:
        row = counted.get(pk, {"threads": 0, "replies": 0})
        threads = row["threads"]
        found[pk] = Activity(threads, threads + (row["replies"] or 0), latest.get(pk))
    return found


def board_activity(boards: list[Board]) -> dict[int, Activity]:
    """Each board's activity (boards as read with their ``changed_at``), from the cache where
    its stamp has not moved."""
    if not boards:
        return {}
    keys = {_key(board): board for board in boards}
    cached = cache.get_many(list(keys))
    found = {keys[key].pk: activity for key, activity in cached.items()}
    missing = [board for key, board in keys.items() if key not in cached]
    if missing:
        fresh = _read(missing)
        cache.set_many({_key(board): fresh[board.pk] for board in missing}, PAGE_TIMEOUT)
        found.update(fresh)
    return found


def unread_boards(user: User, board_ids: list[int]) -> set[int]:
    """The boards with a thread the member has opened and has posts they have not read, or a
    thread started since their previous visit that they have not opened (one query; none for
    a visitor). Asked board by board with EXISTS: the first thread that answers ends each
    board's search, however many new threads it has."""
    if not is_member(user) or not board_ids:
        return set()
    opened = ReadMarker.objects.filter(user=user, thread=OuterRef("pk"))
    # What the member muted (the thread, its board or its area) marks nothing.
    of_board = muted_threads_excluded(
        listed_threads(Thread.objects.filter(board=OuterRef("pk"))), user
    )
    behind = of_board.filter(
        read_markers__user=user, read_markers__last_read_position__lt=F("post_count")
    )
    started = of_board.filter(created_at__gt=new_since(user)).exclude(Exists(opened))
    return set(
        Board.objects.filter(pk__in=board_ids)
        .filter(Exists(behind) | Exists(started))
        .values_list("pk", flat=True)
    )


def with_activity(
    user: User, boards: list[Board], *, language: str, marks: bool = True
) -> list[Board]:
    """The boards, each readable one given ``activity`` (its latest thread's title shown in
    ``language`` where the reader reads it translated) and ``unread``; closed boards (listed
    to a reader who may not read them yet, ``closed`` set by the selector) get nothing."""
    readable = [board for board in boards if not getattr(board, "closed", False)]
    found = board_activity(readable)
    latest = [
        Thread(
            pk=activity.latest.pk, title=activity.latest.title, language=activity.latest.language
        )
        for activity in found.values()
        if activity.latest is not None
    ]
    shown = shown_titles(latest, user=user, language=language)
    unread = unread_boards(user, [board.pk for board in readable]) if marks else set()
    for board in cast(list[Any], readable):  # the list's own attributes, for the template
        board.activity = found[board.pk]
        board.latest_title = shown.get(getattr(board.activity.latest, "pk", 0), "")
        board.unread = board.pk in unread
    return boards


def areas_with_activity(user: User, *, language: str) -> list:
    """The forum index: program_areas_with_boards, each board with its activity."""
    areas = program_areas_with_boards(user)
    boards = [board for area in cast(list[Any], areas) for board in area.readable_boards]
    with_activity(user, boards, language=language)
    return areas


def member_areas(user: User, *, language: str) -> SafeString:
    """The forum index's areas for a member, drawn once for every reader who is listed the same
    boards (closed or not) in the same language, time zone and languages read; the member's own
    "unread" marks are put in afterwards (one query). The areas are drawn once per listing
    version, each board's row once per board stamp: a post redraws its board's row alone, not
    the sixty others (drawing them all cost 40 ms a page, and a post comes every few seconds)."""
    from forum.fragments import reader_key

    areas = program_areas_with_boards(user)
    boards = [board for area in cast(list[Any], areas) for board in area.readable_boards]
    listed = ",".join(f"{board.pk}{'c' if board.closed else ''}" for board in boards)
    reader = reader_key(user, language)
    version = listing_version()
    digest = hashlib.blake2b(listed.encode(), digest_size=12).hexdigest()
    key = f"forum:member-areas:{version}:{reader}:{digest}"
    rows = {
        board.pk: f"forum:member-areas:{version}:{reader}:{board.pk}:"
        + ("closed" if board.closed else stamp_key(board.changed_at))
        for board in boards
    }
    kept = cache.get_many([key, *rows.values()])
    context = {"areas": areas, "unread_slots": True, "user": user, "LANGUAGE_CODE": language}
    html = kept.get(key)
    if html is None:
        html = render_to_string("forum/_areas.html", {**context, "row_slots": True})
        cache.set(key, html, LISTING_TIMEOUT)
    missing = [board for board in boards if rows[board.pk] not in kept]
    with_activity(user, missing, language=language, marks=False)
    area_of = {board.pk: area for area in cast(list[Any], areas) for board in area.readable_boards}
    drawn = {
        rows[board.pk]: render_to_string(
            "forum/_board_row.html", {**context, "area": area_of[board.pk], "board": board}
        )
        for board in missing
    }
    cache.set_many(drawn, LISTING_TIMEOUT)
    kept.update(drawn)
    html = BOARD_ROW.sub(lambda m: kept[rows[int(m.group(1))]], html)
    readable = [board.pk for board in boards if not board.closed]
    unread = unread_boards(user, readable)
    badge = format_html('<span class="badge unread">{}</span>', gettext("Unread"))
    return mark_safe(  # noqa: S308 - drawn by our template; the badge is escaped above
        UNREAD_SLOT.sub(lambda m: badge if int(m.group(1)) in unread else "", html)
    )


BOARD_ROW = re.compile(r"<!--board-row:(\d+)-->")
UNREAD_SLOT = re.compile(r"<!--board-unread:(\d+)-->")


__all__ = [
    "Activity",
    "Latest",
    "areas_with_activity",
    "board_activity",
    "member_areas",
    "unread_boards",
]
