"""How templates name a member: ``{{ post.author|member_name }}``."""

from django import template

from forum.models.members import public_name

register = template.Library()


@register.filter
def member_name(user) -> str:
    """The public name of a member, "Deleted member" once they deleted their account."""
    return public_name(user) if user is not None else ""
