"""Levels of following (watching, tracking, normal, muted) for threads, boards and program
areas, and muted members: the forms post here (forum/_follow_level.html, the profile page)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from forum.models import ProgramArea, Subscription
from forum.permissions import can_watch, is_member, visible_boards
from forum.services import following
from forum.views.boards import get_board
from forum.views.threads import get_thread

Level = Subscription.Level
SAVED = {
    Level.WATCHING: gettext_lazy("You are watching %(name)s: you are told of every post."),
    Level.TRACKING: gettext_lazy("You are tracking %(name)s: its threads count in Unread."),
    Level.NORMAL: gettext_lazy("%(name)s is back to normal: told only when mentioned or quoted."),
    Level.MUTED: gettext_lazy("You muted %(name)s: it is no longer listed or notified to you."),
}


def requested_level(request: HttpRequest) -> int | None:
    """The level the form sent (``level``, or the older ``watch`` 1/0); None for anything
    else."""
    value = request.POST.get("level", "")
    if not value and request.POST.get("watch") in ("0", "1"):
        return Level.WATCHING if request.POST["watch"] == "1" else Level.NORMAL
    try:
        level = int(value)
    except ValueError:
        return None
    return level if level in Level.values else None


def _apply(request: HttpRequest, allowed: bool, name: str, **target) -> None:
    level = requested_level(request)
    if level is None:
        messages.error(request, _("Choose one of the levels offered."))
    elif not allowed:
        messages.error(request, _("Only verified members who may read it can follow it."))
    else:
        following.set_level(user=request.user, level=level, **target)
        messages.success(request, str(SAVED[Level(level)]) % {"name": name})


@require_POST
@login_required
def follow_thread(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread(request, pk)
    allowed = can_watch(request.user, thread.board)
    _apply(request, allowed, _("this thread"), thread=thread)
    return redirect("forum:thread", pk=thread.pk)


@require_POST
@login_required
def follow_board(request: HttpRequest, area: str, board: str) -> HttpResponse:
    found = get_board(request, area, board)
    _apply(request, can_watch(request.user, found), _("this board"), board=found)
    return redirect("forum:board", area=found.area.slug, board=found.slug)


@require_POST
@login_required
def follow_area(request: HttpRequest, area: str) -> HttpResponse:
    found = get_object_or_404(ProgramArea, slug=area)
    readable = visible_boards(request.user).filter(area=found).order_by("position", "slug")
    first = readable.select_related("area").first()
    if first is None:
        raise Http404  # an area with nothing the member may read is not theirs to follow
    _apply(request, is_member(request.user), str(found.name), area=found)
    return redirect("forum:board", area=found.slug, board=first.slug)


@require_POST
@login_required
def mute_member(request: HttpRequest) -> HttpResponse:
    """Mute (``mute=1``) or unmute a member named by their user name."""
    username = request.POST.get("username", "").strip()[:150]
    member = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
    failed = True
    if member is None or getattr(getattr(member, "profile", None), "deleted_at", None):
        messages.error(request, _("No member has that user name."))
    elif request.POST.get("mute") == "0":
        following.unmute_member(user=request.user, member=member)
        failed = False
        messages.success(request, _("You unmuted %(name)s.") % {"name": member.get_username()})
    else:
        try:
            following.mute_member(user=request.user, member=member)
        except following.FollowingError as exc:
            messages.error(request, str(exc))
        else:
            failed = False
            name = member.get_username()
            messages.success(
                request,
                _("You muted %(name)s: their posts are folded away and they cannot notify you.")
                % {"name": name},
            )
    if failed:  # the name typed stays in the field, to be corrected
        return redirect(f"{reverse('forum:profile')}?{urlencode({'mute': username})}#muted")
    return redirect(f"{reverse('forum:profile')}#muted")
