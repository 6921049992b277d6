"""How templates name a member: ``{{ post.author|member_name }}`` and ``|member_username``."""

from django import template

from forum.models.members import public_name, public_username

register = template.Library()


@register.filter
def member_name(user) -> str:
    """The public name of a member, "Deleted member" once they deleted their account."""
    return public_name(user) if user else ""


@register.filter
def member_username(user) -> str:
    """The user name to @mention a member by; empty for a deleted member."""
    return public_username(user) if user else ""
