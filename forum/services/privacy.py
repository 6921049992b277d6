"""A member's own data: the export they download, and the deletion of their account.

Deletion anonymizes rather than removes (Discourse's default): the account row stays, renamed
and emptied, so the posts keep their place in threads that others replied to, and the
moderation log (append-only, an audit trail) keeps pointing at an account. What was personal
goes: names, addresses, the profile and its picture, the password, sessions, what they watched
and were told.
"""

from __future__ import annotations

import logging
import secrets
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from forum.links import absolute_url
from forum.models import (
    Bookmark,
    Draft,
    Event,
    Flag,
    ModerationAction,
    MutedMember,
    Notification,
    Participant,
    Post,
    PostRevision,
    Profile,
    ReadMarker,
    Subscription,
)
from forum.models.members import public_name
from forum.permissions import can_see_board, can_see_thread, check_delete_own_account
from forum.realtime import streams
from forum.realtime.accounts import close_sockets_of
from forum.search.documents import POST
from forum.search.queue import schedule
from forum.selectors import readable_notifications
from forum.services import attachments, two_factor
from forum.services.exports import kept_for_the_member
from forum.services.members import touch_pages_showing
from forum.uploads import delete_file_on_commit

logger = logging.getLogger(__name__)

EXPORT_FORMAT = "forum-member-data"
EXPORT_VERSION = 1
EVENT_BATCH = 500

# What the export holds of the profile: everything the member typed or was told about it. Who
# verified them (another member) is left out.
PROFILE_FIELDS = (
    *Profile.PERSONAL_FIELDS,
    "verification",
    "verified_at",
    "verification_note",
    "on_probation",
    "suspended_until",
    "suspension_reason",
    "last_seen_at",
    "previous_visit_at",
)
# The personal fields a deletion empties; the moderation state (verification, probation,
# suspension) stays, as the audit log refers to it.
CLEARED_PROFILE_FIELDS: dict[str, object] = dict.fromkeys(Profile.PERSONAL_FIELDS, "") | {
    "time_zone": "UTC",
    "email_notifications": False,
    "reply_level": 2,
    "digest": "off",
    "last_seen_at": None,  # when they came (forum/visits.py) goes with them
    "previous_visit_at": None,
    "shown_on_profile": [],
    "in_directory": False,
    "accepts_consultations": False,
}


# --- Export ---------------------------------------------------------------------------------


def export_member_data(*, member) -> dict:
    """Everything the forum holds that is the member's own, as JSON-ready data (dates as ISO)."""
    # One query per section whatever the number of rows: select_related, never a loop of
    # lookups. Other members appear only by the public name their posts show.
    profile = Profile.objects.filter(user=member).first()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _iso(timezone.now()),
        "account": {
            "username": member.get_username(),
            "email": member.email,
            "date_joined": _iso(member.date_joined),
            "last_login": _iso(member.last_login),
            "groups": sorted(member.groups.values_list("name", flat=True)),
        },
        "profile": _profile(profile) if profile else None,
        "posts": _posts(member),
        "revisions": _revisions(member),
        "subscriptions": _subscriptions(member),
        "muted_members": _muted_members(member),
        "read_positions": _read_positions(member),
        "notifications": _notifications(member),
        "flags": _flags(member),
        "moderation": _moderation(member),
        "two_step_sign_in": two_factor.export(member),
        **kept_for_the_member(member),
    }


def _profile(profile: Profile) -> dict:
    data = {name: _plain(getattr(profile, name)) for name in PROFILE_FIELDS}
    # A file is given by its address, where the member can download it.
    for name in Profile.PERSONAL_FILES:
        stored = getattr(profile, name)
        data[name] = absolute_url(stored.url) if stored else None
    return data


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _plain(value):
    return _iso(value) if hasattr(value, "isoformat") else value


def _posts(member) -> list[dict]:
    posts = Post.objects.filter(author=member).select_related("thread").order_by("created_at", "pk")
    return [
        {
            "id": post.pk,
            "thread_id": post.thread_id,
            "thread_title": post.thread.title,
            "position": post.position,
            "body_source": post.body_source,
            "language": post.language,
            "state": post.state,
            "created_at": _iso(post.created_at),
            "edited_at": _iso(post.edited_at),
        }
        for post in posts
    ]


