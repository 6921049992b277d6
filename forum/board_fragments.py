"""A board page's threads, drawn once and shared by every reader who sees them alike (as a
thread page's posts are, forum/fragments.py): a board lists the same threads to every reader
(held ones to nobody), so the list is kept per board stamp, page, filters and class of reader;
the only mark of one reader on it, "unread", is put in each row by ``unread_marks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import cache
from django.template import engines
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from forum.caching import PAGE_TIMEOUT, stamp_key
from forum.fragments import reader_key
from forum.machine_translation.service import shown_titles
from forum.permissions.roles import User
from forum.selectors import board_page

UNREAD_MARK = re.compile(r"<!--unread:(\d+)-->")
UNREAD_ROW = re.compile(r"<!--unread-row:(\d+)-->")


@dataclass(frozen=True)
class DrawnThreads:
    """A board page's thread list, drawn once per class of reader, with markers where each
    reader's "unread" goes."""

    html: str
    post_counts: dict[int, int]  # thread id → its posts, to tell what the reader has not read


def board_threads(
    user: User, board, *, page: int, thread_language: str, language: str, unsolved: bool = False
) -> DrawnThreads:
    """Page ``page`` of the board's threads (optionally only those in ``thread_language``),
    drawn once per page language, time zone and languages read (the titles shown translated):
    a board lists the same threads to every reader (held ones to nobody)."""
    key = ":".join(
        [
            "forum:threads",
            str(board.pk),
            stamp_key(board.changed_at),
            str(page),
            thread_language,
            "unsolved" if unsolved else "",
            reader_key(user, language),
        ]
    )
    drawn: DrawnThreads | None = cache.get(key)
    if drawn is None:
        listed = board_page(board, page=page, language=thread_language, unsolved=unsolved)
        threads = list(listed.object_list)
        shown = shown_titles(threads, user=user, language=language)
        for thread in threads:
            thread.shown_title = shown.get(thread.pk, "")
        template = engines["django"].get_template("forum/_board_threads.html")
        filters = {"lang": thread_language, "status": "unsolved" if unsolved else ""}
        query = urlencode({name: value for name, value in filters.items() if value})
        context = {
            "page": listed,
            "query": f"{query}&" if query else "",  # the pages' links keep the filters
            "LANGUAGE_CODE": language,
        }
        drawn = DrawnThreads(
            html=template.render(context),
            post_counts={thread.pk: thread.post_count for thread in threads},
        )
        cache.set(key, drawn, PAGE_TIMEOUT)
    return drawn


def unread_marks(html: str, unread: set[int]) -> SafeString:
    """The drawn list with this reader's "unread" marks in (none for a visitor)."""
    label = gettext("Unread")

    def badge(match: re.Match) -> str:
        pk = int(match.group(1))
        if pk not in unread:
            return ""
        url = reverse("forum:first_unread", args=[pk])
        return format_html('<a class="badge new" href="{}">{}</a>', url, label)

    html = UNREAD_MARK.sub(badge, html)
    html = UNREAD_ROW.sub(lambda match: "unread" if int(match.group(1)) in unread else "", html)
    return mark_safe(html)  # noqa: S308 - drawn by templates, the marks by format_html
