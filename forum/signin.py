"""The second sign-in step: what the session holds between the password and the code, and the
middleware that keeps every session of a two-step member verified.

The password step does not sign in a member who has two-step sign-in on (forum/views/
accounts.py, LoginView): it writes down, in the still anonymous session, who passed it, with
when and where to go next, and asks for a code. Only the right code calls ``auth.login``. Until
then nothing treats them as signed in: no page, no admin, no WebSocket (channels reads the same
session, which holds no user). Signing in is therefore never half done.

``TwoFactorMiddleware`` is the second line, for sessions signed in some other way: the Wagtail
and Django admins' own sign-in forms, or a session opened before its member turned two-step
sign-in on. Such a session of a member who has an authenticator is ended and turned into the
same pending state, so the member is asked for a code and then lands where they were going.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from forum import limits
from forum.permissions import must_use_two_factor
from forum.services import two_factor
from forum.services.members import is_unconfirmed

PENDING = "forum_two_factor_pending"
# [user id, time]: this session's member had no authenticator at that time (one query per
# TWO_FACTOR_RECHECK_SECONDS, not one per request).
NO_DEVICE = "forum_two_factor_none"

# The moderation tools that REQUIRE_TWO_FACTOR_FOR_STAFF keeps behind enrolment, besides the
# two admins (ADMIN_PATH_PREFIXES). Flagging is every member's, so it is not here.
STAFF_TOOLS = frozenset(
    {
        "forum:moderation_review",
        "forum:moderation_review_post",
        "forum:moderation_verification",
        "forum:moderation_decide",
        "forum:moderation_member",
        "forum:moderation_log",
        "forum:moderate_thread",
        "forum:hide_post",
        "forum:restore_post",
    }
)
# Signing out of the admins stays possible for someone who has not enrolled yet.
ALWAYS_OPEN = frozenset(
    {"wagtailadmin_login", "wagtailadmin_logout", "admin:login", "admin:logout"}
)


@dataclass(frozen=True)
class PendingSignIn:
    user: User
    backend: str
    next_url: str
    failures: int


def session_gave_code(user) -> bool:
    """Did this session give a code (django-otp's OTPMiddleware answers on the user object)?"""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def start_second_step(request: HttpRequest, *, user, backend: str, next_url: str) -> HttpResponse:
    """The password was right: remember who passed it and ask for a code."""
    # A new session key, as auth.login gives, so a key planted before the password is useless.
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk,
        "backend": backend,
        # A password changed meanwhile (a reset from another browser) voids the pending step.
        "hash": user.get_session_auth_hash(),
        "next": next_url,
        "started": int(time.time()),
        "failures": 0,
    }
    return redirect("forum:two_factor_code")


def pending_sign_in(request: HttpRequest) -> PendingSignIn | None:
    """The sign-in waiting for its code in this session, unless it expired or was voided."""
    state = request.session.get(PENDING)
    if not isinstance(state, dict):
        return None
    try:
        age = time.time() - int(state["started"])
        user_id, backend, hash_ = state["user"], state["backend"], state["hash"]
        next_url, failures = str(state.get("next") or ""), int(state.get("failures", 0))
    except (KeyError, TypeError, ValueError):
        age = None
    if age is None or not 0 <= age <= limits.TWO_FACTOR_PENDING_SECONDS:
        clear_pending(request)
        return None
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if (
        user is None
        or backend not in settings.AUTHENTICATION_BACKENDS
        or not constant_time_compare(user.get_session_auth_hash(), hash_)
    ):
        clear_pending(request)
        return None
    return PendingSignIn(user=user, backend=backend, next_url=next_url, failures=failures)


def count_failure(request: HttpRequest) -> int:
    """One more wrong code for the pending sign-in; how many so far."""
    state = request.session[PENDING]
    state["failures"] = int(state.get("failures", 0)) + 1
    request.session.modified = True
    return state["failures"]


def clear_pending(request: HttpRequest) -> None:
    request.session.pop(PENDING, None)


def locked_out(request: HttpRequest, pending: PendingSignIn) -> bool:
    """django-axes locked the account (wrong passwords, codes and passkeys count together):
    the pending sign-in ends, whichever second step was on its way."""
    if AxesProxyHandler.is_locked(request, {"username": pending.user.get_username()}):
        clear_pending(request)
        return True
    return False


def second_step_failed(request: HttpRequest, pending: PendingSignIn) -> bool:
    """A wrong code or a refused passkey: django-axes counts it with the wrong passwords, and
    this sign-in with its own; True when that was one too many and the sign-in has ended."""
    credentials = {"username": pending.user.get_username()}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if count_failure(request) >= limits.TWO_FACTOR_FAILURES_PER_SIGN_IN:
        clear_pending(request)
        return True
    return False


def finish_sign_in(request: HttpRequest, pending: PendingSignIn, device) -> str:
    """The code was right: sign in, mark the session verified; where to go next (safe)."""
    clear_pending(request)
    auth.login(request, pending.user, backend=pending.backend)
    otp_login(request, device)
    return safe_next_url(request, pending.next_url)


