"""The header's membership answers: is this member waiting for verification (one small query,
only for those it concerns: a signed-in member's profile is loaded once per request and reused
by the page); and the header's links of a signed-in member, drawn once for each state of them."""

import hashlib

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from forum import selectors
from forum.caching import drawn_with_csrf
from forum.permissions import awaits_verification, moderation_scope

register = template.Library()


@register.simple_tag(takes_context=True)
def awaiting_verification(context) -> bool:
    """The signed-in member confirmed their address and waits for a site moderator."""
    user = context.get("user")
    return bool(user is not None and user.is_authenticated and awaits_verification(user))


@register.simple_tag(takes_context=True)
def account_links(context) -> SafeString:
    """A signed-in member's header links (forum/_account_links.html): their name, unread
    notifications and, for moderators, the way to the queue with the members waiting. Drawn once
    per language and what they show; this request's CSRF token goes in the sign-out form."""
    request, user = context["request"], context["user"]
    moderates = bool(moderation_scope(user))
    state = {
        "name": user.get_username(),
        "unread": context.get("unread_notifications") or 0,
        "moderates": moderates,
        "waiting": selectors.request_members_waiting(request) if moderates else 0,
    }
    # Hashed: a name is the member's own text, and keys have a limit.
    parts = "|".join([get_language(), str(user.pk), *(str(value) for value in state.values())])
    key = f"forum:account-links:{hashlib.blake2b(parts.encode(), digest_size=12).hexdigest()}"

    def draw(csrf: str) -> str:
        return render_to_string("forum/_account_links.html", {**state, "csrf_token": csrf})

    # Drawn by the template; the token is Django's.
    return mark_safe(drawn_with_csrf(request, key, draw))  # noqa: S308
