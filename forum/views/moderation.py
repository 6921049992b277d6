"""Moderators' pages: the review and verification queues, acts on posts, threads and members,
and the log. Each act goes through forum.services.moderation; a refused act re-renders its form
with what the moderator typed and the reason it was refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from forum import limits
from forum.forms import (
    AuditFilterForm,
    FlagForm,
    MembershipDecisionForm,
    MergeForm,
    MoveForm,
    OptionalReasonForm,
    ReasonForm,
    SplitForm,
    SuspendForm,
)
from forum.models import Board, Post, Profile
from forum.permissions import (
    Scope,
    can_flag,
    check_moderate_board,
    check_site_moderator,
    is_site_moderator,
    moderation_scope,
)
from forum.queue_cache import review_queue_page
from forum.selectors import moderation_log, verification_queue
from forum.services import moderation as acts
from forum.views import moderation_rows as rows
from forum.views.helpers import AuthenticatedHttpRequest, id_param, post_url
from forum.views.posts import get_post
from forum.views.threads import get_thread


def _check_moderator(request: HttpRequest) -> Scope:
    """The moderator's scope; a 403 for anyone else."""
    scope = moderation_scope(request.user)
    if scope is None:
        raise PermissionDenied(_("This page is for moderators."))
    return scope


def _attempt(form, act: Callable[[], object]) -> bool:
    """Run the act; on a refusal, put the reason on the form (which keeps what was typed)."""
    try:
        act()
    except acts.FlagRateLimited as exc:
        form.add_error(None, str(exc))
        form.status = 429
        return False
    except acts.ModerationError as exc:
        form.add_error(None, str(exc))
        form.status = 409
        return False
    return True


def _status(*forms) -> int:
    for form in forms:
        if form is not None and form.errors:
            return getattr(form, "status", 400)
    return 200


# --- Queues ---------------------------------------------------------------------------------


@login_required
def review(request: HttpRequest) -> HttpResponse:
    """Held and flagged posts in the moderator's scope; live pages refresh the list fragment."""
    scope = _check_moderator(request)
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = ""
    area_id = id_param(request.GET.get("area", ""))
    page = review_queue_page(
        request.user, language=language, area_id=area_id, number=request.GET.get("page")
    )
    items = rows.queue_items(page)
    listed = {"page": page.page, "items": items, "query": _filters_query(request)}
    if "fragment" in request.GET:  # what the live page re-fetches: the list alone, which
        # needs nothing of the request (no context processors: the header is not in it)
        return HttpResponse(render_to_string("forum/moderation/_review_items.html", listed))
    context = {**listed, "filters": rows.review_filters(scope, language=language, area_id=area_id)}
    return render(request, "forum/moderation/review.html", context)


def _ids(selected: QuerySet) -> QuerySet:
    """A selector's rows as their ids, in its order: the page is chosen on this narrow query,
    then its rows are read by id (views/moderation_rows.py) — sorting whole rows cost more."""
    return selected.prefetch_related(None).values_list("pk", flat=True)


def _page_ids(page: Page) -> QuerySet:
    """The page's slice of _ids(): still a query, read as a subquery by moderation_rows."""
    return cast(QuerySet, page.object_list)


def _filters_query(request: HttpRequest) -> str:
    """The page's filters for its page links ("language=es&"): paging keeps them."""
    others = request.GET.copy()
    for name in ("page", "fragment"):
        others.pop(name, None)
    query = others.urlencode()
    return f"{query}&" if query else ""


@login_required
def review_post(request: AuthenticatedHttpRequest, pk: int, decision: str) -> HttpResponse:
    """Approve or reject one item of the review queue."""
    post = get_post(request, pk)
    check_moderate_board(request.user, post.thread.board)
    approve = decision == "approve"
    form_class = OptionalReasonForm if approve else ReasonForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = acts.approve_post if approve else acts.reject_post
        reason = form.cleaned_data["reason"]
        if _attempt(form, lambda: service(actor=request.user, post=post, reason=reason)):
            messages.success(request, _("Approved.") if approve else _("Rejected."))
            return redirect("forum:moderation_review")
    title = _("Approve post") if approve else _("Reject post")
    return _act_page(request, post, form, title)


