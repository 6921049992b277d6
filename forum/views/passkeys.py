"""Passkeys on the two-step sign-in page and at sign-in (forum/services/passkeys.py; the
browser's side is forum/static/forum/passkeys.js). The ceremonies answer JSON; removing a
passkey is a form. Without script, the page says a passkey needs it, and codes still work."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forum import limits, signin
from forum.services import passkeys
from forum.throttling import CODE_ATTEMPTS, RateLimited, throttle, too_many_requests
from forum.views.accounts import follow_preferred_language
from forum.views.helpers import AuthenticatedHttpRequest


def _json(data: dict | str, status: int = 200) -> HttpResponse:
    if isinstance(data, str):  # options, already JSON
        response = HttpResponse(data, status=status, content_type="application/json")
    else:
        response = JsonResponse(data, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _refused(message: str, status: int = 400) -> HttpResponse:
    return _json({"error": message}, status)


def _body(request: HttpRequest) -> bytes:
    return request.body[: limits.PASSKEY_RESPONSE_MAX_BYTES + 1]


# --- Adding and removing (the two-step sign-in page) ------------------------------------------


def _adding(view: Callable[[AuthenticatedHttpRequest], HttpResponse]):
    """Signed in, POST, and from a session that gave its second step: only such a session may
    add another way to give it."""

    @never_cache
    @login_required
    @require_POST
    @wraps(view)
    def checked(request: AuthenticatedHttpRequest) -> HttpResponse:
        if not signin.session_gave_code(request.user):
            return _refused(_("Sign in again with your code first."), 403)
        return view(request)

    return checked


@_adding
def adding_options(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        return _json(passkeys.adding_options(request, request.user))
    except passkeys.TooMany:
        return _refused(
            _("You have %(count)d passkeys, the most there can be. Remove one to add another.")
            % {"count": limits.PASSKEYS_PER_MEMBER}
        )
    except passkeys.NotAllowed:
        return _refused(_("Turn on two-step sign-in with an authenticator app first."), 403)


@_adding
def add(request: AuthenticatedHttpRequest) -> HttpResponse:
    name = request.GET.get("name", "")
    try:
        key = passkeys.add(request, request.user, _body(request), name)
    except passkeys.TooMany:
        return _refused(_("Remove a passkey to add another."))
    except passkeys.NotAllowed:
        return _refused(_("Turn on two-step sign-in with an authenticator app first."), 403)
    except passkeys.Refused:
        return _refused(_("The passkey could not be added. Try again."))
    messages.success(request, _("The passkey “%(name)s” was added.") % {"name": key.name})
    return _json({"added": key.name}, 201)


@never_cache
@login_required
@require_POST
def remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if passkeys.remove(request.user, pk):
        messages.success(request, _("The passkey was removed."))
    else:
        messages.error(request, _("There is no such passkey."))
    return redirect("forum:two_factor")


# --- Signing in -------------------------------------------------------------------------------

ENDED = gettext_lazy("Too many failed attempts. Sign in again with your password.")


def _signing_in(view: Callable[[HttpRequest, signin.PendingSignIn], HttpResponse]):
    """POST, in a session whose password step passed and is waiting for its second."""

    @never_cache
    @require_POST
    @wraps(view)
    def checked(request: HttpRequest) -> HttpResponse:
        pending = signin.pending_sign_in(request)
        if pending is None:
            return _refused(_("Sign in with your password first."), 403)
        return view(request, pending)

    return checked


@_signing_in
def sign_in_options(request: HttpRequest, pending: signin.PendingSignIn) -> HttpResponse:
    try:
        return _json(passkeys.sign_in_options(request, pending.user))
    except passkeys.NotAllowed:
        return _refused(_("You have no passkey: use a code."))


@_signing_in
def sign_in(request: HttpRequest, pending: signin.PendingSignIn) -> HttpResponse:
    """The passkey's answer: signed in (JSON with where to go), or refused as a wrong code is."""
    if signin.locked_out(request, pending):
        return _refused(str(ENDED), 403)
    try:
        throttle(request, CODE_ATTEMPTS)  # with the codes tried for this account
    except RateLimited as refusal:
        return too_many_requests(_refused(str(refusal), 429), refusal)
    try:
        key = passkeys.verify_sign_in(request, pending.user, _body(request))
    except passkeys.Refused:
        if signin.second_step_failed(request, pending):
            return _refused(str(ENDED), 403)
        return _refused(_("That passkey did not sign you in. Try again, or use a code."))
    next_url = signin.finish_sign_in(request, pending, key)
    # As a code's sign-in does: to the member's preferred language, its cookie set.
    moved = follow_preferred_language(request, pending.user, redirect(next_url))
    answer = _json({"next": moved["Location"]})
    for cookie in moved.cookies.values():
        answer.cookies[cookie.key] = cookie
    return answer
