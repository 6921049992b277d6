from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from forum.forms import EditPostForm
from forum.models import Post, PostRevision
from forum.models.members import public_name
from forum.permissions import (
    can_see_editor_names,
    can_see_history,
    can_see_redacted,
    check_delete_post,
    check_edit_post,
    check_see_post,
)
from forum.services.confidential import holds, rules_for
from forum.services.posting import EditConflict, delete_post, edit_post
from forum.views.helpers import AuthenticatedHttpRequest, post_url


def get_post(request: HttpRequest, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("thread__board__area", "author"), pk=pk)
    check_see_post(request.user, post)
    return post


def permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """/posts/N/ lands on the thread page that holds the post, scrolled to it."""
    return redirect(post_url(get_post(request, pk)))


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    post = get_post(request, pk)
    check_edit_post(request.user, post)
    initial = {
        "body": post.body_source,
        "language": post.language,
        "seen_edit_count": post.edit_count,
    }
    moderator_edit = post.author_id != request.user.pk
    # The author's new text is checked for confidential data (the form leaves the text it was
    # opened with alone); a moderator's edit is the review itself.
    check = None if moderator_edit else rules_for(post.thread.board)
    attaching = {"uploader": request.user, "post": post}
    form = EditPostForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        moderator_edit=moderator_edit,
        check=check,
        **attaching,
    )
    conflict = None
    valid = request.method == "POST" and form.is_valid()
    files = form.keep_files() if request.method == "POST" else []
    if valid:
        try:
            edit_post(
                editor=request.user,
                post=post,
                body=form.cleaned_data["body"],
                language=form.cleaned_data["language"],
                seen_edit_count=form.cleaned_data["seen_edit_count"],
                reason=form.cleaned_data.get("reason", ""),
                redact=form.cleaned_data.get("redact", False),
                attachments=files,
                confirmed=form.confirmed,
            )
        except EditConflict as exc:
            # Keep what this editor typed; show the other edit, and let them submit again.
            conflict = exc.post
            data = request.POST.copy()
            data["seen_edit_count"] = str(conflict.edit_count)
            data.setlist("attachments", [str(pk) for pk in files])
            form = EditPostForm(
                data, initial=initial, moderator_edit=moderator_edit, check=check, **attaching
            )
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else edited this post while you were writing. Their version is "
                    "shown below; your text is kept in the form. Save again to replace it."
                ),
            )
        else:
            messages.success(request, _("Your changes were saved."))
            if holds(form.confirmed):
                messages.info(request, _("The post waits for a moderator before it shows again."))
            return redirect(post_url(post, sent=form.cleaned_data["seen_edit_count"]))
    return render(
        request, "forum/edit_form.html", {"post": post, "form": form, "conflict": conflict}
    )


@login_required
def delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    post = get_post(request, pk)
    check_delete_post(request.user, post)
    if request.method == "POST":
        delete_post(actor=request.user, post=post)
        messages.success(request, _("The post was deleted."))
        return redirect(post_url(post))
    return render(request, "forum/delete_confirm.html", {"post": post})


@dataclass(frozen=True)
class Version:
    """An earlier version of a post as this reader may see it (the template decides nothing)."""

    number: int
    written_at: datetime
    language: str
    body_html: str
    replaced_by: str
    replaced_at: datetime
    redacted_by: str = ""  # for the board's moderators: who redacted it
    redacted_at: datetime | None = None


def _editor_name(revision: PostRevision, post: Post, names: bool) -> str:
    """The author's own edits name the author; a moderator's, "a moderator" unless ``names``."""
    if revision.edited_by_id == post.author_id or names:
        return public_name(revision.edited_by)
    return _("a moderator")


def _versions(user, post: Post) -> tuple[list[Version], list[datetime]]:
    """The earlier versions the user may read, newest first, and, in place of those redacted
    from them, when each redaction happened (newest first). Redacted text never leaves here
    for a reader who may not see it."""
    revisions = post.revisions.select_related(
        "edited_by__profile", "redaction__actor__profile"
    ).order_by("-number")
    see_redacted = can_see_redacted(user, post)
    names = can_see_editor_names(user, post)
    shown: list = []
    redactions: dict = {}
    for revision in revisions:
        redaction = revision.redaction
        if redaction is not None and not see_redacted:
            redactions.setdefault(redaction.pk, redaction.created_at)
            continue
        shown.append(
            Version(
                number=revision.number,
                written_at=revision.written_at,
                language=revision.language,
                body_html=revision.body_html,
                replaced_by=_editor_name(revision, post, names),
                replaced_at=revision.edited_at,
                redacted_by=public_name(redaction.actor) if redaction and redaction.actor else "",
                redacted_at=redaction.created_at if redaction else None,
            )
        )
    return shown, list(redactions.values())


def history(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post(request, pk)
    if not can_see_history(request.user, post):
        return redirect(post_url(post))
    versions, redactions = _versions(request.user, post)
    context = {"post": post, "versions": versions, "redactions": redactions}
    return render(request, "forum/history.html", context)
