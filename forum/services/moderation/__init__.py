"""Moderation: flags, the review queue, acts on posts, threads and members, the audit log.

One module per what is acted on: ``posts`` (flags, approve and reject, hide and restore, a
moderator's edit), ``threads`` (lock, pin, move, split, merge), ``members`` (memberships,
warnings, suspensions, pictures); ``audit`` records every act and holds what they share. Which
new posts are held for review is ``forum.services.review``. Callers import from here.
"""

from forum.services.moderation.audit import ModerationError
from forum.services.moderation.members import (
    decide_membership,
    lift_suspension,
    remove_picture,
    suspend_member,
    warn_member,
)
from forum.services.moderation.posts import (
    FlagRateLimited,
    approve_post,
    flag_post,
    hide_post,
    record_moderator_edit,
    reject_post,
    restore_post,
)
from forum.services.moderation.threads import (
    lock_thread,
    merge_threads,
    move_thread,
    pin_thread,
    split_thread,
)
from forum.services.review import announce_held, needs_review

__all__ = [
    "FlagRateLimited",
    "ModerationError",
    "announce_held",
    "approve_post",
    "decide_membership",
    "flag_post",
    "hide_post",
    "lift_suspension",
    "lock_thread",
    "merge_threads",
    "move_thread",
    "needs_review",
    "pin_thread",
    "record_moderator_edit",
    "reject_post",
    "remove_picture",
    "restore_post",
    "split_thread",
    "suspend_member",
    "warn_member",
]
