"""The header's membership answers: is this member waiting for verification, and how many
members wait for a site moderator. Each costs one small query, and only for those it concerns
(a signed-in member's profile is loaded once per request and reused by the page)."""

from django import template

from forum.permissions import awaits_verification, is_site_moderator
from forum.selectors import verification_queue

register = template.Library()


@register.simple_tag(takes_context=True)
def awaiting_verification(context) -> bool:
    """The signed-in member confirmed their address and waits for a site moderator."""
    user = context.get("user")
    return bool(user is not None and user.is_authenticated and awaits_verification(user))


@register.simple_tag(takes_context=True)
def members_waiting(context) -> int:
    """For a site moderator (they alone verify members): how many wait. 0 for anyone else."""
    user = context.get("user")
    if user is None or not user.is_authenticated or not is_site_moderator(user):
        return 0
    return verification_queue().order_by().count()
