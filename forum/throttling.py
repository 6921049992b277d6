"""Rate limits on requests: registrations, sign-ins, posts, searches and password checks
(numbers in forum/limits.py).

django-ratelimit counts each request in the shared cache (Redis with several processes), per
fixed window. A view calls ``throttle`` just before the work the limit protects, after its form
is valid, so a refused request can render the same form with what was typed and answer 429.
Flags (forum/services/moderation/posts.py) and socket messages (forum/realtime/consumers.py) have
limits of their own; failed sign-ins are django-axes' (config/settings.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage
from redis.exceptions import RedisError

from forum import limits

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    group: str  # requests in one group share one count
    key: str  # whose count: django-ratelimit's "ip", "user" or "user_or_ip"
    rate: Callable[[], tuple[int, int]]  # (requests, seconds), read from limits at each request
    message: Promise


REGISTRATION = Limit(
    "forum.register",
    "ip",
    lambda: (limits.REGISTRATIONS_PER_WINDOW, limits.REGISTRATION_WINDOW_SECONDS),
    _("Many accounts were registered from your network recently. Try again later."),
)
POSTING = Limit(
    "forum.post",
    "user",
    lambda: (limits.POSTS_PER_WINDOW, limits.POST_WINDOW_SECONDS),
    _(
        "You have posted many times in a short while. Wait a minute, then send again: "
        "your text is kept below."
    ),
)
SEARCH = Limit(
    "forum.search",
    "user_or_ip",
    lambda: (limits.SEARCHES_PER_WINDOW, limits.SEARCH_WINDOW_SECONDS),
    _("You have searched many times in a short while. Wait a minute, then search again."),
)
PREVIEW = Limit(
    "forum.preview",
    "user",
    lambda: (limits.PREVIEWS_PER_WINDOW, limits.PREVIEW_WINDOW_SECONDS),
    _("You have asked for many previews in a short while. Wait a minute: your text is kept."),
)
MENTIONS = Limit(
    "forum.mentions",
    "user",
    lambda: (limits.MENTIONS_PER_WINDOW, limits.MENTION_WINDOW_SECONDS),
    _("You have asked for many names in a short while. Wait a minute: your text is kept."),
)
DRAFTS = Limit(
    "forum.drafts",
    "user",
    lambda: (limits.DRAFT_SAVES_PER_WINDOW, limits.DRAFT_SAVE_WINDOW_SECONDS),
    _("Your draft was saved many times in a short while: it stays in this browser meanwhile."),
)
REACTIONS = Limit(
    "forum.reactions",
    "user",
    lambda: (limits.REACTIONS_PER_WINDOW, limits.REACTION_WINDOW_SECONDS),
    _("You have reacted many times in a short while. Wait a minute, then try again."),
)
SIGN_IN = Limit(
    "forum.sign-in",
    "ip",
    lambda: (limits.SIGN_INS_PER_WINDOW, limits.SIGN_IN_WINDOW_SECONDS),
    _("Many sign-ins were tried from your network recently. Try again in a few minutes."),
)
PASSWORD_CHECK = Limit(
    "forum.password-check",
    "user",
    lambda: (limits.PASSWORD_CHECKS_PER_WINDOW, limits.PASSWORD_CHECK_WINDOW_SECONDS),
    _("Your password was asked for many times in a short while. Try again in 15 minutes."),
)


class RateLimited(Exception):
    """Over a limit: ``str()`` is the message for the person; ``retry_after`` is in seconds."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def throttle(request: HttpRequest, limit: Limit) -> None:
    """Count this request against the limit; raise ``RateLimited`` when it goes over."""
    try:
        usage = get_usage(
            request, group=limit.group, key=limit.key, rate=limit.rate(), increment=True
        )
    except RedisError:
        # A brake, not a gate: with the cache down, posting and searching go on unlimited.
        logger.warning("Rate limit %s not counted: the cache does not answer", limit.group)
        return
    if usage is not None and usage["should_limit"]:
        raise RateLimited(str(limit.message), retry_after=max(usage["time_left"], 1))


# Codes tried for one account at its two-step sign-in, from any address (forum/signin.py).
CODE_ATTEMPTS = Limit(
    "forum.two_factor",
    "forum.signin.pending_account_key",
    lambda: (limits.TWO_FACTOR_CODES_PER_WINDOW, limits.TWO_FACTOR_CODE_WINDOW_SECONDS),
    _(
        "Many codes were tried for this account in a short while. Wait a few minutes, then "
        "sign in again."
    ),
)

# Confirmation links sent again to one account that never confirmed its address, whatever the
# address asking (forum/signin.py): a few mails to its owner at most.
CONFIRMATION_RESEND = Limit(
    "forum.confirmation-resend",
    "forum.signin.unconfirmed_account_key",
    lambda: (limits.CONFIRMATION_RESENDS_PER_WINDOW, limits.CONFIRMATION_RESEND_WINDOW_SECONDS),
    _("The link was sent several times already. Look for it in your mailbox, or try later."),
)


def refuse_over_limit(
    request: HttpRequest, limit: Limit, *, form, template: str, context: dict | None = None
) -> HttpResponse | None:
    """Count this request against ``limit``. Over it: ``template`` again with the bound
    ``form`` carrying the reason, answered 429 with Retry-After. None: go on.

    A form not validated yet stays unchecked (a password guess over the limit goes unanswered)
    but keeps what was typed; password fields are never sent back.
    """
    try:
        throttle(request, limit)
    except RateLimited as refusal:
        if not hasattr(form, "cleaned_data"):
            form._errors, form.cleaned_data = ErrorDict(), {}  # what add_error() expects
        form.add_error(None, str(refusal))
        response = render(request, template, {**(context or {}), "form": form})
        return too_many_requests(response, refusal)
    return None


def too_many_requests(response: HttpResponse, refusal: RateLimited) -> HttpResponse:
    """Mark a rendered page as the answer to a refused request: 429 with Retry-After."""
    response.status_code = 429
    response["Retry-After"] = str(refusal.retry_after)
    return response


# django-axes keeps the username of each failed sign-in in a 255-character column, as it was
# typed; Django's sign-in form does not check its length, so a longer one was a database error
# (a 500 on PostgreSQL; jazzband/django-axes#1381). No account has a name that long.
AXES_USERNAME_MAX_LENGTH = 255


def axes_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The username django-axes counts a failed sign-in under (AXES_USERNAME_CALLABLE): axes'
    own choice (the credentials, else the form), cut to the length of its column."""
    source = credentials or getattr(request, "data", request.POST)
    username = source.get("username")
    return username[:AXES_USERNAME_MAX_LENGTH] if isinstance(username, str) else username
