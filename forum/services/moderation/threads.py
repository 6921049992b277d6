"""Acts on threads: lock, pin, move, split and merge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from forum import limits
from forum.ids import row_id
from forum.models import Board, Notification, Post, ReadMarker, Subscription, Thread
from forum.permissions import check_moderate_board
from forum.realtime import kinds, streams
from forum.realtime.events import announce_access_change, publish_event, thread_event
from forum.search import queue as search_queue
from forum.search.documents import POST
from forum.services.moderation.audit import (
    Kind,
    ModerationError,
    _locked_thread,
    _reason,
    _record,
)
from forum.services.review import queue_changed
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


def _toggle(
    *, actor: Member, thread: Thread, field: str, value: bool, kind: str, reason: str
) -> Thread:
    with transaction.atomic():
        current = _locked_thread(thread)
        check_moderate_board(actor, current.board)
        if getattr(current, field) == value:
            raise ModerationError(_("Someone already did this: nothing changed."))
        setattr(current, field, value)
        current.changed_at = stamp()
        current.save(update_fields=[field, "changed_at"])
        stamp(boards=[current.board_id], at=current.changed_at)
        _record(
            kind,
            actor=actor,
            thread=current,
            reason=reason,
            before={field: not value},
            after={field: value},
            notify=current.author,
        )
        event = {"is_locked": (kinds.THREAD_UNLOCKED, kinds.THREAD_LOCKED)}.get(
            field, (kinds.THREAD_UNPINNED, kinds.THREAD_PINNED)
        )[value]
        thread_event(current, event, also_thread_stream=True)
    return current


def lock_thread(*, actor: Member, thread: Thread, reason: str, locked: bool = True) -> Thread:
    kind = Kind.LOCK if locked else Kind.UNLOCK
    return _toggle(
        actor=actor,
        thread=thread,
        field="is_locked",
        value=locked,
        kind=kind,
        reason=_reason(reason),
    )


def pin_thread(*, actor: Member, thread: Thread, reason: str, pinned: bool = True) -> Thread:
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


def _target_board(actor: Member, board_id) -> Board:
    pk = _row_id(board_id)
    board = Board.objects.filter(pk=pk).first() if pk is not None else None
    if board is None:
        raise ModerationError(_("That board does not exist."))
    check_moderate_board(actor, board)
    return board


def move_thread(*, actor: Member, thread: Thread, board_id, reason: str) -> Thread:
    """Move a thread to another board (both in the actor's scope)."""
    reason = _reason(reason)
    with transaction.atomic():
        current = _locked_thread(thread)
        check_moderate_board(actor, current.board)
        target = _target_board(actor, board_id)
        if target.pk == current.board_id:
            raise ModerationError(_("The thread is already in that board."))
        origin = current.board
        thread_event(current, kinds.THREAD_MOVED, also_thread_stream=False)  # leaves the old board
        current.board, current.changed_at = target, stamp()
        current.save(update_fields=["board", "changed_at"])
        stamp(boards=[origin, target], at=current.changed_at)
        queue_changed(origin.area_id, target.area_id)  # its held and flagged posts move along
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
        thread_event(current, kinds.THREAD_MOVED)  # arrives on the new board
        # Its readers learn that it moved, not where: some may not read the new board.
        publish_event(
            stream=streams.thread(current.pk),
            kind=kinds.THREAD_MOVED,
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
    thread.changed_at = stamp()
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


def split_thread(
    *, actor: Member, thread: Thread, post_ids: list[int], title: str, reason: str
) -> Thread:
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
        from forum.services.answers import forget_answers  # answers records through this package

        forget_answers(post.pk for post in posts)  # an answer split off answers nothing here
        stamp(boards=[current.board_id])
        queue_changed(current.board.area_id)
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
        publish_event(stream=streams.thread(current.pk), kind=kinds.THREAD_SPLIT, payload=moved)
        thread_event(new, kinds.THREAD_CREATED)
        thread_event(current, kinds.THREAD_UPDATED)
    return new


def merge_threads(*, actor: Member, source: Thread, target_id, reason: str) -> Thread:
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
        if current is None:  # deleted meanwhile: what _locked_thread raises for the other acts
            raise Thread.DoesNotExist("Thread matching query does not exist.")
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
        current.changed_at = stamp()
        current.save(update_fields=["merged_into", "reply_count", "changed_at"])
        _renumber_after(target)
        stamp(boards=[current.board_id, target.board_id])
        queue_changed(current.board.area_id, target.board.area_id)
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
        thread_event(current, kinds.THREAD_MERGED, also_thread_stream=True)
        thread_event(target, kinds.THREAD_UPDATED)
    return target
