"""Acts on posts: flags, the review queue (approve, reject), hiding and restoring, and the
record of a moderator's edit of someone else's post."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits
from forum.machine_translation.service import translate_soon
from forum.models import (
    Flag,
    ModerationAction,
    ModerationSettings,
    Post,
    PostTranslation,
    Thread,
)
from forum.permissions import can_flag, check_moderate_board
from forum.realtime import kinds
from forum.realtime.events import post_event, thread_event
from forum.services.locking import lock_post
from forum.services.moderation.audit import (
    Kind,
    ModerationError,
    _locked_thread,
    _reason,
    _record,
)
from forum.services.notifications import notify_about_post
from forum.services.review import queue_moved
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


class FlagRateLimited(ModerationError):
    pass


def _touch(thread: Thread, *, replies: int = 0) -> None:
    """A change readers of the thread and its board see: move the cache keys, fix the count."""
    now = stamp()
    Thread.objects.filter(pk=thread.pk).update(
        changed_at=now, reply_count=F("reply_count") + replies
    )
    stamp(boards=[thread.board_id], at=now)


def _counts_as_reply(post: Post) -> bool:
    return post.position > 1


# --- Flags ----------------------------------------------------------------------------------


def flag_post(*, flagger: Member, post: Post, reason: str, text: str = "") -> Flag:
    """Flag a post for the moderators; enough open flags hide it until someone reviews it."""
    if reason not in Flag.Reason.values:
        raise ModerationError(_("Choose a reason for the flag."))
    text = text.strip()
    if reason == Flag.Reason.OTHER and not text:
        raise ModerationError(_("Say what is wrong with the post."))
    if len(text) > limits.REASON_MAX_LENGTH:
        raise ModerationError(
            _("Keep the reason under %(count)d characters.") % {"count": limits.REASON_MAX_LENGTH}
        )
    since = timezone.now() - timedelta(seconds=limits.FLAG_WINDOW_SECONDS)
    if Flag.objects.filter(flagger=flagger, created_at__gte=since).count() >= (
        limits.FLAGS_PER_WINDOW
    ):
        raise FlagRateLimited(
            _("You have flagged many posts in a short time. Try again in a few minutes.")
        )
    try:
        with transaction.atomic():
            current = lock_post(post)
            if not can_flag(flagger, current):
                raise PermissionDenied(_("You cannot flag this post."))
            flag = Flag.objects.create(post=current, flagger=flagger, reason=reason, text=text)
            threshold = ModerationSettings.load().flags_to_hide
            open_flags = current.flags.filter(outcome=Flag.Outcome.OPEN).count()
            if open_flags >= threshold and current.state == Post.State.PUBLISHED:
                reason = _("%(count)d members flagged this post.") % {"count": open_flags}
                _hidden_by_the_forum(current, reason=reason, notify=current.author)
            queue_moved(current, kinds.QUEUE_FLAGGED)
    except IntegrityError as exc:
        raise ModerationError(_("You have already flagged this post.")) from exc
    return flag


def _hidden_by_the_forum(post: Post, *, reason: str, notify: Member | None = None) -> None:
    """The forum hides a published post by itself (enough flags; an edit confirmed past the
    confidential-data check): the audit row has no actor."""
    _set_state(post, Post.State.HIDDEN)
    _record(
        Kind.AUTO_HIDE,
        actor=None,
        post=post,
        reason=reason,
        before={"state": Post.State.PUBLISHED},
        after={"state": Post.State.HIDDEN},
        notify=notify,
    )


def hide_for_check(post: Post, *, reason: str) -> None:
    """An edit its author confirmed past the confidential-data check: hidden until a moderator
    reviews it (in the editor's transaction, the post locked; its flag is already made)."""
    _hidden_by_the_forum(post, reason=reason)
    queue_moved(post, kinds.QUEUE_FLAGGED)


def _settle_flags(post: Post, *, actor: Member, outcome: str) -> int:
    return post.flags.filter(outcome=Flag.Outcome.OPEN).update(
        outcome=outcome, resolved_at=timezone.now(), resolved_by=actor
    )


def _set_state(post: Post, state: Post.State) -> None:
    """Change a post's state, keeping the thread's reply count and the live pages right."""
    from forum.services.answers import forget_answers  # answers records through this package

    was_shown = post.state == Post.State.PUBLISHED
    post.state = state
    post.save(update_fields=["state"])
    if state != Post.State.PUBLISHED:
        forget_answers([post.pk])
    shown = state == Post.State.PUBLISHED
    delta = (int(shown) - int(was_shown)) if _counts_as_reply(post) else 0
    _touch(post.thread, replies=delta)
    kind = {Post.State.HIDDEN: kinds.POST_HIDDEN, Post.State.PUBLISHED: kinds.POST_RESTORED}[state]
    post_event(post, kind)
    post.thread.refresh_from_db()
    thread_event(post.thread, kinds.THREAD_UPDATED)


# --- The review queue: held and flagged posts ------------------------------------------------
# (Which new posts are held is the review rule: forum/services/review.py.)


def approve_post(*, actor: Member, post: Post, reason: str = "") -> Post:
    """The post is fine: publish a held post, or keep (restore) a flagged one; flags dismissed."""
    reason = _reason(reason, required=False)
    with transaction.atomic():
        current = lock_post(post)
        check_moderate_board(actor, current.thread.board)
        open_flags = current.flags.filter(outcome=Flag.Outcome.OPEN).exists()
        before_state = current.state
        if current.state == Post.State.PENDING:
            _publish_held(current)
        elif open_flags and current.state in (Post.State.PUBLISHED, Post.State.HIDDEN):
            if current.state == Post.State.HIDDEN:
                _set_state(current, Post.State.PUBLISHED)
        else:
            raise ModerationError(_("This post is no longer waiting for review."))
        _settle_flags(current, actor=actor, outcome=Flag.Outcome.DISMISSED)
        _record(
            Kind.APPROVE,
            actor=actor,
            post=current,
            reason=reason,
            before={"state": before_state},
            after={"state": current.state},
            notify=current.author,
        )
        _queue_settled(current)
    return current


def _publish_held(post: Post) -> None:
    """A held post goes live now: counters, the board, notifications and events follow."""
    post.state = Post.State.PUBLISHED
    post.save(update_fields=["state"])
    thread = _locked_thread(post.thread)
    if post.position == 1:
        thread.held = False
    else:
        thread.reply_count += 1
        if post.created_at >= thread.last_post_at:
            thread.last_post_at, thread.last_poster_id = post.created_at, post.author_id
    thread.changed_at = stamp()
    thread.save(update_fields=["held", "reply_count", "last_post_at", "last_poster", "changed_at"])
    stamp(boards=[thread.board_id], at=thread.changed_at)
    post.thread = thread
    notify_about_post(post, new_thread=post.position == 1)
    translate_soon(post)
    if post.position == 1:
        thread_event(thread, kinds.THREAD_CREATED)
    else:
        post_event(post, kinds.POST_CREATED)
        thread_event(thread, kinds.THREAD_UPDATED)


def _queue_settled(post: Post) -> None:
    queue_moved(post, kinds.QUEUE_SETTLED)


def reject_post(*, actor: Member, post: Post, reason: str) -> Post:
    """The post goes: a held post is never published, a flagged one is hidden; flags upheld."""
    reason = _reason(reason)
    with transaction.atomic():
        current = lock_post(post)
        check_moderate_board(actor, current.thread.board)
        open_flags = current.flags.filter(outcome=Flag.Outcome.OPEN).exists()
        before = current.state
        if current.state == Post.State.PENDING:
            current.state = Post.State.HIDDEN
            current.save(update_fields=["state"])
            _touch(current.thread)  # its author and the moderators see it hidden now
        elif open_flags and current.state == Post.State.PUBLISHED:
            _set_state(current, Post.State.HIDDEN)
        elif not (open_flags and current.state == Post.State.HIDDEN):
            raise ModerationError(_("This post is no longer waiting for review."))
        _settle_flags(current, actor=actor, outcome=Flag.Outcome.UPHELD)
        _record(
            Kind.REJECT,
            actor=actor,
            post=current,
            reason=reason,
            before={"state": before},
            after={"state": current.state},
            notify=current.author,
        )
        _queue_settled(current)
    return current


# --- Posts ------------------------------------------------------------------------------------


def hide_post(*, actor: Member, post: Post, reason: str) -> Post:
    """Hide a published post: members see a placeholder, moderators still see the text."""
    reason = _reason(reason)
    with transaction.atomic():
        current = lock_post(post)
        check_moderate_board(actor, current.thread.board)
        if current.state != Post.State.PUBLISHED:
            raise ModerationError(_("Only a published post can be hidden; this one is not."))
        _set_state(current, Post.State.HIDDEN)
        if _settle_flags(current, actor=actor, outcome=Flag.Outcome.UPHELD):
            _queue_settled(current)
        _record(
            Kind.HIDE,
            actor=actor,
            post=current,
            reason=reason,
            before={"state": Post.State.PUBLISHED},
            after={"state": Post.State.HIDDEN},
            notify=current.author,
        )
    return current


def restore_post(*, actor: Member, post: Post, reason: str) -> Post:
    reason = _reason(reason)
    with transaction.atomic():
        current = lock_post(post)
        check_moderate_board(actor, current.thread.board)
        if current.state != Post.State.HIDDEN:
            raise ModerationError(_("This post is not hidden."))
        if current.position == 1 and current.thread.held:
            raise ModerationError(_("This thread awaits review: approve it from the queue."))
        _set_state(current, Post.State.PUBLISHED)
        if _settle_flags(current, actor=actor, outcome=Flag.Outcome.DISMISSED):
            _queue_settled(current)
        _record(
            Kind.RESTORE,
            actor=actor,
            post=current,
            reason=reason,
            before={"state": Post.State.HIDDEN},
            after={"state": Post.State.PUBLISHED},
            notify=current.author,
        )
    return current


def record_moderator_edit(
    *, editor: Member, post: Post, previous_source: str, reason: str, redact: bool = False
) -> ModerationAction:
    """A moderator changed someone else's post (called inside edit_post's transaction).

    With ``redact``, the post's earlier versions not redacted yet are redacted by this act:
    they point at its audit row, which names them (their text stays in the revisions, for the
    board's moderators and the log) and keeps the text just replaced.
    """
    after: dict[str, str | list[int]] = {"body": post.body_source}
    if redact:
        unredacted = post.revisions.filter(redaction__isnull=True)
        after["redacted_revisions"] = list(unredacted.values_list("number", flat=True))
    action = _record(
        Kind.EDIT,
        actor=editor,
        post=post,
        reason=reason,
        before={"body": previous_source},
        after=after,
        notify=post.author,
    )
    if redact:
        post.revisions.filter(number__in=after["redacted_revisions"]).update(redaction=action)
        # Machine translations of the redacted versions would carry the redacted words.
        PostTranslation.objects.filter(post=post, revision__lt=post.edit_count).delete()
    return action
