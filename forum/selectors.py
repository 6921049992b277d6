"""Read queries for pages: each runs a constant number of SQL queries, whatever the data size."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.functional import Promise

from forum import limits
from forum.caching import LISTING_TIMEOUT, listing_version, stamp_key
from forum.models import (
    Board,
    Flag,
    ModerationAction,
    Notification,
    Participant,
    Post,
    Profile,
    ProgramArea,
    ReadMarker,
    Subscription,
    Thread,
)
from forum.permissions import (
    User,
    is_member,
    listed_boards,
    moderation_scope,
    readable_threads_q,
    visible_boards,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def _slug_max_length(model: type[Board] | type[ProgramArea]) -> int:
    length = model._meta.get_field("slug").max_length
    if length is None:  # a SlugField always has one (50 unless given)
        raise TypeError(f"{model.__name__}.slug has no max_length")
    return length


SLUG_MAX_LENGTH = max(_slug_max_length(Board), _slug_max_length(ProgramArea))


def program_areas_with_boards(user: User) -> list[ProgramArea]:
    """Every program area, each with ``readable_boards``: the boards listed to this user
    (permissions.listed_boards), each with ``closed``: listed, but not for them to read yet."""
    readable = visible_boards(user).filter(pk=OuterRef("pk"))
    boards = listed_boards(user).annotate(closed=~Exists(readable)).order_by("position", "slug")
    return list(
        # .all(): on the manager itself, the stubs' plugin rejects any Prefetch
        # (typeddjango/django-stubs#3263).
        ProgramArea.objects.all().prefetch_related(
            Prefetch("boards", queryset=boards, to_attr="readable_boards")
        )
    )


def board_by_id(pk: int) -> Board:
    """A board with its area, from the cache: boards change rarely, threads are read often.

    Cached per listing version, which moves whenever an area, a board or its groups change.
    """
    key = f"forum:board:{pk}:{listing_version()}"
    board = cache.get(key)
    if board is None:
        board = Board.objects.select_related("area").get(pk=pk)
        cache.set(key, board, LISTING_TIMEOUT)
    return board


def board_by_slugs(area_slug: str, board_slug: str) -> Board | None:
    """The board at /b/<area>/<board>/, from the cache like board_by_id; None if none."""
    if max(len(area_slug), len(board_slug)) > SLUG_MAX_LENGTH:
        return None  # names no board, and would make a cache key longer than a cache takes
    key = f"forum:board-slugs:{area_slug}:{board_slug}:{listing_version()}"
    pk = cache.get(key)
    if pk is None:
        pk = (
            Board.objects.filter(area__slug=area_slug, slug=board_slug)
            .values_list("pk", flat=True)
            .first()
        ) or 0
        cache.set(key, pk, LISTING_TIMEOUT)
    if not pk:
        return None
    board = board_by_id(pk)
    # The cached copy is as old as the listing version; its thread list moves far more often.
    board.changed_at = Board.objects.filter(pk=pk).values_list("changed_at", flat=True).get()
    return board


def listed_threads(threads: QuerySet[Thread]) -> QuerySet[Thread]:
    """Threads a listing shows: not held for review, not merged into another."""
    return threads.filter(held=False, merged_into__isnull=True)


def latest_threads(user: User, *, area_id: int | None = None, limit: int = 5) -> list[Thread]:
    """The most recently active threads this user may read, across boards (one query)."""
    boards = visible_boards(user)
    if area_id is not None:
        boards = boards.filter(area_id=area_id)
    return list(
        listed_threads(Thread.objects.filter(board__in=boards.values("pk")))
        .select_related("board__area", "last_poster__profile")
        .order_by("-last_post_at", "-pk")[:limit]
    )


def board_threads(board: Board, *, language: str = "", unsolved: bool = False) -> QuerySet[Thread]:
    threads = (
        listed_threads(board.threads.all())
        .select_related("author__profile", "last_poster__profile")
        .order_by("-is_pinned", "-last_post_at", "-pk")
    )
    if language:
        threads = threads.filter(language=language)
    if unsolved:
        threads = unsolved_only(threads)
    return threads


def unsolved_only(threads: QuerySet[Thread]) -> QuerySet[Thread]:
    """Questions with no accepted answer (the "unsolved" filter of boards and Latest)."""
    return threads.filter(is_question=True, accepted_answer__isnull=True)


def board_page(
    board: Board, *, page: int | str, language: str = "", unsolved: bool = False
) -> Page:
    """One page of the board's threads: the same for every reader (each one's unread marks
    are unread_threads')."""
    listed = board_threads(board, language=language, unsolved=unsolved)
    paginator = Paginator(listed, limits.THREADS_PER_PAGE)
    return paginator.get_page(page)


