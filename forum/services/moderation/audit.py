"""Moderation: flags, the review queue, acts on posts, threads and members, the audit log.

Every act is one transaction: it locks the row it changes, checks that the change still
applies (two moderators acting on one item at once: the second is told it was done already),
writes the change, one ``ModerationAction`` row, the notification of the member concerned,
and the events live pages and queues need. Scope is checked here as well as in the views.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits
from forum.ids import row_id
from forum.models import (
    Board,
    Flag,
    ModerationAction,
    ModerationSettings,
    Notification,
    Post,
    Profile,
    ReadMarker,
    Subscription,
    Thread,
)
from forum.permissions import (
    can_flag,
    check_moderate_board,
    check_site_moderator,
    is_moderator,
    moderates_board,
    profile_of,
)
from forum.realtime import streams
from forum.realtime.events import (
    announce_access_change,
    post_event,
    publish_event,
    queue_event,
    thread_event,
)
from forum.search import queue as search_queue
from forum.search.documents import POST
from forum.services.locking import lock_post
from forum.services.members import touch_pages_showing
from forum.services.notifications import notify_about_post, notify_moderation
from forum.uploads import delete_file_on_commit

Kind = ModerationAction.Kind


class ModerationError(Exception):
    """The act does not apply (done already, bad target, ...): nothing was changed."""


class FlagRateLimited(ModerationError):
    pass


def _reason(reason: str, *, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ModerationError(_("Give a reason: the member concerned is told it."))
    if len(reason) > limits.REASON_MAX_LENGTH:
        raise ModerationError(
            _("Keep the reason under %(count)d characters.") % {"count": limits.REASON_MAX_LENGTH}
        )
    return reason


def _record(
    kind: str,
    *,
    actor,
    reason: str,
    post: Post | None = None,
    thread: Thread | None = None,
    member=None,
    board: Board | None = None,
    before: dict | None = None,
    after: dict | None = None,
    notify=None,
) -> ModerationAction:
    """Append the audit row; tell ``notify`` (a member) about it, with the reason."""
    if thread is None and post is not None:
        thread = post.thread
    if board is None and thread is not None:
        board = thread.board
    action = ModerationAction.objects.create(
        actor=actor,
        kind=kind,
        member=member,
        post=post,
        thread=thread,
        board=board,
        area_id=board.area_id if board else None,
        reason=reason,
        before=before or {},
        after=after or {},
    )
    if notify is not None and (actor is None or notify.pk != actor.pk):
        notify_moderation(action, recipient=notify)
    return action


def _locked_thread(thread: Thread) -> Thread:
    return Thread.objects.select_for_update(of=("self",)).select_related("board").get(pk=thread.pk)


def _touch(thread: Thread, *, replies: int = 0) -> None:
    """A change readers of the thread and its board see: move the cache keys, fix the count."""
    now = timezone.now()
    Thread.objects.filter(pk=thread.pk).update(
        changed_at=now, reply_count=F("reply_count") + replies
    )
    Board.objects.filter(pk=thread.board_id).update(changed_at=now)


def _counts_as_reply(post: Post) -> bool:
    return post.position > 1


# --- Flags ----------------------------------------------------------------------------------


def flag_post(*, flagger, post: Post, reason: str, text: str = "") -> Flag:
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
    since = timezone.now() - timezone.timedelta(seconds=limits.FLAG_WINDOW_SECONDS)
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
                _set_state(current, Post.State.HIDDEN)
                _record(
                    Kind.AUTO_HIDE,
                    actor=None,
                    post=current,
                    reason=_("%(count)d members flagged this post.") % {"count": open_flags},
                    before={"state": Post.State.PUBLISHED},
                    after={"state": Post.State.HIDDEN},
                    notify=current.author,
                )
            queue_event(
                area_id=current.thread.board.area_id,
                kind="queue.flagged",
                language=current.language,
                post_id=current.pk,
            )
    except IntegrityError as exc:
        raise ModerationError(_("You have already flagged this post.")) from exc
    return flag


def _settle_flags(post: Post, *, actor, outcome: str) -> int:
    return post.flags.filter(outcome=Flag.Outcome.OPEN).update(
        outcome=outcome, resolved_at=timezone.now(), resolved_by=actor
    )


def _set_state(post: Post, state: str) -> None:
    """Change a post's state, keeping the thread's reply count and the live pages right."""
    was_shown = post.state == Post.State.PUBLISHED
    post.state = state
    post.save(update_fields=["state"])
    shown = state == Post.State.PUBLISHED
    delta = (int(shown) - int(was_shown)) if _counts_as_reply(post) else 0
    _touch(post.thread, replies=delta)
    kind = {Post.State.HIDDEN: "post.hidden", Post.State.PUBLISHED: "post.restored"}[state]
    post_event(post, kind)
    post.thread.refresh_from_db()
    thread_event(post.thread, "thread.updated")


# --- The review queue: held and flagged posts ------------------------------------------------


def needs_review(author, board: Board) -> bool:
    """Is a new post by this author held for a moderator? (probation, or one of their first N)"""
    if moderates_board(author, board):
        return False
    profile = profile_of(author)
    if profile and profile.on_probation:
        return True
    first_posts = ModerationSettings.load().review_first_posts
    if not first_posts:
        return False
    published = Post.objects.filter(author=author, state=Post.State.PUBLISHED)
    return published.count() < first_posts


def announce_held(post: Post) -> None:
    """A new post waits in the queue: tell the area's moderators (in the writer's transaction)."""
    queue_event(
        area_id=post.thread.board.area_id,
        kind="queue.held",
        language=post.language,
        post_id=post.pk,
    )


def approve_post(*, actor, post: Post, reason: str = "") -> Post:
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
    now = timezone.now()
    if post.position == 1:
        thread.held = False
    else:
        thread.reply_count += 1
        if post.created_at >= thread.last_post_at:
            thread.last_post_at, thread.last_poster_id = post.created_at, post.author_id
    thread.changed_at = now
    thread.save(update_fields=["held", "reply_count", "last_post_at", "last_poster", "changed_at"])
    Board.objects.filter(pk=thread.board_id).update(changed_at=now)
    post.thread = thread
    notify_about_post(post, new_thread=post.position == 1)
    if post.position == 1:
        thread_event(thread, "thread.created")
    else:
        post_event(post, "post.created")
        thread_event(thread, "thread.updated")


def _queue_settled(post: Post) -> None:
    queue_event(
        area_id=post.thread.board.area_id,
        kind="queue.settled",
        language=post.language,
        post_id=post.pk,
    )


def reject_post(*, actor, post: Post, reason: str) -> Post:
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


def hide_post(*, actor, post: Post, reason: str) -> Post:
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


def restore_post(*, actor, post: Post, reason: str) -> Post:
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
    *, editor, post: Post, previous_source: str, reason: str, redact: bool = False
) -> ModerationAction:
    """A moderator changed someone else's post (called inside edit_post's transaction).

    With ``redact``, the post's earlier versions not redacted yet are redacted by this act:
    they point at its audit row, which names them (their text stays in the revisions, for the
    board's moderators and the log) and keeps the text just replaced.
    """
    after = {"body": post.body_source}
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
    return action


# --- Threads ----------------------------------------------------------------------------------


def _toggle(*, actor, thread: Thread, field: str, value: bool, kind: str, reason: str) -> Thread:
    with transaction.atomic():
        current = _locked_thread(thread)
        check_moderate_board(actor, current.board)
        if getattr(current, field) == value:
            raise ModerationError(_("Someone already did this: nothing changed."))
        setattr(current, field, value)
        current.changed_at = timezone.now()
        current.save(update_fields=[field, "changed_at"])
        Board.objects.filter(pk=current.board_id).update(changed_at=current.changed_at)
        _record(
            kind,
            actor=actor,
            thread=current,
            reason=reason,
            before={field: not value},
            after={field: value},
            notify=current.author,
        )
        event = {"is_locked": ("thread.unlocked", "thread.locked")}.get(
            field, ("thread.unpinned", "thread.pinned")
        )[value]
        thread_event(current, event, also_thread_stream=True)
    return current


def lock_thread(*, actor, thread: Thread, reason: str, locked: bool = True) -> Thread:
    kind = Kind.LOCK if locked else Kind.UNLOCK
    return _toggle(
        actor=actor,
        thread=thread,
        field="is_locked",
        value=locked,
        kind=kind,
        reason=_reason(reason),
    )


def pin_thread(*, actor, thread: Thread, reason: str, pinned: bool = True) -> Thread:
    kind = Kind.PIN if pinned else Kind.UNPIN
    return _toggle(
        actor=actor,
        thread=thread,
        field="is_pinned",
        value=pinned,
        kind=kind,
        reason=_reason(reason),
    )


def _row_id(value) -> int | None:
    """A row id typed by a moderator (an int or a string of digits), or None if it names none."""
    return row_id(value)


def _target_board(actor, board_id) -> Board:
    pk = _row_id(board_id)
    board = Board.objects.filter(pk=pk).first() if pk is not None else None
    if board is None:
        raise ModerationError(_("That board does not exist."))
    check_moderate_board(actor, board)
    return board


def move_thread(*, actor, thread: Thread, board_id, reason: str) -> Thread:
    """Move a thread to another board (both in the actor's scope)."""
    reason = _reason(reason)
    with transaction.atomic():
        current = _locked_thread(thread)
        check_moderate_board(actor, current.board)
        target = _target_board(actor, board_id)
        if target.pk == current.board_id:
            raise ModerationError(_("The thread is already in that board."))
        origin = current.board
        now = timezone.now()
        thread_event(current, "thread.moved", also_thread_stream=False)  # leaves the old board
        current.board, current.changed_at = target, now
        current.save(update_fields=["board", "changed_at"])
        Board.objects.filter(pk__in=[origin.pk, target.pk]).update(changed_at=now)
        _record(
            Kind.MOVE,
            actor=actor,
            thread=current,
            board=origin,
            reason=reason,
            before={"board": origin.pk},
            after={"board": target.pk},
            notify=current.author,
        )
        if target.area_id != origin.area_id:  # the destination area's moderators see it too
            _record(
                Kind.MOVE,
                actor=actor,
                thread=current,
                board=target,
                reason=reason,
                before={"board": origin.pk},
                after={"board": target.pk},
            )
        thread_event(current, "thread.moved")  # arrives on the new board
        # Its readers learn that it moved, not where: some may not read the new board.
        publish_event(
            stream=streams.thread(current.pk),
            kind="thread.moved",
            payload={"thread_id": current.pk},
        )
        announce_access_change(origin.pk)
    return current


def _renumber_after(thread: Thread) -> None:
    """Recount a thread after posts left or arrived: replies, last post, last poster."""
    shown = thread.posts.filter(state=Post.State.PUBLISHED)
    last = shown.order_by("-created_at", "-pk").first()
    thread.reply_count = shown.filter(position__gt=1).count()
    thread.post_count = thread.posts.aggregate(top=Max("position"))["top"] or 0
    if last is not None:
        thread.last_post_at, thread.last_poster_id = last.created_at, last.author_id
    thread.changed_at = timezone.now()
    thread.save(
        update_fields=["reply_count", "post_count", "last_post_at", "last_poster", "changed_at"]
    )


def _append_posts(posts: list[Post], target: Thread) -> None:
    """Move posts to the end of ``target``, in their order, and everything that points at them."""
    start = target.posts.aggregate(top=Max("position"))["top"] or 0
    # Park positions out of the way first: (thread, position) is unique.
    ids = [post.pk for post in posts]
    Post.objects.filter(pk__in=ids).update(position=F("position") + 1_000_000_000)
    for offset, post in enumerate(posts, start=1):
        Post.objects.filter(pk=post.pk).update(thread=target, position=start + offset)
    Notification.objects.filter(post__in=ids).update(thread=target)
    search_queue.schedule(POST, ids)  # their thread (and so their kind) changed
    authors = {post.author_id for post in posts}
    watching = set(
        Subscription.objects.filter(thread=target, user__in=authors).values_list("user", flat=True)
    )
    Subscription.objects.bulk_create(
        [Subscription(user_id=user_id, thread=target) for user_id in sorted(authors - watching)]
    )


def split_thread(*, actor, thread: Thread, post_ids: list[int], title: str, reason: str) -> Thread:
    """Move some replies into a new thread in the same board; the first chosen post opens it."""
    reason = _reason(reason)
    title = (title or "").strip()
    if not (limits.TITLE_MIN_LENGTH <= len(title) <= limits.TITLE_MAX_LENGTH):
        raise ModerationError(
            _("The new thread's title needs %(min)d to %(max)d characters.")
            % {"min": limits.TITLE_MIN_LENGTH, "max": limits.TITLE_MAX_LENGTH}
        )
    with transaction.atomic():
        current = _locked_thread(thread)
        check_moderate_board(actor, current.board)
        ids = [_row_id(pk) for pk in post_ids]
        wanted = {pk for pk in ids if pk is not None}
        posts = list(current.posts.filter(pk__in=wanted).order_by("position"))
        if not posts or None in ids or len(posts) != len(wanted):
            raise ModerationError(_("Choose replies of this thread to move."))
        if any(post.position == 1 for post in posts):
            raise ModerationError(_("The first post stays: it opens the thread."))
        first = posts[0]
        if first.state != Post.State.PUBLISHED:  # the new thread would open with nothing to read
            raise ModerationError(_("The new thread must open with a published post."))
        new = Thread.objects.create(
            board=current.board,
            title=title,
            author=first.author,
            language=first.language,
            created_at=first.created_at,
            last_post_at=first.created_at,
            last_poster=first.author,
        )
        _append_posts(posts, new)
        _renumber_after(new)
        _renumber_after(current)
        Board.objects.filter(pk=current.board_id).update(changed_at=timezone.now())
        moved = {"posts": [post.pk for post in posts], "to_thread": new.pk}
        _record(
            Kind.SPLIT,
            actor=actor,
            thread=current,
            reason=reason,
            before={"thread": current.pk},
            after=moved,
            notify=current.author,
        )
        publish_event(stream=streams.thread(current.pk), kind="thread.split", payload=moved)
        thread_event(new, "thread.created")
        thread_event(current, "thread.updated")
    return new


def merge_threads(*, actor, source: Thread, target_id, reason: str) -> Thread:
    """Append every post of ``source`` to the target thread; the source then redirects there."""
    reason = _reason(reason)
    target_pk = _row_id(target_id)
    if target_pk is None:
        raise ModerationError(_("That thread does not exist."))
    if target_pk == source.pk:
        raise ModerationError(_("A thread cannot be merged into itself."))
    with transaction.atomic():
        # Lock both rows in id order, so two merges of the same pair cannot deadlock.
        locked = {
            row.pk: row
            for row in Thread.objects.select_for_update(of=("self",))
            .select_related("board")
            .filter(pk__in=sorted([source.pk, target_pk]))
            .order_by("pk")
        }
        current, target = locked.get(source.pk), locked.get(target_pk)
        if target is None or target.merged_into_id or target.held:
            raise ModerationError(_("That thread does not exist."))
        if current.merged_into_id:
            raise ModerationError(_("This thread was already merged into another."))
        check_moderate_board(actor, current.board)
        check_moderate_board(actor, target.board)
        posts = list(current.posts.order_by("position"))
        _append_posts(posts, target)
        watchers = Subscription.objects.filter(thread=current).exclude(
            user__in=Subscription.objects.filter(thread=target).values("user")
        )
        watchers.update(thread=target)
        Subscription.objects.filter(thread=current).delete()
        ReadMarker.objects.filter(thread=current).delete()
        current.merged_into = target
        current.reply_count = 0
        current.changed_at = timezone.now()
        current.save(update_fields=["merged_into", "reply_count", "changed_at"])
        _renumber_after(target)
        Board.objects.filter(pk__in=[current.board_id, target.board_id]).update(
            changed_at=timezone.now()
        )
        after = {"merged_into": target.pk, "posts": [post.pk for post in posts]}
        _record(
            Kind.MERGE,
            actor=actor,
            thread=current,
            reason=reason,
            before={"thread": current.pk},
            after=after,
            notify=current.author,
        )
        thread_event(current, "thread.merged", also_thread_stream=True)
        thread_event(target, "thread.updated")
    return target


# --- Members ---------------------------------------------------------------------------------


def _locked_profile(member) -> Profile:
    profile, _created = Profile.objects.select_for_update().get_or_create(
        user=member, defaults={"display_name": member.get_username()}
    )
    return profile


def _check_member_target(actor, member) -> None:
    if member.pk == actor.pk:
        raise ModerationError(_("You cannot do this to your own account."))
    if member.is_superuser:
        raise ModerationError(_("Administrators cannot be warned or suspended."))


def decide_membership(*, actor, member, verified: bool, reason: str = "") -> Profile:
    """Verify or reject a pending member, with the reason they are told (site moderators)."""
    from forum.services.members import mark_verified

    check_site_moderator(actor)
    reason = _reason(reason, required=not verified)
    with transaction.atomic():
        profile = _locked_profile(member)
        if profile.verification != Profile.Verification.PENDING:
            raise ModerationError(_("Someone already decided on this membership."))
        if verified:
            mark_verified(profile, moderator=actor)
        else:
            profile.verification = Profile.Verification.REJECTED
        profile.verification_note = reason
        profile.save(update_fields=["verification", "verification_note"])
        _record(
            Kind.VERIFY if verified else Kind.REJECT_MEMBER,
            actor=actor,
            member=member,
            reason=reason,
            before={"verification": Profile.Verification.PENDING},
            after={"verification": profile.verification},
            notify=member,
        )
        queue_event(area_id=None, kind="queue.settled", member_id=member.pk)
    return profile


def warn_member(*, actor, member, reason: str) -> ModerationAction:
    """A warning on the record, sent to the member (any moderator)."""
    reason = _reason(reason)
    if not is_moderator(actor):
        raise PermissionDenied(_("Only moderators may do this."))
    _check_member_target(actor, member)
    with transaction.atomic():
        return _record(Kind.WARN, actor=actor, member=member, reason=reason, notify=member)


def suspend_member(*, actor, member, until: datetime, reason: str) -> Profile:
    """Until ``until`` the member reads but cannot post; their open pages stop offering to."""
    check_site_moderator(actor)
    reason = _reason(reason)
    _check_member_target(actor, member)
    if until is None or until <= timezone.now():
        raise ModerationError(_("A suspension ends in the future."))
    with transaction.atomic():
        profile = _locked_profile(member)
        if profile.is_suspended:
            raise ModerationError(_("This member is already suspended: lift it first."))
        profile.suspended_until, profile.suspension_reason = until, reason
        profile.save(update_fields=["suspended_until", "suspension_reason"])
        _record(
            Kind.SUSPEND,
            actor=actor,
            member=member,
            reason=reason,
            after={"suspended_until": until.isoformat()},
            notify=member,
        )
        publish_event(
            stream=streams.user(member.pk),
            kind="account.suspended",
            payload={"until": until.isoformat()},
        )
    return profile


def lift_suspension(*, actor, member, reason: str) -> Profile:
    check_site_moderator(actor)
    reason = _reason(reason)
    with transaction.atomic():
        profile = _locked_profile(member)
        if not profile.is_suspended:
            raise ModerationError(_("This member is not suspended."))
        before = profile.suspended_until.isoformat()
        profile.suspended_until, profile.suspension_reason = None, ""
        profile.save(update_fields=["suspended_until", "suspension_reason"])
        _record(
            Kind.LIFT,
            actor=actor,
            member=member,
            reason=reason,
            before={"suspended_until": before},
            notify=member,
        )
        publish_event(stream=streams.user(member.pk), kind="account.restored", payload={})
    return profile


def remove_picture(*, actor, member, reason: str) -> Profile:
    """Remove a member's picture (an offensive one): it shows in every area, so site moderators
    only. The file goes once committed; visitors' cached pages that showed it are refreshed."""
    check_site_moderator(actor)
    reason = _reason(reason)
    if member.pk == actor.pk:
        raise ModerationError(_("You cannot do this to your own account."))
    if member.is_superuser:
        raise ModerationError(_("An administrator's picture cannot be removed here."))
    with transaction.atomic():
        profile = _locked_profile(member)
        if not profile.avatar:
            raise ModerationError(_("This member has no picture: nothing to remove."))
        stored = profile.avatar.name
        delete_file_on_commit(profile.avatar.storage, stored)
        profile.avatar = ""
        profile.save(update_fields=["avatar"])
        touch_pages_showing(member=member, name=False)
        _record(
            Kind.REMOVE_AVATAR,
            actor=actor,
            member=member,
            reason=reason,
            before={"avatar": stored},
            notify=member,
        )
    return profile