def _revisions(member) -> list[dict]:
    # A version a moderator redacted is listed without its text, even to its author: the
    # redaction is a moderation act (it may name someone else), docs/decisions.md.
    revisions = (
        PostRevision.objects.filter(post__author=member)
        .select_related("redaction")
        .order_by("post_id", "number")
    )
    return [
        {
            "post_id": revision.post_id,
            "number": revision.number,
            "body_source": None if revision.redaction else revision.body_source,
            "language": revision.language,
            "written_at": _iso(revision.written_at),
            "replaced_at": _iso(revision.edited_at),
            # A moderator's edit says so, with the reason the member was told; not who.
            "replaced_by": "you" if revision.edited_by_id == member.pk else "moderator",
            "reason": revision.reason,
            "redacted_at": _iso(revision.redaction.created_at) if revision.redaction else None,
        }
        for revision in revisions
    ]


def _subscriptions(member) -> list[dict]:
    rows = Subscription.objects.filter(user=member).select_related("thread__board", "board", "area")
    # A title is given only while the member may still read it (a board lost since, a thread
    # held or moved: the row stays theirs, the title is not).
    return [
        {
            "thread_id": row.thread_id,
            "thread_title": row.thread.title
            if row.thread is not None and can_see_thread(member, row.thread)
            else None,
            "board_id": row.board_id,
            "board_name": row.board.name
            if row.board is not None and can_see_board(member, row.board)
            else None,
            "area_id": row.area_id,
            "area_name": row.area.name if row.area is not None else None,
            "level": Subscription.Level(row.level).label,
            "created_at": _iso(row.created_at),
        }
        for row in rows.order_by("created_at", "pk")
    ]


def _muted_members(member) -> list[dict]:
    rows = MutedMember.objects.filter(user=member).select_related("muted")
    return [
        {"username": row.muted.get_username(), "muted_at": _iso(row.created_at)}
        for row in rows.order_by("created_at", "pk")
    ]


def _read_positions(member) -> list[dict]:
    rows = ReadMarker.objects.filter(user=member).order_by("thread_id")
    return [
        {
            "thread_id": row.thread_id,
            "last_read_position": row.last_read_position,
            "updated_at": _iso(row.updated_at),
        }
        for row in rows
    ]


def _notifications(member) -> list[dict]:
    # The ones the notifications page lists: none naming what the member may no longer read.
    rows = readable_notifications(member).select_related(
        "actor__profile", "thread", "action__thread"
    )
    return [
        {
            "kind": row.kind,
            # What the notifications page shows: the poster's public name, never a moderator's.
            "actor": public_name(row.actor) if row.actor_id and not row.action_id else None,
            "thread_id": row.thread_id,
            "thread_title": row.thread.title if row.thread is not None else None,
            "post_id": row.post_id,
            "message": row.action.member_message() if row.action is not None else None,
            "reason": row.action.reason if row.action is not None else None,
            "created_at": _iso(row.created_at),
            "read_at": _iso(row.read_at),
        }
        for row in rows.order_by("created_at", "pk")
    ]


def _flags(member) -> list[dict]:
    rows = Flag.objects.filter(flagger=member).select_related("post__thread")
    return [
        {
            "post_id": row.post_id,
            "thread_title": row.post.thread.title,
            "reason": row.reason,
            "details": row.text,
            "created_at": _iso(row.created_at),
            "outcome": row.outcome,
            "resolved_at": _iso(row.resolved_at),
        }
        for row in rows.order_by("created_at", "pk")
    ]


def _moderation(member) -> list[dict]:
    """The log's entries about the member, as they were told them: the act and its reason."""
    # Whom an act concerns, as forum.services.moderation tells it: the member acted on, the
    # author of the post, or the author of the thread for an act on a whole thread.
    concerned = (
        Q(member=member) | Q(post__author=member) | Q(post__isnull=True, thread__author=member)
    )
    rows = ModerationAction.objects.filter(concerned).select_related("thread")
    return [
        {
            "action": row.kind,
            "message": row.member_message(),
            "reason": row.reason,
            "thread_id": row.thread_id,
            "post_id": row.post_id,
            "created_at": _iso(row.created_at),
        }
        for row in rows.order_by("created_at", "pk")
    ]


