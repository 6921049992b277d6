"""How closely a member follows a thread, a board or a program area, and whom they muted.

Levels are Discourse's (Subscription.Level): watching, tracking, normal (no row) and muted. The
closest row decides: a thread's over its board's, a board's over its area's. Each change is one
write; "normal" deletes the row.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from forum.models import Board, MutedMember, ProgramArea, Subscription, Thread

Level = Subscription.Level


class FollowingError(ValueError):
    """A change of level or a mute that cannot be made; the message says why."""


def set_level(
    *,
    user,
    level: int,
    thread: Thread | None = None,
    board: Board | None = None,
    area: ProgramArea | None = None,
) -> None:
    """Follow one thread, board or area at ``level`` (NORMAL forgets the row)."""
    if level not in Level.values:
        raise FollowingError(_("Choose one of the levels offered."))
    target = {"thread": thread, "board": board, "area": area}
    named = {name: value for name, value in target.items() if value is not None}
    if len(named) != 1:
        raise FollowingError(_("Follow one thread, board or program area at a time."))
    rows = Subscription.objects.filter(user=user, **named)
    if level == Level.NORMAL:
        rows.delete()
        return
    if not rows.update(level=level):
        try:
            with transaction.atomic():
                Subscription.objects.create(user=user, level=level, **named)
        except IntegrityError:  # made meanwhile by another tab
            rows.update(level=level)


def follow_on_reply(*, user, thread: Thread, level: int) -> None:
    """What replying does: follow the thread at the member's chosen level unless they already
    chose one for it (a muted thread stays muted; watching is never lowered to tracking)."""
    if level not in Level.values or level == Level.NORMAL:
        return
    # One statement: a row the member already has for the thread is left as it is.
    Subscription.objects.bulk_create(
        [Subscription(user=user, thread=thread, level=level)], ignore_conflicts=True
    )


def thread_levels(
    thread: Thread, user_ids: Iterable[int] | None = None, *, own_rows: bool = True
) -> dict[int, int]:
    """Each member's level for this thread, from the closest row (one query); members without
    any row are absent (normal). ``user_ids`` narrows it to those members; ``own_rows=False``
    reads the board's and the area's rows only (a new thread: who follows where it starts)."""
    where = Q(board=thread.board_id) | Q(area=_area_of(thread))
    rows = Subscription.objects.filter(where | Q(thread=thread.pk) if own_rows else where)
    if user_ids is not None:
        rows = rows.filter(user__in=list(user_ids))
    return _closest(rows.values_list("user_id", "thread_id", "board_id", "level"))


def thread_and_place_levels(thread: Thread) -> tuple[dict[int, int], dict[int, int]]:
    """Both of thread_levels' answers from one query: each member's level for the thread, and
    for where it is (its board's and area's rows only: who follows where a new thread starts)."""
    where = Q(board=thread.board_id) | Q(area=_area_of(thread)) | Q(thread=thread.pk)
    rows = list(
        Subscription.objects.filter(where).values_list("user_id", "thread_id", "board_id", "level")
    )
    return _closest(rows), _closest(row for row in rows if not row[1])


def _closest(rows: Iterable[tuple[int, int | None, int | None, int]]) -> dict[int, int]:
    closest: dict[int, tuple[int, int]] = {}  # user → (distance, level)
    for user_id, thread_id, board_id, level in rows:
        distance = 0 if thread_id else 1 if board_id else 2
        if user_id not in closest or distance < closest[user_id][0]:
            closest[user_id] = (distance, level)
    return {user_id: level for user_id, (_distance, level) in closest.items()}


def _area_of(thread: Thread) -> int:
    board = thread.board  # cached on the instance by the callers that have it
    return board.area_id


def muted_threads_excluded(threads: QuerySet[Thread], user) -> QuerySet[Thread]:
    """These threads less those the member muted, directly or through their board or area (a
    closer row that is not muted lets a thread through)."""
    if not getattr(user, "is_authenticated", False):
        return threads
    mine = Subscription.objects.filter(user=user)
    thread_row = mine.filter(thread=OuterRef("pk"))
    board_row = mine.filter(board=OuterRef("board_id"))
    area_row = mine.filter(area=OuterRef("board__area_id"))
    muted = Exists(thread_row.filter(level=Level.MUTED)) | (
        ~Exists(thread_row)
        & (
            Exists(board_row.filter(level=Level.MUTED))
            | (~Exists(board_row) & Exists(area_row.filter(level=Level.MUTED)))
        )
    )
    if not mine.filter(level=Level.MUTED).exists():
        return threads  # most members mute nothing: no subqueries on their lists
    return threads.exclude(muted)


def mute_member(*, user, member) -> None:
    if member.pk == user.pk:
        raise FollowingError(_("You cannot mute yourself."))
    MutedMember.objects.get_or_create(user=user, muted=member)
    cache.delete(_muted_key(user.pk))


def unmute_member(*, user, member) -> None:
    MutedMember.objects.filter(user=user, muted=member).delete()
    cache.delete(_muted_key(user.pk))


def _muted_key(user_id: int) -> str:
    return f"forum:muted-members:{user_id}"


def muted_author_ids(user) -> list[int]:
    """Whom the member muted, kept in the cache until they mute or unmute someone: every page
    names them (base.html's ``data-muted``, for the script that folds their posts)."""
    if not getattr(user, "is_authenticated", False):
        return []
    key = _muted_key(user.pk)
    ids = cache.get(key)
    if ids is None:
        ids = sorted(MutedMember.objects.filter(user=user).values_list("muted_id", flat=True))
        cache.set(key, ids, 24 * 60 * 60)
    return ids


def muting(author_id: int, user_ids: Iterable[int]) -> set[int]:
    """Which of these members muted the author (one query)."""
    return set(
        MutedMember.objects.filter(muted_id=author_id, user_id__in=list(user_ids)).values_list(
            "user_id", flat=True
        )
    )
