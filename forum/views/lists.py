"""Threads across boards, as in Discourse: Latest (everyone), New and Unread (members).

Each list holds only threads of boards the reader may read (permissions.visible_boards), as
their boards list them (not held, not merged), newest activity first, and can be narrowed to a
program area and a thread language. A filter naming no area or language is refused with a 400
and the form saying why, the list left unfiltered beneath it; a page past the end is the last.
"""

from __future__ import annotations

from typing import cast
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, F, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from forum import limits
from forum.language import language_choices
from forum.machine_translation.service import shown_titles
from forum.models import ProgramArea, ReadMarker, Tag, Thread
from forum.permissions import User, visible_boards
from forum.selectors import listed_threads, unread_threads, unsolved_only
from forum.services.following import muted_threads_excluded
from forum.services.tags import tags_with_counts
from forum.views.helpers import int_param
from forum.visits import new_since

# Page numbers past this are refused as the last one: OFFSET reads every row it skips.
MAX_PAGE = 500
KINDS = {
    "latest": _("Latest"),
    "new": _("New"),
    "unread": _("Unread"),
}


class ListFilterForm(forms.Form):
    area = forms.ChoiceField(label=_("Program area"), required=False)
    lang = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("All threads")), ("unsolved", _("Unsolved questions"))],
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = ProgramArea.objects.order_by("position", "slug").values_list("slug", "name")
        self.fields["area"].choices = [("", _("All program areas")), *areas]
        self.fields["lang"].choices = language_choices(auto=str(_("All languages")))
        tags = [(tag.slug, tag.name) for tag in Tag.objects.order_by("slug")]
        self.fields["tag"].choices = [("", _("All tags")), *tags]


def boards_in_scope(user: User, area: str = "") -> list[int]:
    """The boards a list covers: those the reader may read, in the area if one is named."""
    boards = visible_boards(user)
    if area:
        boards = boards.filter(area__slug=area)
    return list(boards.values_list("pk", flat=True))


def list_threads(
    user: User,
    kind: str,
    *,
    boards: list[int],
    language: str = "",
    unsolved: bool = False,
    tag: str = "",
) -> QuerySet:
    """The threads of a list (of these boards, boards_in_scope), newest activity first."""
    member_id = cast(int, user.pk)  # New and Unread: signed in (login_required)
    threads = listed_threads(Thread.objects.filter(board_id__in=boards))
    if language:
        threads = threads.filter(language=language)
    if unsolved:
        threads = unsolved_only(threads)
    if tag:
        threads = threads.filter(tags__slug=tag)
    if kind == "new":
        opened = ReadMarker.objects.filter(user_id=member_id, thread=OuterRef("pk"))
        threads = threads.filter(created_at__gt=new_since(user)).exclude(Exists(opened))
    elif kind == "unread":
        threads = threads.filter(
            read_markers__user_id=member_id, read_markers__last_read_position__lt=F("post_count")
        )
    threads = muted_threads_excluded(threads, user)
    return threads.select_related(
        "board__area", "author__profile", "last_poster__profile"
    ).order_by("-last_post_at", "-pk")


def _thread_list(request: HttpRequest, kind: str, *, tag: Tag | None = None) -> HttpResponse:
    form = ListFilterForm(request.GET)
    valid = form.is_valid()
    area = form.cleaned_data.get("area", "") if valid else ""
    language = form.cleaned_data.get("lang", "") if valid else ""
    status = form.cleaned_data.get("status", "") if valid else ""
    tag_slug = tag.slug if tag else (form.cleaned_data.get("tag", "") if valid else "")
    # No count of the whole list (Discourse shows none either): a page reads one thread more
    # than it shows, to know whether there is a next one. A page past the end says so.
    number = min(max(int_param(request.GET.get("page")), 1), MAX_PAGE)
    per_page = limits.THREADS_PER_PAGE
    start = (number - 1) * per_page
    boards = boards_in_scope(request.user, area)  # read once: the list's and the live bar's
    listed = list_threads(
        request.user,
        kind,
        boards=boards,
        language=language,
        unsolved=status == "unsolved",
        tag=tag_slug,
    )
    threads = list(listed[start : start + per_page + 1])
    has_next = len(threads) > per_page
    threads = threads[:per_page]
    shown = shown_titles(threads, user=request.user, language=get_language())
    unread = unread_threads(request.user, {thread.pk: thread.post_count for thread in threads})
    for thread in threads:
        thread.shown_title = shown.get(thread.pk, "")
        thread.unread = thread.pk in unread
    chosen = (("area", area), ("lang", language), ("status", status), ("tag", tag_slug))
    filters = {name: value for name, value in chosen if value}
    query = f"{urlencode(filters)}&" if filters else ""
    context = {
        "kind": kind,
        "kinds": KINDS,
        "heading": _("Threads tagged “%(tag)s”") % {"tag": tag.name} if tag else KINDS[kind],
        "form": form,
        "number": number,
        "previous": number - 1,
        "next": number + 1 if has_next else 0,
        "past_the_end": number > 1 and not threads,
        "threads": threads,
        "query": query,
        # Live: the page follows every board its reader may read (the "latest" stream); a new
        # thread or reply in the boards in scope, in the language chosen, counts in the "new
        # activity" bar (live.js reads the scope from the list's data attributes).
        "streams": "latest",
        "live_boards": " ".join(map(str, boards)) if area else "",
        "live_language": language,
    }
    return render(request, "forum/thread_list.html", context, status=200 if valid else 400)


def latest(request: HttpRequest) -> HttpResponse:
    return _thread_list(request, "latest")


@login_required
def new(request: HttpRequest) -> HttpResponse:
    return _thread_list(request, "new")


@login_required
def unread(request: HttpRequest) -> HttpResponse:
    return _thread_list(request, "unread")


__all__ = ["latest", "list_threads", "new", "unread"]


def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A tag's threads, as Latest lists them (every board the reader may read)."""
    tag = Tag.objects.filter(slug=slug[:40]).first()
    if tag is None:
        raise Http404
    return _thread_list(request, "latest", tag=tag)


def tag_list(request: HttpRequest) -> HttpResponse:
    """Every tag, with how many threads the reader may read carry it."""
    return render(request, "forum/tags.html", {"tags": tags_with_counts(request.user)})
