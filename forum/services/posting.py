"""Starting threads, replying, editing and deleting posts."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import limits, markup
from forum.language import detect_language
from forum.machine_translation.service import translate_soon
from forum.models import Board, Flag, Post, PostRevision, Subscription, Tag, Thread
from forum.permissions import (
    can_redact_history,
    check_reply,
    check_start_thread,
    moderates_board,
)
from forum.realtime import kinds
from forum.realtime.events import post_event, post_item, publish_events, thread_event, thread_items
from forum.services.answers import forget_answers
from forum.services.attachments import attach
from forum.services.attachments import replace as replace_attachments
from forum.services.confidential import Confirmed, hold_edit, holds, note_confirmed
from forum.services.drafts import drop_draft
from forum.services.following import follow_on_reply
from forum.services.holds import keep_post, post_is_held
from forum.services.locking import lock_post
from forum.services.moderation import ModerationError, record_moderator_edit
from forum.services.notifications import notify_about_post
from forum.services.reading import mark_read, watch_thread
from forum.services.review import announce_held, needs_review, queue_changed
from forum.services.stamps import stamp

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member


class EditConflict(Exception):
    """The post changed since the editor opened it; nothing was saved."""

    def __init__(self, post: Post) -> None:
        super().__init__("the post was edited meanwhile")
        self.post = post


def _language(body: str, language: str | None, fallback: str) -> str:
    return language or detect_language(body, fallback=fallback)


def _already_posted(author: Member, token: uuid.UUID | None) -> Post | None:
    if token is None:
        return None
    return Post.objects.filter(author=author, submission_token=token).first()


def _repeated(posts, author: Member, body: str, now: datetime) -> Post | None:
    """Among ``posts``, the author's own of this very text made moments ago: the same text
    sent again from a page with a new token (Back, a second tab) is not posted twice."""
    since = now - timedelta(seconds=limits.REPEAT_POST_WINDOW_SECONDS)
    mine = posts.filter(author=author, body_source=body, created_at__gte=since)
    return mine.exclude(state=Post.State.DELETED).order_by("-created_at").first()


def _once(author: Member, token: uuid.UUID | None, write: Callable[[], Post]) -> Post:
    """Run ``write`` in one transaction, unless this form was submitted already.

    The same form sent twice (a double click, two requests at once) finds the first post: the
    unique (author, token) constraint makes the second writer fail, and it returns the first.
    """
    if existing := _already_posted(author, token):
        return existing
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        if existing := _already_posted(author, token):
            return existing
        raise


def _add_post(
    *,
    thread: Thread,
    author: Member,
    position: int,
    body: str,
    body_html: str,
    language: str,
    now: datetime,
    submission_token: uuid.UUID | None,
    new_thread: bool,
    held: bool,
    attachments: Sequence[int] = (),
) -> Post:
    """The post itself, and what every new post brings: the author follows and has read it.

    A held post waits for a moderator: nobody is notified and no live page hears of it until
    it is approved; the area's moderators' queue does.
    """
    post = Post.objects.create(
        thread=thread,
        author=author,
        position=position,
        body_source=body,
        body_html=body_html,
        language=language,
        created_at=now,
        submission_token=submission_token,
        state=Post.State.PENDING if held else Post.State.PUBLISHED,
    )
    attach(uploader=author, ids=list(attachments), post=post)
    if new_thread:
        watch_thread(user=author, thread=thread)  # its starter watches it, as in Discourse
    else:
        # A reply follows the thread at the level the member chose in their profile (tracking
        # unless they changed it); a level they set on the thread itself stays.
        profile = getattr(author, "profile", None)
        level = getattr(profile, "reply_level", Subscription.Level.TRACKING)
        follow_on_reply(user=author, thread=thread, level=level)
    mark_read(user=author, thread=thread, position=position)
    if held:
        announce_held(post)  # and the queue's stamp moves
    else:
        notify_about_post(post, new_thread=new_thread)
        translate_soon(post)
    return post


def start_thread(
    *,
    author: Member,
    board: Board,
    title: str,
    body: str,
    language: str | None = None,
    fallback_language: str = "en",
    submission_token: uuid.UUID | None = None,
    is_question: bool = False,
    tags: Iterable[Tag] = (),
    attachments: Sequence[int] = (),
    confirmed: Confirmed | None = None,
) -> Post:
    """Create a thread and its first post; the author watches it. Returns the first post.
    ``confirmed``: the author sent what the confidential-data check marked (may hold it)."""

    # Rendered and read before the transaction: nothing waits on this post's locks meanwhile.
    html, lang = markup.render(body), _language(body, language, fallback_language)

    def write() -> Post:
        check_start_thread(author, board)  # suspended while writing: refused here too
        now = timezone.now()
        opening = Post.objects.filter(position=1, thread__board=board, thread__title=title)
        if repeated := _repeated(opening, author, body, now):
            return repeated
        held = needs_review(author, board) or holds(confirmed)
        thread = Thread.objects.create(
            board=board,
            title=title,
            author=author,
            language=lang,
            created_at=now,
            last_post_at=now,
            last_poster=author,
            post_count=1,
            is_question=is_question,
            held=held,
        )
        post = _add_post(
            thread=thread,
            author=author,
            position=1,
            body=body,
            body_html=html,
            language=lang,
            now=now,
            submission_token=submission_token,
            new_thread=True,
            held=held,
            attachments=attachments,
        )
        note_confirmed(post, author, confirmed)
        thread.tags.set(list(tags)[: limits.TAGS_PER_THREAD])
        if not held:
            thread_event(thread, kinds.THREAD_CREATED)
        drop_draft(user=author, board=board)  # sent: no device offers it again
        if not held:
            # Last: every post to the board waits for the board's row until this commits.
            stamp(boards=[board], at=now)
        return post

    return _once(author, submission_token, write)


def post_reply(
    *,
    author: Member,
    thread: Thread,
    body: str,
    language: str | None = None,
    fallback_language: str = "en",
    submission_token: uuid.UUID | None = None,
    attachments: Sequence[int] = (),
    confirmed: Confirmed | None = None,
) -> Post:
    """Add a reply at the end of the thread; the author watches the thread."""
    # Rendered and read before the transaction: nothing waits on the thread's lock meanwhile.
    html, lang = markup.render(body), _language(body, language, fallback_language)

    def write() -> Post:
        # The row lock serializes replies, so positions are handed out one by one.
        locked = (
            Thread.objects.select_for_update(of=("self",)).select_related("board").get(pk=thread.pk)
        )
        # The policy again, under the lock: the thread may have been locked, or the author
        # suspended, while they were writing.
        check_reply(author, locked)
        now = timezone.now()
        if repeated := _repeated(locked.posts.all(), author, body, now):
            return repeated
        held = needs_review(author, locked.board) or holds(confirmed)
        # The row is locked, so the new counters are known without reading them back.
        # A reply added at the end moves no thread stamp, held or not: its pages' keys hold the
        # post count (forum/fragments.py page_version), and the pages before the last stay drawn.
        locked.post_count += 1
        if not held:  # a held reply counts once approved
            locked.reply_count += 1
            locked.last_post_at = now
            locked.last_poster = author
        locked.save(update_fields=["post_count", "reply_count", "last_post_at", "last_poster"])
        post = _add_post(
            thread=locked,
            author=author,
            position=locked.post_count,
            body=body,
            body_html=html,
            language=lang,
            now=now,
            submission_token=submission_token,
            new_thread=False,
            held=held,
            attachments=attachments,
        )
        note_confirmed(post, author, confirmed)
        if not held:  # both events in one statement
            updated = thread_items(locked, kinds.THREAD_UPDATED)
            publish_events([post_item(post, kinds.POST_CREATED), *updated])
        drop_draft(user=author, thread=locked)
        if not held:
            # Last: every reply on the board waits for the board's row until this commits.
            stamp(boards=[locked.board_id], at=now)
        return post

    return _once(author, submission_token, write)


def edit_post(
    *,
    editor: Member,
    post: Post,
    body: str,
    language: str | None = None,
    seen_edit_count: int | None = None,
    reason: str = "",
    redact: bool = False,
    attachments: Sequence[int] | None = None,
    confirmed: Confirmed | None = None,
) -> Post:
    """Replace a post's text, keeping the previous text as a revision (``confirmed``: as in
    start_thread; a published post confirmed with high-risk data is hidden until reviewed).

    ``attachments``: the files the post is to have (its own kept, the editor's unsent ones
    added, forum/services/attachments.replace); None leaves them as they are.

    ``seen_edit_count`` is the edit count the editor's form was built from: if someone edited
    the post since, EditConflict is raised and nothing is saved. A moderator editing someone
    else's post gives a reason: it is in the audit log and the author is told. With ``redact``
    a moderator also redacts the earlier versions (the one replaced now included): only the
    board's moderators read them afterwards. The same text with ``redact`` redacts only.
    """
    moderated = editor.pk != post.author_id or redact
    if moderated and not (reason or "").strip():
        raise ModerationError(_("Give a reason: the member concerned is told it."))
    with transaction.atomic():
        current = lock_post(post)
        if moderated and not moderates_board(editor, current.thread.board):
            raise PermissionDenied
        if redact and not can_redact_history(editor, current):
            raise PermissionDenied
        if seen_edit_count is not None and current.edit_count != seen_edit_count:
            raise EditConflict(current)
        new_language = language or current.language
        previous_source = current.body_source
        files_changed = attachments is not None and replace_attachments(
            editor=editor, post=current, ids=list(attachments)
        )
        if body == current.body_source and new_language == current.language:
            if files_changed:
                _files_changed(current)
            elif not (redact and current.revisions.filter(redaction__isnull=True).exists()):
                return current
        else:
            _replace_text(editor, current, body, new_language, reason if moderated else "")
            if not moderated:
                hold_edit(current, editor, confirmed)
        if moderated:
            record_moderator_edit(
                editor=editor,
                post=current,
                previous_source=previous_source,
                reason=reason.strip(),
                redact=redact,
            )
    return current


def _files_changed(current: Post) -> None:
    """Only the files of a post changed: its readers' pages and live pages show them."""
    Thread.objects.filter(pk=current.thread_id).update(changed_at=stamp())
    if current.state == Post.State.PUBLISHED:
        post_event(current, kinds.POST_EDITED)