def unread_threads(user: User, post_counts: dict[int, int]) -> set[int]:
    """Which of these threads (id → its posts) have posts the member has not read (one query;
    none for a visitor)."""
    if not is_member(user) or not post_counts:
        return set()
    read = dict(
        ReadMarker.objects.filter(user=user, thread__in=list(post_counts)).values_list(
            "thread_id", "last_read_position"
        )
    )
    return {pk for pk, count in post_counts.items() if read.get(pk, 0) < count}


# One thread with a member's marks on it. Written in SQL once: the ORM spent 0.7 ms of a 5 ms
# page building this query on each request; the database answers it in 0.1 ms.
THREAD_WITH_MARKS = """
SELECT t.*,
  (SELECT m.last_read_position FROM forum_readmarker m
   WHERE m.user_id = %s AND m.thread_id = t.id) AS marked_position,
  (SELECT s.level FROM forum_subscription s
   WHERE s.user_id = %s AND s.thread_id = t.id) AS marked_level
FROM forum_thread t WHERE t.id = %s
"""


def thread_with_marks(user: User, pk: int) -> Thread | None:
    """The thread, with the member's marks on it in the same query: ``marked_position`` (how
    far they have read, None when never) and ``marked_level`` (the level they set on the
    thread itself; reader_marks reads them)."""
    if not is_member(user):
        return Thread.objects.filter(pk=pk).first()
    thread = next(iter(Thread.objects.raw(THREAD_WITH_MARKS, [user.pk, user.pk, pk])), None)
    if thread is not None:
        level = thread.marked_level  # type: ignore[attr-defined]
        thread.marked_level = Subscription.Level.NORMAL if level is None else int(level)  # type: ignore[attr-defined]
    return thread


def reader_marks(user: User, thread: Thread) -> tuple[int, int]:
    """How far the member has read the thread, and the level they set on it (Subscription.Level;
    NORMAL without a row). Two queries, none when the thread came from thread_with_marks; none
    for a visitor."""
    if not is_member(user):
        return 0, Subscription.Level.NORMAL
    if hasattr(thread, "marked_level"):  # fetched by thread_with_marks
        return getattr(thread, "marked_position", None) or 0, thread.marked_level
    marker = ReadMarker.objects.filter(user=user, thread=thread).first()
    level = (
        Subscription.objects.filter(user=user, thread=thread)
        .values_list("level", flat=True)
        .first()
    )
    return (marker.last_read_position if marker else 0), (
        Subscription.Level.NORMAL if level is None else level
    )


def board_languages(board: Board) -> list[tuple[str, str | Promise]]:
    """The site languages the board's threads are written in, as (code, name) choices.

    Cached until the board changes: scanning every thread of a big board on each view is not.
    """
    key = f"forum:board-languages:{board.pk}:{stamp_key(board.changed_at)}"
    used = cache.get(key)
    if used is None:
        used = set(board.threads.values_list("language", flat=True).distinct())
        cache.set(key, used, LISTING_TIMEOUT)
    return [(code, name) for code, name in settings.LANGUAGES if code in used]


def page_of_position(position: int) -> int:
    return max(1, math.ceil(position / limits.POSTS_PER_PAGE))


def readable_notifications(user: Member) -> QuerySet[Notification]:
    """The member's notifications that show nothing they may no longer read.

    A notification names its thread. Since it was sent the post may have been hidden or
    deleted, or the member may have lost the board (a group left, the board closed): then it is
    no longer listed or counted, as Discourse drops notifications of topics you cannot see.
    Moderation notices about the member's own posts always stay.
    """
    still_readable = (
        Q(thread__board__in=visible_boards(user))
        & readable_threads_q(user, "thread__")
        & (Q(post__isnull=True) | Q(post__state=Post.State.PUBLISHED))
    )
    # A private consultation's: while the member takes part in it (not after leaving).
    consulted = Q(consultation__isnull=False) & Exists(
        Participant.objects.filter(
            consultation=OuterRef("consultation"), user_id=user.pk, left_at__isnull=True
        )
    )
    return Notification.objects.filter(recipient=user).filter(
        Q(action__isnull=False) | still_readable | consulted
    )


