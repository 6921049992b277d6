from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from forum import markup
from forum.caching import visitor_page
from forum.forms import PostForm
from forum.machine_translation.service import readings, shown_titles
from forum.models import Post, Thread
from forum.models.members import public_name
from forum.permissions import (
    can_reply,
    can_watch,
    check_reply,
    check_see_post,
    check_see_thread,
)
from forum.selectors import board_by_id, page_of_position, thread_page
from forum.services import reading
from forum.services.notifications import mark_thread_notifications_read
from forum.services.posting import post_reply
from forum.throttling import POSTING, refuse_over_limit
from forum.views.helpers import (
    AuthenticatedHttpRequest,
    id_param,
    int_param,
    post_url,
    refused_but_kept,
)


def get_thread(request: HttpRequest, pk: int) -> Thread:
    """The thread, if this user may read it: held threads only for their author and moderators."""
    thread = get_object_or_404(Thread, pk=pk)
    thread.board = board_by_id(thread.board_id)
    check_see_thread(request.user, thread)
    return thread


def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread(request, pk)
    if thread.merged_into_id:  # old links of a merged thread lead to where its posts went
        return redirect("forum:thread", pk=thread.merged_into_id, permanent=True)
    number = min(int_param(request.GET.get("page")), page_of_position(thread.post_count))

    def render_page() -> HttpResponse:
        page = thread_page(request.user, thread, page=number)
        if request.user.is_authenticated and page.posts:
            reading.mark_read(user=request.user, thread=thread, position=page.posts[-1].position)
            mark_thread_notifications_read(user=request.user, thread_id=thread.pk)
        reply_form = PostForm() if can_reply(request.user, thread) else None
        language = get_language()
        shown = readings(page.posts, user=request.user, language=language, board=thread.board)
        for post in page.posts:  # what forum/_post.html shows of it (a Reading)
            setattr(post, "reading", shown[post.pk])  # noqa: B010 - not a model field
        page.translated = any(reading.state == "translated" for reading in shown.values())
        context = {
            "thread": thread,
            "page": page,
            "reply_form": reply_form,
            "shown_title": shown_titles([thread], user=request.user, language=language).get(
                thread.pk, ""
            ),
        }
        return render(request, "forum/thread.html", context)

    return visitor_page(request, "thread", thread.pk, thread.changed_at, number, render=render_page)


def first_unread(request: HttpRequest, pk: int) -> HttpResponse:
    """Jump to the first post the member has not read (the last post when all are read)."""
    thread = get_thread(request, pk)
    page = thread_page(request.user, thread, page=1)
    position = min(page.last_read_position + 1, thread.post_count)
    url = reverse("forum:thread", args=[thread.pk])
    number = page_of_position(position)
    return redirect(f"{url}{f'?page={number}' if number > 1 else ''}#post-{position}")


@login_required
def reply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = get_thread(request, pk)
    refused = refused_but_kept(request, lambda: check_reply(request.user, thread), PostForm)
    if refused is not None:
        context = {"thread": thread, "form": refused}
        return render(request, "forum/reply_form.html", context, status=403)
    form = PostForm(request.POST or None, initial=_quote_initial(request, thread))
    if request.method == "POST" and form.is_valid():
        template, context = "forum/reply_form.html", {"thread": thread}
        if refused := refuse_over_limit(  # the bound form keeps the text
            request, POSTING, form=form, template=template, context=context
        ):
            return refused
        try:
            post = post_reply(
                author=request.user,
                thread=thread,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"] or None,
                fallback_language=get_language(),
                submission_token=form.cleaned_data["submission_token"],
            )
        except PermissionDenied as exc:
            # Locked, or the member suspended, while they were writing: keep the text, say why.
            form.add_error(None, str(exc))
        else:
            return redirect(post_url(post, sent=form.cleaned_data["submission_token"]))
    return render(request, "forum/reply_form.html", {"thread": thread, "form": form})


def _quote_initial(request: HttpRequest, thread: Thread) -> dict:
    quoted_id = id_param(request.GET.get("quote", ""))
    if quoted_id is None:
        return {}
    quoted = Post.objects.select_related("author__profile", "thread__board").filter(
        pk=quoted_id, thread=thread
    )
    post = quoted.first()
    if post is None or post.is_deleted:
        return {}
    check_see_post(request.user, post)
    name = public_name(post.author)
    return {"body": markup.quote(author_name=name, post_id=post.pk, source=post.body_source)}


@require_POST
@login_required
def watch_thread(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread(request, pk)
    if request.POST.get("watch") == "0":
        reading.unwatch_thread(user=request.user, thread=thread)
    elif can_watch(request.user, thread.board):
        reading.watch_thread(user=request.user, thread=thread)
    return redirect("forum:thread", pk=thread.pk)