def safe_next_url(request: HttpRequest, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def pending_account_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit's key for code attempts: the account being signed in to, whatever the
    address (the axes lock-out counts per address already)."""
    state = request.session.get(PENDING)
    if isinstance(state, dict) and state.get("user"):
        return f"account:{state['user']}"
    return f"address:{request.META.get('REMOTE_ADDR', '')}"


def has_device_now(request: HttpRequest, user) -> bool:
    """Does this signed-in member have an authenticator? Remembered a while when they don't."""
    mark = request.session.get(NO_DEVICE)
    if (
        isinstance(mark, list)
        and len(mark) == 2
        and mark[0] == user.pk
        and 0 <= time.time() - mark[1] < limits.TWO_FACTOR_RECHECK_SECONDS
    ):
        return False
    if two_factor.has_two_factor(user):
        return True
    request.session[NO_DEVICE] = [user.pk, int(time.time())]
    return False


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware and Django's MessageMiddleware (config/settings.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # No session cookie, no one signed in: visitors' requests never load a session here.
        signed_in_before = None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            if self._lacks_its_code(request, user):
                keep = request.get_full_path() if request.method in ("GET", "HEAD") else ""
                return self._ask_for_code(request, user, keep)
            signed_in_before = request.session.get(SESSION_KEY)

        response = self.get_response(request)

        # Signed in during this request: by the code step, or by one of the admins' own sign-in
        # forms, which know nothing of codes.
        session = getattr(request, "session", None)
        if session is None or not session.modified:
            return response
        signed_in = session.get(SESSION_KEY)
        if not signed_in or signed_in == signed_in_before:
            return response
        clear_pending(request)  # a half-done sign-in in this session is void now
        if self._lacks_its_code(request, request.user):
            redirected = response.status_code in (302, 303)
            return self._ask_for_code(
                request, request.user, response["Location"] if redirected else ""
            )
        return response

    @staticmethod
    def _lacks_its_code(request: HttpRequest, user) -> bool:
        """Signed in without a code, though the member has an authenticator."""
        # otp_device: set by OTPMiddleware from the session (None when no code was given or the
        # device is gone), or by django_otp.login in the code step; absent after other sign-ins.
        if not user.is_authenticated or getattr(user, "otp_device", None) is not None:
            return False
        return has_device_now(request, user)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        """REQUIRE_TWO_FACTOR_FOR_STAFF: roles without an authenticator enrol before their tools."""
        if not settings.REQUIRE_TWO_FACTOR_FOR_STAFF:
            return None
        match = request.resolver_match
        view_name = match.view_name if match else ""
        if view_name in ALWAYS_OPEN:
            return None
        if not (
            view_name in STAFF_TOOLS or request.path_info.startswith(settings.ADMIN_PATH_PREFIXES)
        ):
            return None
        user = request.user
        if not user.is_authenticated or session_gave_code(user) or not must_use_two_factor(user):
            return None
        messages.warning(
            request,
            _("Turn on two-step sign-in first: moderation and the admin need it for your role."),
        )
        return redirect("forum:two_factor")

    @staticmethod
    def _ask_for_code(request: HttpRequest, user, next_url: str) -> HttpResponse:
        backend = request.session.get(BACKEND_SESSION_KEY, "")
        user = get_user_model()._default_manager.get(pk=user.pk)  # the object, not the lazy one
        auth.logout(request)
        messages.info(request, _("Enter a code from your authenticator app to go on."))
        return start_second_step(request, user=user, backend=backend, next_url=next_url)


# --- Accounts never confirmed ----------------------------------------------------------------

# [user id, time]: this session's visitor signed in with the right password of an account whose
# address was never confirmed (forum.forms.SignInForm); they may have the link sent again.
UNCONFIRMED = "forum_unconfirmed_sign_in"


def remember_unconfirmed(request: HttpRequest, user) -> None:
    request.session[UNCONFIRMED] = [user.pk, int(time.time())]


def unconfirmed_sign_in(request: HttpRequest):
    """The never-confirmed account this session signed in to, lately; None otherwise."""
    mark = request.session.get(UNCONFIRMED)
    if not (isinstance(mark, list) and len(mark) == 2 and all(isinstance(v, int) for v in mark)):
        return None
    if not 0 <= time.time() - mark[1] <= limits.UNCONFIRMED_SIGN_IN_SECONDS:
        request.session.pop(UNCONFIRMED, None)
        return None
    user = get_user_model()._default_manager.filter(pk=mark[0], is_active=False).first()
    return user if user is not None and is_unconfirmed(user) else None


def unconfirmed_account_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit's key for sending the confirmation again: the account, from any address."""
    mark = request.session.get(UNCONFIRMED)
    if isinstance(mark, list) and mark:
        return f"account:{mark[0]}"
    return f"address:{request.META.get('REMOTE_ADDR', '')}"
