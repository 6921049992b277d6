"""What a page offers: the actions a user may take on a post or in a thread, and why they may
not post. Templates show these answers (through forum/templatetags/forum_policy.py) and never
decide from ingredients (ids, roles, states) themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.utils.translation import gettext as _

from forum.models import Post, Thread
from forum.permissions.boards import can_watch, why_may_not_post
from forum.permissions.roles import User, is_member, is_suspended
from forum.permissions.threads import Standing, locked_message


@dataclass(frozen=True)
class PostActions:
    """The links a post's footer (and its header's "edited") offers this user."""

    quote: bool = False
    reply: bool = False
    edit: bool = False
    delete: bool = False
    flag: bool = False
    hide: bool = False
    restore: bool = False
    approve: bool = False
    member_tools: bool = False  # the moderators' page about the post's author
    history: bool = False  # the "edited" link to the post's versions
    bookmark: bool = False  # a member keeps it, with a note and a reminder
    react: bool = False  # helpful, thanks, agree (the counts show to every reader)
    accept: bool = False  # accept it as the question's answer (or take that back)

    def __or__(self, other: PostActions) -> PostActions:
        """What either of two posts offers: the live-post template holds both kinds of links."""
        return PostActions(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    @property
    def slots(self) -> str:
        """The offered links by the data-slot names of forum/_post.html, for live.js."""
        names = {"member_tools": "member", "history": "edited"}
        return " ".join(names.get(f.name, f.name) for f in fields(self) if getattr(self, f.name))


def post_actions(user: User, post: Post, standing: Standing | None = None) -> PostActions:
    """What this user may do with this post. A page passes one Standing for all its posts (of
    one thread), so that the answers cost no query per post."""
    standing = standing or Standing(user, post.thread)
    if post.thread_id != standing.thread.pk:
        raise ValueError("The standing is in another thread than the post.")
    if post.is_deleted or not standing.sees_post(post):
        return PostActions()  # a deleted post is a placeholder: no text to act on, no history
    moderates = standing.moderates
    replies = standing.may_reply()
    edits = standing.may_edit(post)
    return PostActions(
        quote=replies,
        reply=replies,
        edit=edits,
        delete=edits,  # can_delete_post is can_edit_post
        # A moderator hides a post instead of flagging it for the moderators.
        flag=standing.may_flag(post) and not moderates,
        hide=moderates and post.state == Post.State.PUBLISHED,
        restore=moderates and post.state == Post.State.HIDDEN,
        approve=moderates and post.state == Post.State.PENDING,
        member_tools=moderates,
        history=standing.sees_history(post),
        bookmark=is_member(user) and post.state == Post.State.PUBLISHED,
        react=standing.may_react(post),
        accept=standing.may_accept(post),
    )


def new_post_actions(
    user: User, thread: Thread, *, own: bool, standing: Standing | None = None
) -> PostActions:
    """What this user may do with a post published in this thread after the page was drawn,
    by themselves (own) or by someone else: live.js gives a post arriving live these links."""
    standing = standing or Standing(user, thread)
    # The owner's id, or one no account has (-1): a shared Standing's owner is nobody (0).
    author_id = standing.owner_pk if own and is_member(user) else -1
    return post_actions(
        user,
        Post(thread=thread, author_id=author_id, state=Post.State.PUBLISHED, position=2),
        standing,
    )


def _posting_closed(user: User, thread: Thread, standing: Standing) -> tuple[str, bool] | None:
    """Why the user may not reply, and whether signing in is the way; None where they may.
    A suspension is told first, then a lock, then what a visitor or a pending member lacks."""
    if standing.may_reply():
        return None
    if is_suspended(user):
        return why_may_not_post(user), False
    if thread.is_locked:
        return locked_message(), False
    if not is_member(user):
        return _("Sign in to reply."), True
    return why_may_not_post(user), False


def why_posting_is_closed(user: User, thread: Thread) -> str | None:
    """Why this user, a reader of the thread, may not reply in it, in their language; None when
    they may."""
    closed = _posting_closed(user, thread, Standing(user, thread))
    return closed[0] if closed else None


@dataclass(frozen=True)
class ThreadActions:
    """What a thread's page offers this user beside its posts."""

    reply: bool
    moderate: bool  # the thread's moderation page; their copy keeps posts hidden live
    watch: bool
    closed: str | None  # why_posting_is_closed
    sign_in: bool  # the closed notice links to the sign-in page


def thread_actions(user: User, thread: Thread, standing: Standing | None = None) -> ThreadActions:
    """The thread page's answers for this user."""
    standing = standing or Standing(user, thread)
    closed = _posting_closed(user, thread, standing)
    return ThreadActions(
        reply=standing.may_reply(),
        moderate=standing.moderates,
        watch=can_watch(user, thread.board),
        closed=closed[0] if closed else None,
        sign_in=bool(closed and closed[1]),
    )