def unread_notification_count(user: User) -> int:
    if not is_member(user):
        return 0
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    # Most requests find none at all: a cheap answer, without the readable-boards filter.
    if not unread.exists():
        return 0
    return readable_notifications(user).filter(read_at__isnull=True).count()


UNREAD_COUNT = "_forum_unread_notifications"


def request_unread_count(request) -> int:
    """The member's unread notifications, counted once a request (the header, the ETag, the
    thread page's check); forget_unread_count after marking some read."""
    if not hasattr(request, UNREAD_COUNT):
        setattr(request, UNREAD_COUNT, unread_notification_count(request.user))
    count: int = getattr(request, UNREAD_COUNT)
    return count


def forget_unread_count(request) -> None:
    request.__dict__.pop(UNREAD_COUNT, None)


def notifications_for(user: Member) -> QuerySet[Notification]:
    return readable_notifications(user).select_related(
        "actor__profile", "thread", "post", "action__thread", "consultation"
    )


# --- Moderation ------------------------------------------------------------------------------


def review_queue(user: User, *, language: str = "", area_id: int | None = None) -> QuerySet[Post]:
    """Held posts and posts with open flags that this moderator may act on, oldest first."""
    scope = moderation_scope(user)
    if scope is None:
        return Post.objects.none()
    flagged = Flag.objects.filter(outcome=Flag.Outcome.OPEN).values("post_id")
    posts = Post.objects.filter(Q(state=Post.State.PENDING) | Q(pk__in=flagged)).exclude(
        state=Post.State.DELETED
    )
    if scope.areas is not None:
        posts = posts.filter(thread__board__area__in=scope.areas)
    if area_id:
        posts = posts.filter(thread__board__area=area_id)
    if language:
        posts = posts.filter(language=language)
    elif scope.languages:
        posts = posts.filter(language__in=scope.languages)
    open_flags = Flag.objects.filter(outcome=Flag.Outcome.OPEN).select_related("flagger__profile")
    return (
        posts.select_related("author__profile", "thread__board__area")
        .prefetch_related(Prefetch("flags", queryset=open_flags, to_attr="open_flags"))
        .order_by("created_at", "pk")
    )


def verification_queue() -> QuerySet[Profile]:
    """Members who confirmed their address and wait for a site moderator, oldest first."""
    return (
        Profile.objects.filter(verification=Profile.Verification.PENDING, user__is_active=True)
        .select_related("user")
        .order_by("user__date_joined", "pk")
    )


def members_waiting(user: User) -> int:
    """For a site moderator (they alone verify members): how many wait. 0 for anyone else."""
    scope = moderation_scope(user)
    if scope is None or not scope.is_site_wide:
        return 0
    return verification_queue().order_by().count()


WAITING_COUNT = "_forum_members_waiting"


def request_members_waiting(request) -> int:
    """members_waiting, counted once a request (the header and the page's ETag both show it)."""
    if not hasattr(request, WAITING_COUNT):
        setattr(request, WAITING_COUNT, members_waiting(request.user))
    count: int = getattr(request, WAITING_COUNT)
    return count


def members_named(name: str) -> QuerySet:
    """The members called this, by user name or display name (exact, any case): a display name
    several members share finds them all. Deleted members are nobody's match: their user name is
    a placeholder and their display name is gone."""
    name = name.strip()
    if not name:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(
        Q(username__iexact=name) | Q(profile__display_name__iexact=name),
        profile__deleted_at__isnull=True,
    )


def moderation_log(user: User, filters: dict) -> QuerySet[ModerationAction]:
    """The audit log as this moderator may read it: their areas' rows and their own acts."""
    scope = moderation_scope(user)
    if scope is None:
        return ModerationAction.objects.none()
    rows = ModerationAction.objects.select_related(
        "actor__profile", "member__profile", "thread", "post", "area", "board"
    )
    if scope.areas is not None:
        rows = rows.filter(Q(area__in=scope.areas) | Q(actor=user))
    if filters.get("kind"):
        rows = rows.filter(kind=filters["kind"])
    if filters.get("moderator"):
        rows = rows.filter(actor__in=members_named(filters["moderator"]))
    if filters.get("member"):
        rows = rows.filter(member__in=members_named(filters["member"]))
    if filters.get("since"):
        rows = rows.filter(created_at__date__gte=filters["since"])
    if filters.get("until"):
        rows = rows.filter(created_at__date__lte=filters["until"])
    return rows.order_by("-created_at", "-pk")
