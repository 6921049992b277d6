from forum.models.activity import MutedMember, Notification, ReadMarker, Subscription
from forum.models.areas import ProgramArea
from forum.models.attachments import Attachment
from forum.models.boards import Board
from forum.models.bookmarks import Bookmark
from forum.models.confidential import BoardCheck, CaseNumberPattern
from forum.models.consultations import Consultation, Message, Participant, Report
from forum.models.drafts import Draft
from forum.models.events import Event
from forum.models.holds import LegalHold
from forum.models.members import AllowedEmailDomain, Profile
from forum.models.moderation import (
    Flag,
    ModerationAction,
    ModerationSettings,
    Moderator,
)
from forum.models.passkeys import Passkey
from forum.models.posts import Post, PostRevision
from forum.models.reactions import Reaction
from forum.models.retention import RetentionPolicy
from forum.models.search import SearchEntry, SearchIndexState, SearchQueueItem
from forum.models.tags import Tag
from forum.models.threads import Thread, ThreadTitleRevision
from forum.models.translations import (
    MessageTranslation,
    PostTranslation,
    ThreadTitleTranslation,
)
from forum.models.work import RelayMessage, ScheduledJob

__all__ = [
    "AllowedEmailDomain",
    "Attachment",
    "Board",
    "BoardCheck",
    "Bookmark",
    "CaseNumberPattern",
    "Consultation",
    "Draft",
    "Event",
    "Flag",
    "LegalHold",
    "Message",
    "MessageTranslation",
    "ModerationAction",
    "ModerationSettings",
    "Moderator",
    "MutedMember",
    "Notification",
    "Participant",
    "Passkey",
    "Post",
    "PostRevision",
    "PostTranslation",
    "Profile",
    "ProgramArea",
    "Reaction",
    "ReadMarker",
    "RelayMessage",
    "Report",
    "RetentionPolicy",
    "ScheduledJob",
    "SearchEntry",
    "SearchIndexState",
    "SearchQueueItem",
    "Subscription",
    "Tag",
    "Thread",
    "ThreadTitleRevision",
    "ThreadTitleTranslation",
]
