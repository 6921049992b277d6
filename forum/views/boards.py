from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from forum import board_fragments, limits
from forum.caching import member_page, stamp_key, visitor_page
from forum.forms import ThreadForm
from forum.models import Board, Subscription
from forum.permissions import (
    can_see_board,
    can_start_thread,
    can_watch,
    check_list_board,
    check_see_board,
    check_start_thread,
    is_member,
    moderates_board,
)
from forum.selectors import board_by_slugs, board_languages, unread_threads
from forum.services.confidential import rules_for
from forum.services.posting import start_thread
from forum.throttling import POSTING, refuse_over_limit
from forum.views.helpers import AuthenticatedHttpRequest, int_param, post_url, refused_but_kept

LANGUAGE_CODES = {code for code, _ in settings.LANGUAGES}
NORMAL = Subscription.Level.NORMAL


def board_levels(user, board: Board) -> tuple[int, int]:
    """The levels the member follows the board and its program area at (NORMAL without a row;
    one query, none for a visitor)."""
    if not is_member(user):
        return NORMAL, NORMAL
    rows = Subscription.objects.filter(Q(board=board) | Q(area=board.area_id), user=user)
    found = {
        ("board" if board_id else "area"): level
        for board_id, level in rows.values_list("board_id", "level")
    }
    return found.get("board", NORMAL), found.get("area", NORMAL)


def get_board(request: HttpRequest, area: str, board: str) -> Board:
    found = board_by_slugs(area, board)
    if found is None:
        raise Http404
    check_see_board(request.user, found)
    return found


def closed_board(request: HttpRequest, board: Board) -> HttpResponse:
    """A members-only board to someone who may not read it yet: say how to get in."""
    context = {
        "board": board,
        "pending": is_member(request.user),  # signed in, not verified yet
        "next": request.get_full_path(),
    }
    return render(request, "forum/board_closed.html", context, status=403)


def board_detail(request: HttpRequest, area: str, board: str) -> HttpResponse:
    """Threads by last activity, pinned first; optionally only those in one language."""
    found = board_by_slugs(area, board)
    if found is None:
        raise Http404
    check_list_board(request.user, found)
    if not can_see_board(request.user, found):
        return closed_board(request, found)
    language = request.GET.get("lang", "")
    if language not in LANGUAGE_CODES:
        language = ""
    # Any other value shows every thread, as an unknown language does.
    unsolved = request.GET.get("status", "") == "unsolved"
    number = int_param(request.GET.get("page"))

    user = request.user

    def marks() -> tuple[board_fragments.DrawnThreads, set[int], tuple[int, int]]:
        """The page's threads, and the reader's marks on them: unread, and the levels they
        follow the board and its area at (one query for both)."""
        drawn = board_fragments.board_threads(
            user,
            found,
            page=number,
            thread_language=language,
            language=get_language(),
            unsolved=unsolved,
        )
        return drawn, unread_threads(user, drawn.post_counts), board_levels(user, found)

    def respond(
        drawn: board_fragments.DrawnThreads, unread: set[int], levels: tuple[int, int]
    ) -> HttpResponse:
        context = {
            "board": found,
            "language": language,
            "status": "unsolved" if unsolved else "",
            "threads": board_fragments.unread_marks(drawn.html, unread),
            "thread_languages": board_languages(found),
            "can_start_thread": can_start_thread(user, found),
            "can_watch": can_watch(user, found),
            "moderates": user.is_authenticated and moderates_board(user, found),
            "board_level": levels[0],
            "area_level": levels[1],
        }
        return render(request, "forum/board.html", context)

    if not user.is_authenticated:
        if number > limits.CACHED_BOARD_PAGES:
            # Any number can be asked for: caching each would let a client fill the cache.
            return respond(*marks())
        return visitor_page(
            request,
            "board",
            found.pk,
            found.changed_at,
            number,
            language,
            unsolved,
            render=lambda: respond(*marks()),
        )
    # The member's marks and the board's stamp name the page: an unchanged reload is a 304.
    drawn, unread, levels = marks()
    return member_page(
        request,
        "board",
        found.pk,
        stamp_key(found.changed_at),
        number,
        language,
        unsolved,
        sorted(unread),
        levels,
        can_start_thread(user, found),
        can_watch(user, found),
        render=lambda: respond(drawn, unread, levels),
    )


@login_required
def new_thread(request: AuthenticatedHttpRequest, area: str, board: str) -> HttpResponse:
    found = get_board(request, area, board)
    refused = refused_but_kept(
        request, lambda: check_start_thread(request.user, found), ThreadForm, uploader=request.user
    )
    if refused is not None:
        context = {"board": found, "form": refused}
        return render(request, "forum/thread_form.html", context, status=403)
    form = ThreadForm(
        request.POST or None, request.FILES or None, uploader=request.user, check=rules_for(found)
    )
    valid = request.method == "POST" and form.is_valid()
    files = form.keep_files() if request.method == "POST" else []
    if valid:
        if refused := refuse_over_limit(  # the bound form keeps the title and text
            request, POSTING, form=form, template="forum/thread_form.html", context={"board": found}
        ):
            return refused
        post = start_thread(
            author=request.user,
            board=found,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            language=form.cleaned_data["language"] or None,
            fallback_language=get_language(),
            submission_token=form.cleaned_data["submission_token"],
            is_question=form.cleaned_data["is_question"],
            tags=form.cleaned_data["tags"],
            attachments=files,
            confirmed=form.confirmed,
        )
        return redirect(post_url(post, sent=form.cleaned_data["submission_token"]))
    return render(request, "forum/thread_form.html", {"board": found, "form": form})
