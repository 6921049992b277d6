"""Whom to @mention: the members who may read the thread (or the board a thread is started in,
or the private consultation: its participants) whose user name or name begins with what was
typed (forum/static/forum/mentions.js asks).

A name is suggested only if that member may read where it would be posted, so the list says
nothing of who reads a board the writer cannot (the thread itself answers 404 to them, as its
page does), and a mention that would notify nobody is not offered.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from forum import limits
from forum.models import Board, Consultation, Participant, Thread
from forum.permissions import is_member, readers_of_board, readers_of_thread
from forum.permissions.consultations import can_write_consultation
from forum.throttling import MENTIONS, RateLimited, throttle, too_many_requests
from forum.views.boards import get_board
from forum.views.threads import get_thread


def _refused(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _suggest(request: HttpRequest, where: Thread | Board | Consultation) -> HttpResponse:
    if not is_member(request.user):
        return _refused(_("Sign in to mention members."), 403)
    typed = request.GET.get("q", "")
    typed = typed.strip().lstrip("@") if isinstance(typed, str) else ""
    if not typed or len(typed) > limits.MENTION_QUERY_MAX_LENGTH or not typed.isprintable():
        return _refused(_("Type the first letters of a name after @."), 400)
    try:
        throttle(request, MENTIONS)
    except RateLimited as refusal:
        return too_many_requests(_refused(str(refusal), 429), refusal)
    candidates = list(
        get_user_model()
        .objects.filter(
            Q(username__istartswith=typed) | Q(profile__display_name__istartswith=typed),
            is_active=True,
            profile__deleted_at__isnull=True,
        )
        .exclude(pk=request.user.pk)
        .order_by("username")
        .values_list("pk", "username", "profile__display_name")[: limits.MENTION_CANDIDATES]
    )
    ids = {pk for pk, _username, _name in candidates}
    if isinstance(where, Consultation):  # its participants alone read it
        readers = set(
            Participant.objects.filter(
                consultation=where, user_id__in=ids, left_at__isnull=True
            ).values_list("user_id", flat=True)
        )
    elif isinstance(where, Thread):
        readers = readers_of_thread(where, ids)
    else:
        readers = readers_of_board(where, ids)
    members = [
        {"username": username, "name": name or username}
        for pk, username, name in candidates
        if pk in readers
    ][: limits.MENTION_SUGGESTIONS]
    response = JsonResponse({"members": members})
    patch_cache_control(response, private=True, no_store=True)  # who reads a board
    return response


@require_GET
def thread_mentions(request: HttpRequest, pk: int) -> HttpResponse:
    return _suggest(request, get_thread(request, pk))


@require_GET
def board_mentions(request: HttpRequest, area: str, board: str) -> HttpResponse:
    return _suggest(request, get_board(request, area, board))


@require_GET
def consultation_mentions(request: HttpRequest, pk: int) -> HttpResponse:
    """A consultation's participants, to the participants (anyone else: not found)."""
    consultation = get_object_or_404(Consultation, pk=pk)
    if not can_write_consultation(request.user, consultation):
        raise Http404
    return _suggest(request, consultation)
