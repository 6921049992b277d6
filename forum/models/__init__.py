from forum.models.activity import Notification, ReadMarker, Subscription
from forum.models.areas import ProgramArea
from forum.models.boards import Board
from forum.models.events import Event
from forum.models.members import AllowedEmailDomain, Profile
from forum.models.moderation import (
    Flag,
    ModerationAction,
    ModerationSettings,
    Moderator,
)
from forum.models.posts import Post, PostRevision
from forum.models.search import SearchEntry, SearchIndexState, SearchQueueItem
from forum.models.threads import Thread
from forum.models.translations import PostTranslation, ThreadTitleTranslation
from forum.models.work import RelayMessage, ScheduledJob

__all__ = [
    "AllowedEmailDomain",
    "Board",
    "Event",
    "Flag",
    "ModerationAction",
    "ModerationSettings",
    "Moderator",
    "Notification",
    "Post",
    "PostRevision",
    "PostTranslation",
    "Profile",
    "ProgramArea",
    "ReadMarker",
    "RelayMessage",
    "ScheduledJob",
    "SearchEntry",
    "SearchIndexState",
    "SearchQueueItem",
    "Subscription",
    "Thread",
    "ThreadTitleTranslation",
]
