from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from forum import limits
from forum.caching import visitor_page
from forum.forms import ThreadForm
from forum.machine_translation.service import shown_titles
from forum.models import Board
from forum.permissions import (
    can_see_board,
    can_start_thread,
    can_watch,
    check_list_board,
    check_see_board,
    check_start_thread,
    is_member,
)
from forum.selectors import board_by_slugs, board_languages, board_page
from forum.services import reading
from forum.services.posting import start_thread
from forum.throttling import POSTING, refuse_over_limit
from forum.views.helpers import AuthenticatedHttpRequest, int_param, post_url, refused_but_kept

LANGUAGE_CODES = {code for code, _ in settings.LANGUAGES}


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
    number = int_param(request.GET.get("page"))

    def render_page() -> HttpResponse:
        user = request.user
        page = board_page(user, found, page=number, language=language)
        threads = list(page.object_list)
        shown = shown_titles(threads, user=user, language=get_language())
        for thread in threads:
            thread.shown_title = shown.get(thread.pk, "")
        context = {
            "board": found,
            "language": language,
            "page": page,
            "thread_languages": board_languages(found),
            "can_start_thread": can_start_thread(user, found),
            "can_watch": can_watch(user, found),
            "watching": user.is_authenticated and user.subscriptions.filter(board=found).exists(),
        }
        return render(request, "forum/board.html", context)

    if number > limits.CACHED_BOARD_PAGES:
        # Any number can be asked for: caching each would let a client fill the cache.
        return render_page()
    return visitor_page(
        request, "board", found.pk, found.changed_at, number, language, render=render_page
    )


@login_required
def new_thread(request: AuthenticatedHttpRequest, area: str, board: str) -> HttpResponse:
    found = get_board(request, area, board)
    refused = refused_but_kept(request, lambda: check_start_thread(request.user, found), ThreadForm)
    if refused is not None:
        context = {"board": found, "form": refused}
        return render(request, "forum/thread_form.html", context, status=403)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
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
        )
        return redirect(post_url(post, sent=form.cleaned_data["submission_token"]))
    return render(request, "forum/thread_form.html", {"board": found, "form": form})


@require_POST
@login_required
def watch_board(request: HttpRequest, area: str, board: str) -> HttpResponse:
    found = get_board(request, area, board)
    if request.POST.get("watch") == "0":
        reading.unwatch_board(user=request.user, board=found)
    elif can_watch(request.user, found):
        reading.watch_board(user=request.user, board=found)
    return redirect("forum:board", area=found.area.slug, board=found.slug)
