import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from forum import fragments, limits, markup
from forum.caching import member_page, stamp_key, visitor_page
from forum.forms import PostForm
from forum.forms.confidential import ConfidentialCheckMixin
from forum.forms.fields import TagsField
from forum.models import Post, Thread
from forum.models.members import public_name
from forum.permissions import (
    Standing,
    can_retitle,
    check_reply,
    check_see_post,
    check_see_thread,
    is_member,
    moderates_board,
)
from forum.selectors import (
    board_by_id,
    forget_unread_count,
    page_of_position,
    reader_marks,
    request_unread_count,
    thread_with_marks,
)
from forum.services import reading
from forum.services.answers import mark_question
from forum.services.confidential import Rules, rules_for
from forum.services.moderation import ModerationError
from forum.services.notifications import mark_thread_notifications_read
from forum.services.posting import post_reply
from forum.services.reactions import reactions_of
from forum.services.tags import set_tags
from forum.services.titles import retitle_thread
from forum.throttling import POSTING, refuse_over_limit
from forum.views.helpers import (
    AuthenticatedHttpRequest,
    id_param,
    int_param,
    post_url,
    refused_but_kept,
)


def get_thread(request: HttpRequest, pk: int, *, with_marks: bool = False) -> Thread:
    """The thread, if this user may read it: held threads only for their author and moderators.
    ``with_marks``: with the member's read marker and level in the same query."""
    thread = (
        thread_with_marks(request.user, pk) if with_marks else Thread.objects.filter(pk=pk).first()
    )
    if thread is None:
        raise Http404
    thread.board = board_by_id(thread.board_id)
    check_see_thread(request.user, thread)
    return thread


def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread(request, pk, with_marks=True)
    if thread.merged_into_id:  # old links of a merged thread lead to where its posts went
        return redirect("forum:thread", pk=thread.merged_into_id, permanent=True)
    pages = page_of_position(thread.post_count)
    number = min(int_param(request.GET.get("page")), pages)

    user = request.user

    def render_page(last_read: int = 0, level: int = 1) -> HttpResponse:
        content = fragments.thread_content(
            request, thread, page=number, last_read=last_read, level=level
        )
        if is_member(user) and content.last_position:
            if content.last_position > last_read:
                reading.mark_read(user=user, thread=thread, position=content.last_position)
            # Unread ones elsewhere only: nothing marked, the count stands (it is the header's
            # heaviest query for a member who has some).
            if request_unread_count(request) and mark_thread_notifications_read(
                user=user, thread_id=thread.pk
            ):
                forget_unread_count(request)  # the header counts again
        context = {
            "thread": thread,
            "content": content.html,
            "shown_title": content.shown_title,
            # The reader's own reactions (their buttons pressed): asked only when the page
            # shows a post with any.
            "my_reactions_json": json.dumps(
                reactions_of(user, content.reacted) if is_member(user) and content.reacted else {}
            ),
        }
        return render(request, "forum/thread.html", context)

    version = fragments.page_version(thread, number)  # a reply added moves no thread stamp
    if not user.is_authenticated:
        # Last-Modified: the last page changes with each reply too (the pages before it only
        # when a page is added, which their ETag holds).
        last = number == pages
        changed = max(thread.changed_at, thread.last_post_at) if last else thread.changed_at
        return visitor_page(
            request, "thread", thread.pk, changed, number, version, render=render_page
        )
    # What the page shows of the member: how far they had read (the page marks the rest), and
    # whether they watch; with the thread's stamp, a reload of an unchanged page is a 304.
    last_read, level = reader_marks(user, thread)
    standing = Standing(user, thread).key
    return member_page(
        request,
        "thread",
        thread.pk,
        stamp_key(thread.changed_at),
        number,
        version,
        thread.post_count,  # the toolbar's unread mark
        standing,
        last_read,
        level,
        render=lambda: render_page(last_read, level),
    )


def first_unread(request: HttpRequest, pk: int) -> HttpResponse:
    """Jump to the first post the member has not read (the last post when all are read)."""
    thread = get_thread(request, pk, with_marks=True)
    last_read, _level = reader_marks(request.user, thread)
    position = min(last_read + 1, thread.post_count)
    url = reverse("forum:thread", args=[thread.pk])
    number = page_of_position(position)
    return redirect(f"{url}{f'?page={number}' if number > 1 else ''}#post-{position}")


@login_required
def reply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    thread = get_thread(request, pk)
    refused = refused_but_kept(
        request, lambda: check_reply(request.user, thread), PostForm, uploader=request.user
    )
    if refused is not None:
        context = {"thread": thread, "form": refused}
        return render(request, "forum/reply_form.html", context, status=403)
    form = PostForm(
        request.POST or None,
        request.FILES or None,
        initial=_quote_initial(request, thread),
        uploader=request.user,
        check=rules_for(thread.board),
    )
    valid = request.method == "POST" and form.is_valid()
    files = form.keep_files() if request.method == "POST" else []
    if valid:
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
                attachments=files,
                confirmed=form.confirmed,
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


class TitleForm(ConfidentialCheckMixin, forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"),
        min_length=limits.TITLE_MIN_LENGTH,
        max_length=limits.TITLE_MAX_LENGTH,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (optional)"), required=False, max_length=500
    )
    is_question = forms.BooleanField(
        label=gettext_lazy("This is a question"),
        required=False,
        help_text=gettext_lazy("A reply can then be accepted as its answer."),
    )
    tags = TagsField()
    holdable = False

    def __init__(self, *args: Any, check: Rules | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setup_check(check)


@login_required
def edit_title(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change the thread's title (its author within a day, the board's moderators), and the
    titles it had before, for every reader of the thread."""
    thread = get_thread(request, pk)
    history = list(thread.title_revisions.select_related("edited_by__profile"))
    allowed = can_retitle(request.user, thread)
    current_tags = list(thread.tags.all())
    initial = {"title": thread.title, "is_question": thread.is_question, "tags": current_tags}
    # The author's new title is checked for confidential data (a moderator's is the review).
    mine = thread.author_id == request.user.pk and not moderates_board(request.user, thread.board)
    check = rules_for(thread.board) if mine else None
    form = TitleForm(request.POST or None, initial=initial, check=check)
    status = 200
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied(_("You may not change this title."))
        if form.is_valid():
            title, question = form.cleaned_data["title"], form.cleaned_data["is_question"]
            tags = list(form.cleaned_data["tags"])
            question_changed = question != thread.is_question
            tags_changed = {tag.pk for tag in tags} != {tag.pk for tag in current_tags}
            others_changed = question_changed or tags_changed
            try:
                with transaction.atomic():  # the title and the question mark, or neither
                    if " ".join(title.split()) != thread.title or not others_changed:
                        retitle_thread(
                            actor=request.user,
                            thread=thread,
                            title=title,
                            reason=form.cleaned_data["reason"],
                        )
                    if question_changed:
                        mark_question(actor=request.user, thread=thread, is_question=question)
                    if tags_changed:
                        set_tags(actor=request.user, thread=thread, tags=tags)
            except ModerationError as exc:
                form.add_error("title", str(exc))
            else:
                retitled = " ".join(title.split()) != thread.title
                saved = _("The title is changed.") if retitled else _("Your changes were saved.")
                messages.success(request, saved)
                return redirect("forum:thread", pk=thread.pk)
        status = 400
    context = {"thread": thread, "form": form, "history": history, "allowed": allowed}
    return render(request, "forum/title_form.html", context, status=status)