def _replace_text(editor: Member, current: Post, body: str, language: str, reason: str) -> None:
    """The edit itself: the old text becomes a revision; readers and mentions hear of it."""
    PostRevision.objects.create(
        post=current,
        number=current.edit_count + 1,
        body_source=current.body_source,
        body_html=current.body_html,
        language=current.language,
        written_at=current.edited_at or current.created_at,
        edited_by=editor,
        reason=reason.strip(),
    )
    previous_source = current.body_source
    if (
        current.state == Post.State.PENDING
        or current.flags.filter(outcome=Flag.Outcome.OPEN).exists()
    ):
        queue_changed(current.thread.board.area_id)  # the review queue shows its text
    current.body_source = body
    current.body_html = markup.render(body)
    current.language = language
    current.edited_at = timezone.now()
    current.edit_count += 1
    current.save(update_fields=["body_source", "body_html", "language", "edited_at", "edit_count"])
    Thread.objects.filter(pk=current.thread_id).update(
        language=language if current.position == 1 else current.thread.language,
        changed_at=stamp(at=current.edited_at),
    )
    if current.position == 1:  # the board lists the thread's language
        stamp(boards=[current.thread.board_id], at=current.edited_at)
    if current.state == Post.State.PUBLISHED:
        notify_about_post(current, new_thread=False, previous_source=previous_source)
        post_event(current, kinds.POST_EDITED)
        translate_soon(current)


