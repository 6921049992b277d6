"""Drafts on the server (forum/services/drafts.py): drafts.js saves what a member types into
the reply box or the new-thread form a moment after they stop, and asks for it when the form
comes up empty on another device. Answers are JSON; the drafts page lists them."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forum import limits
from forum.forms.fields import _no_control_characters
from forum.language import language_choices
from forum.models import Draft, Post
from forum.permissions import is_member
from forum.services.drafts import draft_for, drop_draft, readable_drafts, save_draft
from forum.templatetags.forum_dates import machine_time
from forum.throttling import DRAFTS, RateLimited, throttle
from forum.views.boards import get_board
from forum.views.helpers import int_param
from forum.views.threads import get_thread


class DraftForm(forms.Form):
    body = forms.CharField(required=False, strip=False, max_length=limits.BODY_MAX_LENGTH)
    title = forms.CharField(required=False, max_length=limits.TITLE_MAX_LENGTH)
    language = forms.CharField(required=False, max_length=10)
    # The post form's: a save arriving after the post it was typed for took the draft is moot.
    submission_token = forms.UUIDField(required=False)

    def clean_body(self) -> str:
        return _no_control_characters(self.cleaned_data["body"])

    def clean_title(self) -> str:
        return _no_control_characters(self.cleaned_data["title"])

    def clean_language(self) -> str:  # one the post form does not offer is "detect"
        language = self.cleaned_data["language"]
        offered = {code for _group, options in language_choices() for code, _name in options}
        return language if language in offered else ""


def _answer(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _shown(draft: Draft | None) -> dict:
    if draft is None:
        return {"draft": None}
    return {
        "draft": {
            "body": draft.body,
            "title": draft.title,
            "language": draft.language,
            "updated_at": machine_time(draft.updated_at),
        }
    }


def _draft(request: HttpRequest, **where) -> HttpResponse:
    if not is_member(request.user):
        message = _("Sign in again to keep your draft in your account: it stays in this browser.")
        return _answer({"error": message}, status=403)
    if request.method != "POST":
        return _answer(_shown(draft_for(user=request.user, **where)))
    form = DraftForm(request.POST)
    if not form.is_valid():
        errors = [str(error) for errors in form.errors.values() for error in errors]
        return _answer({"error": " ".join(errors)}, status=400)
    try:
        throttle(request, DRAFTS)
    except RateLimited as refusal:
        response = _answer({"error": str(refusal)}, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    fields = dict(form.cleaned_data)
    token = fields.pop("submission_token")
    if token and Post.objects.filter(author_id=request.user.pk, submission_token=token).exists():
        drop_draft(user=request.user, **where)
        return _answer(_shown(None))
    return _answer(_shown(save_draft(user=request.user, **fields, **where)))


@require_http_methods(["GET", "HEAD", "POST"])
def thread_draft(request: HttpRequest, pk: int) -> HttpResponse:
    return _draft(request, thread=get_thread(request, pk))


@require_http_methods(["GET", "HEAD", "POST"])
def board_draft(request: HttpRequest, area: str, board: str) -> HttpResponse:
    return _draft(request, board=get_board(request, area, board))


@login_required
def draft_list(request: HttpRequest) -> HttpResponse:
    """The member's drafts where they may still read, newest first."""
    paginator = Paginator(readable_drafts(request.user), limits.THREADS_PER_PAGE)
    page = paginator.get_page(int_param(request.GET.get("page")))
    response = render(request, "forum/drafts.html", {"page": page})
    patch_cache_control(response, private=True, no_store=True)
    return response


__all__ = ["DraftForm", "board_draft", "draft_list", "thread_draft"]