def _act_page(request: HttpRequest, post: Post, form, title: str) -> HttpResponse:
    context = {"post": post, "form": form, "title": title}
    return render(request, "forum/moderation/act.html", context, status=_status(form))


# --- Posts ----------------------------------------------------------------------------------


@login_required
def post_visibility(request: AuthenticatedHttpRequest, pk: int, hide: bool) -> HttpResponse:
    post = get_post(request, pk)
    check_moderate_board(request.user, post.thread.board)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = acts.hide_post if hide else acts.restore_post
        reason = form.cleaned_data["reason"]
        if _attempt(form, lambda: service(actor=request.user, post=post, reason=reason)):
            messages.success(request, _("The post is hidden.") if hide else _("The post is back."))
            return redirect(post_url(post))
    return _act_page(request, post, form, _("Hide post") if hide else _("Restore post"))


@login_required
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post(request, pk)
    if not can_flag(request.user, post):
        raise PermissionDenied(_("You cannot flag this post."))
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def act():
            acts.flag_post(
                flagger=request.user, post=post, reason=data["reason"], text=data["text"]
            )

        if _attempt(form, act):
            messages.success(request, _("Thank you: the moderators will look at this post."))
            return redirect(post_url(post))
    return _act_page(request, post, form, _("Flag post"))


# --- Threads --------------------------------------------------------------------------------


