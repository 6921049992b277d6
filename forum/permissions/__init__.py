"""The one permission policy: every "may this user see/do X" question is answered here.

Views, consumers, search and feeds call these functions; nothing checks permissions by hand.
``can_*`` answer for templates, ``check_*`` raise (404 where existence must stay hidden,
403 where the user may see the thing but not do this), ``visible_*`` filter querysets.

Roles: a visitor (anonymous); a pending member (signed in, not yet verified) reads public
boards only and cannot post; a verified member reads public and members-only boards, and
group-restricted boards when in one of their groups, and posts where they read; a suspended
member reads as before but cannot post, edit or flag; an area moderator (a ``Moderator`` row)
reads and acts on the boards of their program areas; a site moderator (the ``forum.moderate``
permission, or a superuser) reads and acts everywhere, and alone verifies and suspends members.

The policy is a package by what is asked about: ``roles`` (members, verification, moderation
scopes), ``accounts``, ``boards``, ``threads`` (threads and posts), ``streams``, and
``actions``: what a page offers (``post_actions``, ``thread_actions``, ``why_posting_is_closed``),
which templates show through ``{% load forum_policy %}`` instead of deciding it themselves.
Every name is importable from ``forum.permissions`` itself.
"""

from forum.permissions.accounts import (
    EDITOR_ACCESS,
    can_delete_own_account,
    can_use_two_factor,
    check_delete_own_account,
    holds_a_role,
    must_use_two_factor,
)
from forum.permissions.actions import (
    PostActions,
    ThreadActions,
    new_post_actions,
    post_actions,
    thread_actions,
    why_posting_is_closed,
)
from forum.permissions.attachments import can_see_attachment, check_see_attachment
from forum.permissions.boards import (
    can_list_board,
    can_see_board,
    can_start_thread,
    can_watch,
    check_list_board,
    check_see_board,
    check_start_thread,
    listed_boards,
    readers_of_board,
    visible_boards,
    why_may_not_post,
)
from forum.permissions.roles import (
    MODERATE,
    Scope,
    User,
    awaits_verification,
    check_moderate_board,
    check_site_moderator,
    is_member,
    is_moderator,
    is_site_moderator,
    is_suspended,
    is_verified,
    may_post,
    moderates_area,
    moderates_board,
    moderation_scope,
    profile_of,
)
from forum.permissions.streams import stream_access
from forum.permissions.threads import (
    Standing,
    can_delete_post,
    can_edit_post,
    can_flag,
    can_react,
    can_redact_history,
    can_reply,
    can_retitle,
    can_see_editor_names,
    can_see_history,
    can_see_post,
    can_see_redacted,
    can_see_thread,
    check_accept,
    check_delete_post,
    check_edit_post,
    check_react,
    check_reply,
    check_retitle,
    check_see_post,
    check_see_thread,
    locked_message,
    posts_seen_alike,
    readable_threads_q,
    readers_of_thread,
    visible_posts,
)

__all__ = [
    "EDITOR_ACCESS",
    "MODERATE",
    "PostActions",
    "Scope",
    "Standing",
    "ThreadActions",
    "User",
    "awaits_verification",
    "can_delete_own_account",
    "can_delete_post",
    "can_edit_post",
    "can_flag",
    "can_list_board",
    "can_react",
    "can_redact_history",
    "can_reply",
    "can_retitle",
    "can_see_attachment",
    "can_see_board",
    "can_see_editor_names",
    "can_see_history",
    "can_see_post",
    "can_see_redacted",
    "can_see_thread",
    "can_start_thread",
    "can_use_two_factor",
    "can_watch",
    "check_accept",
    "check_delete_own_account",
    "check_delete_post",
    "check_edit_post",
    "check_list_board",
    "check_moderate_board",
    "check_react",
    "check_reply",
    "check_retitle",
    "check_see_attachment",
    "check_see_board",
    "check_see_post",
    "check_see_thread",
    "check_site_moderator",
    "check_start_thread",
    "holds_a_role",
    "is_member",
    "is_moderator",
    "is_site_moderator",
    "is_suspended",
    "is_verified",
    "listed_boards",
    "locked_message",
    "may_post",
    "moderates_area",
    "moderates_board",
    "moderation_scope",
    "must_use_two_factor",
    "new_post_actions",
    "post_actions",
    "posts_seen_alike",
    "profile_of",
    "readable_threads_q",
    "readers_of_board",
    "readers_of_thread",
    "stream_access",
    "thread_actions",
    "visible_boards",
    "visible_posts",
    "why_may_not_post",
    "why_posting_is_closed",
]