# --- Deletion -------------------------------------------------------------------------------


def delete_account(*, member) -> bool:
    """Anonymize the member's account in one transaction; their posts stay, by "Deleted member".
    Under a legal hold the account is closed instead (forum/services/holds.py) and anonymized
    once the hold is lifted. Whether it was anonymized."""
    from forum.services.holds import close_under_hold, member_is_held

    with transaction.atomic():
        member = get_user_model().objects.select_for_update().get(pk=member.pk)
        check_delete_own_account(member)
        if member_is_held(member):
            close_under_hold(member)
            return False
        anonymize(member)
    return True


def anonymize(member) -> None:
    """The anonymization itself, inside the caller's transaction (also holds.lift_hold's, for
    an account a hold kept)."""
    now = timezone.now()
    _forget_sign_ins(member.get_username())
    _anonymize_account(member, get_user_model())
    profile, _created = Profile.objects.select_for_update().get_or_create(user=member)
    for name, value in CLEARED_PROFILE_FIELDS.items():
        setattr(profile, name, value)
    for name in Profile.PERSONAL_FILES:
        stored = getattr(profile, name)
        if stored:
            delete_file_on_commit(stored.storage, stored.name)
        setattr(profile, name, "")
    profile.deleted_at = now
    profile.save()
    profile.expertise.clear()
    Subscription.objects.filter(user=member).delete()
    MutedMember.objects.filter(user=member).delete()
    two_factor.remove_devices(user=member)  # the authenticator's key and the backup codes
    Notification.objects.filter(recipient=member).delete()
    Draft.objects.filter(user=member).delete()  # unsent text, and the notes kept with posts
    attachments.delete_all_of(member)  # unsent files; those in posts stay with the posts
    Participant.objects.filter(user=member).update(left_at=now)  # their consultations
    Bookmark.objects.filter(user=member).delete()
    ReadMarker.objects.filter(user=member).delete()
    _forget_events(member)
    _end_sessions(member)
    post_ids = list(Post.objects.filter(author=member).values_list("pk", flat=True))
    schedule(POST, post_ids)
    touch_pages_showing(member=member, name=True)  # visitors' cached copies show the name
    close_sockets_of(member.pk)  # the tabs reconnect without the ended session
    # The id only: what an administrator needs to repeat the deletion after restoring an older
    # backup (docs/security.md).
    logger.info("account %s deleted by its member", member.pk)


def _anonymize_account(member, user_model) -> None:
    username = f"deleted-{member.pk}"
    if user_model.objects.filter(username=username).exclude(pk=member.pk).exists():
        username = f"{username}-{secrets.token_hex(4)}"  # someone registered the name itself
    member.username = username
    member.email = ""
    member.first_name = member.last_name = ""
    member.is_active = False  # ends the membership everywhere is_member() asks
    member.set_unusable_password()  # changes the session hash: every session of theirs ends
    member.save()
    member.groups.clear()
    member.user_permissions.clear()


def _forget_sign_ins(username: str) -> None:
    """django-axes keeps sign-in attempts (address, browser) by user name: theirs go too."""
    if not apps.is_installed("axes"):
        return
    for name in ("AccessAttempt", "AccessFailureLog", "AccessLog"):
        apps.get_model("axes", name).objects.filter(username=username).delete()


def _forget_events(member) -> None:
    """Live events keep no trace of the old name: their stream goes, replays carry no name."""
    Event.objects.filter(stream=streams.user(member.pk).name).delete()
    events = Event.objects.filter(payload__author_id=member.pk).only("pk", "payload")
    changed = []
    for event in events.iterator(chunk_size=EVENT_BATCH):
        if event.payload.get("author_name"):
            event.payload["author_name"] = ""  # live.js shows "Deleted member" for an empty name
            changed.append(event)
    Event.objects.bulk_update(changed, ["payload"], batch_size=EVENT_BATCH)


def _end_sessions(member) -> None:
    """Delete the member's stored sessions (the password change already voids every one)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):  # cache or cookie sessions: voided by the hash
        return
    model = store.get_model_class()
    theirs = [
        session.session_key
        for session in model.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(member.pk)
    ]
    for key in theirs:  # through the store: a cached copy goes with the row
        store(session_key=key).delete()
