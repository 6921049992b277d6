"""Retention: how long posts are kept, per program area or board (a board's policy wins over
its area's), and the worker's run that applies it (forum/worker/schedule.py, daily).

After the period a post is either **anonymized** (its author becomes the one "Deleted member"
account that retention keeps, so every page shows it as a deleted account's post) or
**deleted** (its text, earlier versions, translations, files and reactions removed; its place
in the thread stays as "This post was deleted."). Nothing a legal hold covers is touched
(forum/services/holds.py). The run works in batches, each one transaction with its audit-log
row: a run cut short keeps what it finished, and the next run takes up the rest, never the same
post twice (a post already anonymized or deleted is not "due" any more).
"""

from __future__ import annotations

import calendar
import secrets
from collections import Counter
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import (
    Board,
    ModerationAction,
    Post,
    PostRevision,
    PostTranslation,
    Profile,
    ProgramArea,
    Reaction,
    RetentionPolicy,
    Thread,
)
from forum.models.retention import MAX_MONTHS
from forum.permissions import can_keep_records
from forum.search.documents import POST
from forum.search.queue import schedule
from forum.services import attachments
from forum.services.answers import forget_answers
from forum.services.holds import in_force
from forum.services.moderation.audit import _record
from forum.services.stamps import stamp

Kind = ModerationAction.Kind
Action = RetentionPolicy.Action
BATCH = 500
PLACEHOLDER = "deleted-retention"


class RetentionError(ValueError):
    """The policy cannot be set as asked; the message says why."""


def set_policy(
    *, actor, action: str, months: int | None, area: ProgramArea | None = None, board=None
) -> RetentionPolicy:
    if not can_keep_records(actor):
        raise RetentionError(_("Retention policies are set by staff."))
    if (area is None) == (board is None):
        raise RetentionError(_("A policy is for one program area or one board."))
    if action not in Action.values:
        raise RetentionError(_("Choose what happens after the period."))
    if action == Action.KEEP:
        months = None
    elif months is None or not 1 <= months <= MAX_MONTHS:
        raise RetentionError(
            _("Give the period in months, from 1 to %(most)d.") % {"most": MAX_MONTHS}
        )
    with transaction.atomic():
        policy, _created = RetentionPolicy.objects.update_or_create(
            area=area,
            board=board,
            defaults={
                "action": action,
                "months": months,
                "updated_by": actor,
                "updated_at": timezone.now(),
            },
        )
        _record(
            Kind.RETENTION_POLICY,
            actor=actor,
            reason=_("Retention: %(action)s") % {"action": policy.get_action_display()},
            board=board,
            after={"area": area.pk if area else None, "action": action, "months": months},
        )
    return policy


def effective() -> dict[int, RetentionPolicy]:
    """Each board's policy (its own, else its area's); boards with none keep forever."""
    by_board = {p.board_id: p for p in RetentionPolicy.objects.filter(board__isnull=False)}
    by_area = {p.area_id: p for p in RetentionPolicy.objects.filter(area__isnull=False)}
    found = {}
    for board_id, area_id in Board.objects.values_list("pk", "area_id"):
        policy = by_board.get(board_id) or by_area.get(area_id)
        if policy is not None and policy.action != Action.KEEP and policy.months:
            found[board_id] = policy
    return found


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day when
    that month is shorter)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


def placeholder():
    """The inactive account anonymized posts are moved to, shown as "Deleted member"."""
    users = get_user_model()
    found = users.objects.filter(
        username__startswith=PLACEHOLDER, is_active=False, profile__deleted_at__isnull=False
    ).first()
    if found is not None:
        return found
    name = PLACEHOLDER
    if users.objects.filter(username=name).exists():  # someone registered the name itself
        name = f"{PLACEHOLDER}-{secrets.token_hex(4)}"
    user = users(username=name, is_active=False)
    user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, deleted_at=timezone.now())
    return user


def due(board_id: int, policy: RetentionPolicy, now: datetime, anonymous) -> QuerySet[Post]:
    """The board's posts past the period that the policy has not handled yet, outside holds."""
    holds = in_force()
    if holds.filter(board_id=board_id).exists():
        return Post.objects.none()
    posts = Post.objects.filter(
        thread__board_id=board_id, created_at__lt=months_before(now, policy.months or 0)
    )
    posts = posts.exclude(thread_id__in=holds.exclude(thread=None).values("thread_id"))
    posts = posts.exclude(author_id__in=holds.exclude(member=None).values("member_id"))
    if policy.action == Action.ANONYMIZE:
        return posts.exclude(author=anonymous).order_by("pk")
    return posts.exclude(state=Post.State.DELETED, body_source="").order_by("pk")


def run(*, now: datetime | None = None, batch: int = BATCH) -> dict[str, int]:
    """Apply every policy; how many posts were anonymized and deleted."""
    now = now or timezone.now()
    done: dict[str, int] = {Action.ANONYMIZE: 0, Action.DELETE: 0}
    policies = effective()
    anonymous = placeholder() if policies else None
    boards = Board.objects.in_bulk(list(policies))  # one query, not one per batch
    for board_id, policy in policies.items():
        while True:
            with transaction.atomic():
                ids = list(
                    due(board_id, policy, now, anonymous).values_list("pk", flat=True)[:batch]
                )
                if not ids:
                    break
                if policy.action == Action.ANONYMIZE:
                    _anonymize(ids, anonymous)
                else:
                    _delete(ids)
                _record(
                    Kind.RETENTION,
                    actor=None,
                    reason=_("Retention: %(action)s after %(months)d months")
                    % {"action": policy.get_action_display(), "months": policy.months},
                    board=boards[board_id],
                    after={"action": policy.action, "months": policy.months, "posts": ids},
                )
                done[policy.action] += len(ids)
    return {"anonymized": done[Action.ANONYMIZE], "deleted": done[Action.DELETE]}


def _touched(ids: list[int]) -> None:
    threads = Thread.objects.filter(posts__pk__in=ids).distinct()
    now = stamp()
    Thread.objects.filter(pk__in=threads.values("pk")).update(changed_at=now)
    stamp(boards=list(threads.values_list("board_id", flat=True).distinct()), at=now)
    schedule(POST, ids)


def _anonymize(ids: list[int], anonymous) -> None:
    Thread.objects.filter(posts__pk__in=ids, posts__position=1).update(author=anonymous)
    Post.objects.filter(pk__in=ids).update(author=anonymous)
    _touched(ids)


def _delete(ids: list[int]) -> None:
    counted = Post.objects.filter(pk__in=ids, state=Post.State.PUBLISHED, position__gt=1)
    for thread_id, count in Counter(counted.values_list("thread_id", flat=True)).items():
        Thread.objects.filter(pk=thread_id).update(reply_count=F("reply_count") - count)
    PostRevision.objects.filter(post_id__in=ids).delete()
    PostTranslation.objects.filter(post_id__in=ids).delete()
    Reaction.objects.filter(post_id__in=ids).delete()
    attachments.delete_of_posts(ids)
    forget_answers(ids)
    Post.objects.filter(pk__in=ids).update(
        state=Post.State.DELETED,
        body_source="",
        body_html="",
        reaction_counts={},
        attachment_count=0,
    )
    _touched(ids)
