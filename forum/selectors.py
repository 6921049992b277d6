"""Read queries for pages: each runs a constant number of SQL queries, whatever the data size."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from forum import limits
from forum.models import Board, Notification, Post, ProgramArea, ReadMarker, Subscription, Thread
from forum.permissions import User, is_member, visible_boards, visible_posts


def program_areas_with_boards(user: User) -> list[ProgramArea]:
    """Every program area, each with ``readable_boards``: the boards this user may read."""
    boards = visible_boards(user).order_by("position", "slug")
    return list(
        ProgramArea.objects.prefetch_related(
            Prefetch("boards", queryset=boards, to_attr="readable_boards")
        )
    )


def board_threads(board: Board, *, language: str = "") -> QuerySet[Thread]:
    threads = board.threads.select_related("author__profile", "last_poster__profile").order_by(
        "-is_pinned", "-last_post_at", "-pk"
    )
    if language:
        threads = threads.filter(language=language)
    return threads


def board_page(user: User, board: Board, *, page: int | str, language: str = "") -> Page:
    """One page of the board's threads, each with ``unread`` set for signed-in members."""
    paginator = Paginator(board_threads(board, language=language), limits.THREADS_PER_PAGE)
    threads_page = paginator.get_page(page)
    threads = list(threads_page.object_list)
    read = {}
    if is_member(user) and threads:
        read = dict(
            ReadMarker.objects.filter(user=user, thread__in=threads).values_list(
                "thread_id", "last_read_position"
            )
        )
    for thread in threads:
        thread.unread = is_member(user) and read.get(thread.pk, 0) < thread.post_count
    threads_page.object_list = threads
    return threads_page


def board_languages(board: Board) -> list[tuple[str, str]]:
    """The site languages the board's threads are written in, as (code, name) choices."""
    used = set(board.threads.values_list("language", flat=True).distinct())
    return [(code, name) for code, name in settings.LANGUAGES if code in used]


@dataclass
class ThreadPage:
    posts: list[Post]
    number: int
    num_pages: int
    last_read_position: int
    watching: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def page_of_position(position: int) -> int:
    return max(1, math.ceil(position / limits.POSTS_PER_PAGE))


def thread_page(user: User, thread: Thread, *, page: int) -> ThreadPage:
    """Posts by position: page N holds positions ((N-1)*size, N*size], so permalinks are stable."""
    num_pages = page_of_position(thread.post_count)
    page = min(max(1, page), num_pages)
    first = (page - 1) * limits.POSTS_PER_PAGE + 1
    posts = visible_posts(
        user,
        thread.posts.filter(position__gte=first, position__lt=first + limits.POSTS_PER_PAGE),
    )
    posts = list(posts.select_related("author__profile").order_by("position"))
    last_read, watching = 0, False
    if is_member(user):
        marker = ReadMarker.objects.filter(user=user, thread=thread).first()
        last_read = marker.last_read_position if marker else 0
        watching = Subscription.objects.filter(user=user, thread=thread).exists()
    return ThreadPage(posts, page, num_pages, last_read, watching)


def unread_notification_count(user: User) -> int:
    if not is_member(user):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related(
        "actor__profile", "thread", "post"
    )
