"""The policy's answers for templates (forum/permissions/actions.py): what the viewer may do
with a post and in a thread, and why they may not post. Templates show these answers and never
compare ids, roles or states themselves:

    {% post_actions post as may %}{% if may.edit %}...{% endif %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context

from forum import permissions
from forum.models import Post, Thread
from forum.permissions import PostActions, Standing, ThreadActions, User, can_keep_records

register = template.Library()


def _standing(context: Context, thread: Thread) -> Standing:
    """One Standing per thread for the whole page, so that its posts cost no query each.

    Each post is an include with a render context of its own; the outermost one (dicts[0])
    lasts as long as the page's rendering, and no longer. A part drawn for every reader with
    the same standing (forum/fragments.py) gives its own as ``forum_standing``.
    """
    given = context.get("forum_standing")
    if isinstance(given, Standing) and given.thread.pk == thread.pk:
        return given
    # The stubs type the render context's values as str; tags keep any object there.
    outermost: dict[Any, Any] = context.render_context.dicts[0]
    standings: dict[int, Standing] = outermost.setdefault("forum_policy.standings", {})
    if thread.pk not in standings:
        standings[thread.pk] = Standing(context["user"], thread)
    return standings[thread.pk]


@register.simple_tag(takes_context=True)
def post_actions(context: Context, post: Post) -> PostActions:
    """What the viewer may do with this post."""
    return permissions.post_actions(context["user"], post, _standing(context, post.thread))


@register.simple_tag(takes_context=True)
def new_post_actions(context: Context, thread: Thread, own: bool) -> PostActions:
    """What the viewer may do with a post published live in this thread, theirs or not."""
    standing = _standing(context, thread)
    return permissions.new_post_actions(context["user"], thread, own=own, standing=standing)


@register.simple_tag(takes_context=True)
def live_post_actions(context: Context, thread: Thread) -> PostActions:
    """The links the live-post template holds: those of a new post, the viewer's or another's
    (live.js keeps the ones new_post_actions gives the post that arrives)."""
    return new_post_actions(context, thread, True) | new_post_actions(context, thread, False)


@register.simple_tag(takes_context=True)
def thread_actions(context: Context, thread: Thread) -> ThreadActions:
    """What the thread's page offers the viewer beside its posts, and why they may not post."""
    return permissions.thread_actions(context["user"], thread, _standing(context, thread))


@register.filter
def keeps_records(user: User) -> bool:
    """``{% if user|keeps_records %}``: the audit export, legal holds and retention."""
    return can_keep_records(user)
