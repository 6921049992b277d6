"""Accepting a reply as its question's answer (the question's author, the board's
moderators), or taking the acceptance back: a page that asks, and the act."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from forum.permissions import check_accept
from forum.services.answers import accept_answer
from forum.services.moderation import ModerationError
from forum.views.helpers import AuthenticatedHttpRequest, post_url
from forum.views.posts import get_post


@login_required
def accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    post = get_post(request, pk)
    thread = post.thread
    accepted = thread.accepted_answer_id == post.pk
    error, status = "", 200
    try:
        check_accept(request.user, post)
    except PermissionDenied as exc:
        error, status = str(exc), 403
    if request.method == "POST" and not error:
        try:
            accept_answer(actor=request.user, post=post, accept=not request.POST.get("undo"))
        except ModerationError as exc:  # done meanwhile by someone else, or undone
            error, status = str(exc), 409
        else:
            if request.POST.get("undo"):
                messages.success(request, _("The answer is no longer accepted."))
            else:
                messages.success(request, _("The reply is accepted as the answer."))
            return redirect(post_url(post))
    context = {"post": post, "thread": thread, "accepted": accepted, "error": error}
    return render(request, "forum/accept_form.html", context, status=status)


__all__ = ["accept"]