@login_required
def thread_tools(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Lock, pin, move, merge or split a thread: one page, one form per act."""
    thread = get_thread(request, pk)
    check_moderate_board(request.user, thread.board)
    act = request.POST.get("act", "") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    # Where it may go: the boards this moderator moderates (all of which they can read).
    scope = _check_moderator(request)  # the board check above made them one
    targets = Board.objects.select_related("area").exclude(pk=thread.board_id)
    if scope.areas is not None:
        targets = targets.filter(area__in=scope.areas)
    replies = list(
        thread.posts.filter(position__gt=1).select_related("author").order_by("position")
    )
    forms = {
        "toggle": ReasonForm(data if act in TOGGLES else None, prefix="toggle"),
        "move": MoveForm(data if act == "move" else None, boards=targets, prefix="move"),
        "merge": MergeForm(data if act == "merge" else None, prefix="merge"),
        "split": SplitForm(data if act == "split" else None, replies=replies, prefix="split"),
    }
    form = forms["toggle" if act in TOGGLES else act] if act in (*TOGGLES, *forms) else None
    if form is not None and form.is_valid():
        clean = form.cleaned_data
        user = request.user
        run = {
            "lock": lambda: acts.lock_thread(actor=user, thread=thread, reason=clean["reason"]),
            "unlock": lambda: acts.lock_thread(
                actor=user, thread=thread, reason=clean["reason"], locked=False
            ),
            "pin": lambda: acts.pin_thread(actor=user, thread=thread, reason=clean["reason"]),
            "unpin": lambda: acts.pin_thread(
                actor=user, thread=thread, reason=clean["reason"], pinned=False
            ),
            "move": lambda: acts.move_thread(
                actor=user, thread=thread, board_id=clean["board"], reason=clean["reason"]
            ),
            "merge": lambda: acts.merge_threads(
                actor=user, source=thread, target_id=clean["target"], reason=clean["reason"]
            ),
            "split": lambda: acts.split_thread(
                actor=user,
                thread=thread,
                post_ids=clean["posts"],
                title=clean["title"],
                reason=clean["reason"],
            ),
        }[act]
        done: dict[str, Any] = {}
        if _attempt(form, lambda: done.setdefault("result", run())):
            messages.success(request, _("Done: the change is in the moderation log."))
            result = done["result"]
            target = result.pk if act in ("merge", "split") else thread.pk
            return redirect("forum:thread", pk=target)
    elif act and form is None:
        messages.error(request, _("Unknown action."))
    context = {"thread": thread, "forms": forms, "replies": replies}
    return render(request, "forum/moderation/thread.html", context, status=_status(*forms.values()))


TOGGLES = ("lock", "unlock", "pin", "unpin")


# --- Members --------------------------------------------------------------------------------


@login_required
def verification(request: HttpRequest) -> HttpResponse:
    check_site_moderator(request.user)
    page = Paginator(verification_queue(), limits.REVIEW_QUEUE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    fragment = "fragment" in request.GET  # what the live page re-fetches
    template = "_verification_items.html" if fragment else "verification.html"
    return render(request, f"forum/moderation/{template}", {"page": page})


@login_required
def decide_membership(request: HttpRequest, pk: int) -> HttpResponse:
    check_site_moderator(request.user)
    profile = get_object_or_404(Profile.objects.select_related("user"), user_id=pk)
    form = MembershipDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verified = form.cleaned_data["decision"] == "verify"

        def act():
            acts.decide_membership(
                actor=request.user,
                member=profile.user,
                verified=verified,
                reason=form.cleaned_data["reason"],
            )

        if _attempt(form, act):
            messages.success(request, _("Verified.") if verified else _("Rejected."))
            return redirect("forum:moderation_verification")
    context = {"profile": profile, "form": form}
    return render(request, "forum/moderation/decide.html", context, status=_status(form))


@login_required
def member_tools(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Warn (any moderator), suspend, lift or remove the picture (site moderators) of one member."""
    _check_moderator(request)
    member = get_object_or_404(get_user_model().objects.select_related("profile"), pk=pk)
    act = request.POST.get("act", "") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    forms = {
        "warn": ReasonForm(data if act == "warn" else None, prefix="warn"),
        "suspend": SuspendForm(data if act == "suspend" else None, prefix="suspend"),
        "lift": ReasonForm(data if act == "lift" else None, prefix="lift"),
        "picture": ReasonForm(data if act == "picture" else None, prefix="picture"),
    }
    form = forms.get(act)
    if form is not None and form.is_valid():
        clean, user = form.cleaned_data, request.user
        run = {
            "warn": lambda: acts.warn_member(actor=user, member=member, reason=clean["reason"]),
            "suspend": lambda: acts.suspend_member(
                actor=user, member=member, until=clean["until"], reason=clean["reason"]
            ),
            "lift": lambda: acts.lift_suspension(actor=user, member=member, reason=clean["reason"]),
            "picture": lambda: acts.remove_picture(
                actor=user, member=member, reason=clean["reason"]
            ),
        }[act]
        if _attempt(form, run):
            messages.success(request, _("Done: the change is in the moderation log."))
            return redirect("forum:moderation_member", pk=member.pk)
    history = _ids(moderation_log(request.user, {}).filter(member=member))[:20]
    context = {
        "member": member,
        "profile": getattr(member, "profile", None),
        "forms": forms,
        "history": rows.rendered(rows.LOG_ROW, rows.log_rows(history)),
        "site_moderator": is_site_moderator(request.user),
    }
    return render(request, "forum/moderation/member.html", context, status=_status(*forms.values()))


# --- The log --------------------------------------------------------------------------------


@login_required
def log(request: HttpRequest) -> HttpResponse:
    _check_moderator(request)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    selected = _ids(moderation_log(request.user, filters))
    page = Paginator(selected, limits.MODERATION_LOG_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "filters": rows.rendered_form(form),
        "page": page,
        "rows": rows.rendered(rows.LOG_ROW, rows.log_rows(_page_ids(page))),
        "query": _filters_query(request),
    }
    return render(request, "forum/moderation/log.html", context)
