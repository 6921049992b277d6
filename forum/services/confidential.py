"""The confidential-data check where posts are written: what a board checks, the admin's
case-number shapes, and what becomes of a post its author sent as written after the check
marked it (forum/confidential/ is the check itself; docs/security.md).

A post confirmed with something that identifies a protected person by itself (a name next to
"victim", a case or identity number, a date of birth, an address) waits for a board
moderator: a new post is held in the review queue, an edited one is hidden until reviewed. The
queue shows what was marked and the author's reason, carried by a flag from the author
(reason "confidential"), so approving or rejecting it is the queue's usual act. A phone number,
an e-mail address or a plate, confirmed, is published: offices share theirs on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.caching import LISTING_TIMEOUT, listing_version
from forum.confidential import CATEGORIES, Finding
from forum.models import BoardCheck, CaseNumberPattern, Flag, Post
from forum.permissions import check_moderate_board

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Member

    from forum.models import Board


class Rules:
    """What to look for where a text is written, read the first time the check asks: a form
    that is only drawn (a GET, a page with a reply box) costs no query."""

    def __init__(self, board: Board | None = None, *, reviewed: bool = True) -> None:
        self.board = board
        self.reviewed = reviewed  # a board's moderators review what is confirmed

    @cached_property
    def categories(self) -> frozenset[str]:
        if self.board is None:
            return frozenset(CATEGORIES)
        # Kept under the listing version, which a board's check setting moves (forum/signals.py):
        # every reply asked for it.
        found = BoardCheck.objects.filter(board=self.board).values_list("categories", flat=True)

        def read() -> list[str]:  # no row: everything; a row may choose nothing
            chosen = found.first()
            return sorted(CATEGORIES if chosen is None else chosen)

        key = f"forum:board:{self.board.pk}:{listing_version()}:check"
        chosen = cache.get_or_set(key, read, LISTING_TIMEOUT) or []
        return frozenset(chosen) & set(CATEGORIES)

    @cached_property
    def patterns(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return patterns() if "case_number" in self.categories else ()


@dataclass(frozen=True)
class Confirmed:
    """The author saw what the check marked and sent the text anyway, saying why."""

    findings: tuple[Finding, ...]
    reason: str

    @property
    def categories(self) -> list[str]:
        return sorted({finding.category for finding in self.findings})

    @property
    def high_risk(self) -> bool:
        return any(finding.high_risk for finding in self.findings)


def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The admin's case-number shapes (those that no longer compile are passed over), kept
    under the listing version, which a change of any moves (forum/signals.py)."""
    found = CaseNumberPattern.objects.filter(active=True).values_list("pattern", flat=True)
    sources = (
        cache.get_or_set(
            f"forum:board:patterns:{listing_version()}", lambda: list(found), LISTING_TIMEOUT
        )
        or []
    )
    compiled = []
    for source in sources:
        try:
            compiled.append(("case_number", re.compile(source, re.IGNORECASE)))
        except re.error:
            continue
    return tuple(compiled)


def rules_for(board: Board | None) -> Rules:
    """What a post on ``board`` is checked for (None: a private consultation: everything, and
    nothing confirmed waits for a moderator, who does not read consultations)."""
    return Rules(board, reviewed=board is not None)


def checked_on(board: Board) -> frozenset[str]:
    return rules_for(board).categories


def set_board_checks(*, actor: Member, board: Board, categories: list[str], reason: str) -> None:
    """A board's moderator chooses what its posts are checked for; an audit row says so."""
    from forum.services.moderation.audit import Kind, _record

    check_moderate_board(actor, board)
    chosen = sorted(set(categories) & set(CATEGORIES))
    with transaction.atomic():
        before = sorted(checked_on(board))
        if before == chosen:
            return
        BoardCheck.objects.update_or_create(
            board=board, defaults={"categories": chosen, "changed_at": timezone.now()}
        )
        _record(
            Kind.CHECK_SETTINGS,
            actor=actor,
            board=board,
            reason=reason,
            before={"checked": before},
            after={"checked": chosen},
        )


def holds(confirmed: Confirmed | None) -> bool:
    """Does this confirmation send the post to a moderator first?"""
    return confirmed is not None and confirmed.high_risk


def note_confirmed(post: Post, author: Member, confirmed: Confirmed | None) -> None:
    """In the writer's transaction: the author's reason goes to the review queue with the post,
    as a flag from the author (its text is the reason; its categories what was marked)."""
    if not holds(confirmed):
        return
    assert confirmed is not None  # for the type checker: holds() said so
    Flag.objects.update_or_create(
        post=post,
        flagger=author,
        defaults={
            "reason": Flag.Reason.CONFIDENTIAL,
            "text": confirmed.reason,
            "categories": confirmed.categories,
            "outcome": Flag.Outcome.OPEN,
            "created_at": timezone.now(),
            "resolved_at": None,
            "resolved_by": None,
        },
    )


def hold_edit(post: Post, author: Member, confirmed: Confirmed | None) -> None:
    """An edit confirmed with high-risk data (in the editor's transaction, the post locked):
    the post is hidden and waits in the queue, as a flagged post does."""
    from forum.services.moderation.posts import hide_for_check

    if holds(confirmed) and post.state == Post.State.PUBLISHED:
        note_confirmed(post, author, confirmed)
        hide_for_check(post, reason=_("Its author confirmed data the check marked."))
