"""A post's reactions: who gave which (to anyone who may read the post), and giving or taking
back one (members who may post, not on their own posts). Script on the thread page sends the
same form and reads the answer as JSON; without script this page is where the toggles lead."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from forum import limits
from forum.models import Post, Reaction
from forum.models.reactions import SYMBOLS
from forum.permissions import can_react
from forum.services.reactions import reactions_of, reactors, toggle_reaction
from forum.throttling import REACTIONS, RateLimited, throttle
from forum.views.helpers import post_url
from forum.views.posts import get_post


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_http_methods(["GET", "HEAD", "POST"])
def post_reactions(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post(request, pk)
    if post.is_deleted:  # a placeholder has nothing to react to, and shows no one's names
        raise Http404
    if request.method == "POST":
        return _toggle(request, post)
    return _page(request, post, ReactionForm())


@login_required
def _toggle(request: HttpRequest, post: Post) -> HttpResponse:
    form = ReactionForm(request.POST)
    status, retry_after = 400, 0
    if form.is_valid():
        try:
            throttle(request, REACTIONS)
            given = toggle_reaction(user=request.user, post=post, kind=form.cleaned_data["kind"])
        except RateLimited as refusal:
            form.add_error(None, str(refusal))
            status, retry_after = 429, refusal.retry_after
        except PermissionDenied as exc:
            form.add_error(None, str(exc) or _("You may not react to this post."))
            status = 403
        else:
            if _wants_json(request):  # toggle_reaction left the new counts on the post
                mine = reactions_of(request.user, [post.pk]).get(post.pk, [])
                answer = {"given": given, "reactions": post.reaction_counts, "mine": mine}
                return _private(JsonResponse(answer))
            label = Reaction.Kind(form.cleaned_data["kind"]).label
            text = _("You reacted “%s”.") if given else _("You took back “%s”.")
            messages.success(request, text % label)
            return redirect(post_url(post))
    if _wants_json(request):
        errors = [str(error) for errors in form.errors.values() for error in errors]
        response = _private(JsonResponse({"error": " ".join(errors)}, status=status))
    else:
        response = _page(request, post, form)
        response.status_code = status
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _page(request: HttpRequest, post: Post, form: ReactionForm) -> HttpResponse:
    user = request.user
    may_react = can_react(user, post)
    mine = set(reactions_of(user, [post.pk]).get(post.pk, [])) if may_react else set()
    given = reactors(post, limit=limits.REACTORS_SHOWN)
    kinds = [
        {
            "kind": kind,
            "label": label,
            "symbol": SYMBOLS[kind],
            "count": post.reaction_counts.get(kind, 0),
            "reactors": given.get(kind, []),
            "mine": kind in mine,
        }
        for kind, label in Reaction.Kind.choices
    ]
    context = {"post": post, "kinds": kinds, "may_react": may_react, "form": form}
    return _private(render(request, "forum/reactions.html", context))


__all__ = ["ReactionForm", "post_reactions"]
