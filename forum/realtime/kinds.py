"""Every kind of live event, in one place: its name on the wire and what it tells a page.

Writers name kinds through these constants (``kinds.POST_CREATED``), never as bare strings;
``forum/static/forum/live.js`` reads the same names from the page (``<body data-kinds>``,
rendered from ``KINDS``), and ``tests/forum/test_event_kinds.py`` fails when a kind has no
socket test or the module names a kind this registry does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    stream: str  # the stored stream it goes to: thread, board, consultation, user, moderation
    doc: str


# --- A thread's stream: its posts, and what happened to the thread itself ----------------------
POST_CREATED = "post.created"
POST_EDITED = "post.edited"
POST_DELETED = "post.deleted"
POST_HIDDEN = "post.hidden"
POST_RESTORED = "post.restored"
THREAD_SPLIT = "thread.split"
POST_TRANSLATED = "post.translated"
POST_REACTED = "post.reacted"

# --- A board's stream (and, for changes its readers must see, the thread's too) ---------------
THREAD_CREATED = "thread.created"
THREAD_UPDATED = "thread.updated"
THREAD_LOCKED = "thread.locked"
THREAD_UNLOCKED = "thread.unlocked"
THREAD_PINNED = "thread.pinned"
THREAD_UNPINNED = "thread.unpinned"
THREAD_MOVED = "thread.moved"
THREAD_MERGED = "thread.merged"
THREAD_SOLVED = "thread.solved"

# --- A member's own stream --------------------------------------------------------------------
NOTIFICATION_CREATED = "notification.created"
ACCOUNT_SUSPENDED = "account.suspended"
ACCOUNT_RESTORED = "account.restored"

# --- A private consultation's stream: a message arrived (ids only: the page fetches the list) --
CONSULTATION_MESSAGE = "consultation.message"

# --- The moderators' stream: queues changed (ids only, never text) ---------------------------
QUEUE_HELD = "queue.held"
QUEUE_FLAGGED = "queue.flagged"
QUEUE_MEMBER = "queue.member"
QUEUE_SETTLED = "queue.settled"

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in [
        Kind(POST_CREATED, "thread", "A post was published: appended, or counted as new."),
        Kind(POST_EDITED, "thread", "A post's text changed: its body is replaced."),
        Kind(POST_DELETED, "thread", "Its author or a moderator deleted a post: placeholder."),
        Kind(POST_HIDDEN, "thread", "A moderator hid a post: it leaves members' pages."),
        Kind(POST_RESTORED, "thread", "A moderator restored a hidden post: it comes back."),
        Kind(THREAD_SPLIT, "thread", "Posts were split off into a new thread: they leave."),
        Kind(POST_TRANSLATED, "thread", "A machine translation is ready: it replaces the note."),
        Kind(POST_REACTED, "thread", "A post's reactions changed: its counts are replaced."),
        Kind(THREAD_CREATED, "board", "A thread was started, or a held one approved."),
        Kind(THREAD_UPDATED, "board", "A thread's counts or last post changed."),
        Kind(THREAD_LOCKED, "board", "A moderator locked a thread: no new replies."),
        Kind(THREAD_UNLOCKED, "board", "A moderator unlocked a thread: replies again."),
        Kind(THREAD_PINNED, "board", "A moderator pinned a thread to the board's top."),
        Kind(THREAD_UNPINNED, "board", "A moderator unpinned a thread."),
        Kind(THREAD_MOVED, "board", "A thread left one board for another."),
        Kind(THREAD_MERGED, "board", "A thread's posts went into another thread."),
        Kind(THREAD_SOLVED, "board", "A question's answer was accepted, or taken back."),
        Kind(NOTIFICATION_CREATED, "user", "Something concerns the member: the badge counts."),
        Kind(ACCOUNT_SUSPENDED, "user", "The member was suspended: the reply form closes."),
        Kind(ACCOUNT_RESTORED, "user", "The suspension was lifted: the reply form opens."),
        Kind(
            CONSULTATION_MESSAGE,
            "consultation",
            "A message arrived in a private consultation: its open page fetches the list.",
        ),
        Kind(QUEUE_HELD, "moderation", "A post was held for review: the queue refreshes."),
        Kind(QUEUE_FLAGGED, "moderation", "A post was flagged: the queue refreshes."),
        Kind(QUEUE_MEMBER, "moderation", "A member waits for verification."),
        Kind(QUEUE_SETTLED, "moderation", "A queue item was decided: it leaves the queue."),
    ]
}


def check(name: str) -> str:
    """The kind's name, after making sure the registry holds it (publish_event calls this)."""
    if name not in KINDS:
        raise ValueError(f"unknown event kind {name!r}: add it to forum/realtime/kinds.py")
    return name