def _kept(actor: Member, current: Post, was_counted: bool) -> Post:
    """The deletion of a held post, done as a hide: its readers lose it, the record keeps it."""
    keep_post(actor=actor, post=current)
    forget_answers([current.pk])
    now = stamp()
    Thread.objects.filter(pk=current.thread_id).update(
        reply_count=F("reply_count") - int(was_counted), changed_at=now
    )
    stamp(boards=[current.thread.board_id], at=now)
    post_event(current, kinds.POST_HIDDEN)
    return current


def delete_post(*, actor: Member, post: Post) -> Post:
    """Soft-delete: the post keeps its place (permalinks stay valid), its text is not shown."""
    with transaction.atomic():
        current = lock_post(post)
        if current.state == Post.State.DELETED:
            return current
        was_counted = current.state == Post.State.PUBLISHED and current.position > 1
        if post_is_held(current):  # a legal hold: nothing it covers is deleted
            return _kept(actor, current, was_counted)
        current.state = Post.State.DELETED
        current.save(update_fields=["state"])
        forget_answers([current.pk])
        now = stamp()
        Thread.objects.filter(pk=current.thread_id).update(
            reply_count=F("reply_count") - int(was_counted), changed_at=now
        )
        stamp(boards=[current.thread.board_id], at=now)
        queue_changed(current.thread.board.area_id)  # a held or flagged post leaves the queue
        post_event(current, kinds.POST_DELETED)
        thread_event(Thread.objects.get(pk=current.thread_id), kinds.THREAD_UPDATED)
    return current
