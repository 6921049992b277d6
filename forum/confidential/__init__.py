"""The check for confidential case data before a post, a thread or a private message is
published (docs/security.md, "The confidential-data check").

``check(text)`` returns what looks like a case number, an identity number, a phone number, an
e-mail or street address, a date of birth, a licence plate, or the name of a victim, witness,
minor or complainant, as spans of the author's own text. It reads all eight site languages at
once (a post's language is often not its author's), after undoing the usual ways of writing
around a check (normalize.py). It runs on this machine alone: no text leaves it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from forum.confidential import identifiers, names
from forum.confidential.normalize import normalize

CATEGORIES = {
    "protected_name": _("name of a victim, witness or minor"),
    "case_number": _("case number"),
    "identity_number": _("identity or passport number"),
    "birth_date": _("date of birth"),
    "address": _("street address"),
    "phone": _("phone number"),
    "email": _("e-mail address"),
    "licence_plate": _("licence plate"),
}
# What identifies a protected person by itself: a post confirmed with one of these waits for a
# moderator. An office's phone or e-mail, or a plate, is often shared on purpose.
HIGH_RISK = frozenset({"protected_name", "case_number", "identity_number", "birth_date", "address"})
# Where one span is read two ways, the more specific reading names it.
_PRIORITY = {name: rank for rank, name in enumerate(CATEGORIES)}
_PRIORITY.update(email=0, identity_number=1, case_number=2, birth_date=3, licence_plate=5)


@dataclass(frozen=True)
class Finding:
    category: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return str(CATEGORIES[self.category])

    @property
    def high_risk(self) -> bool:
        return self.category in HIGH_RISK


def check(
    text: str,
    categories: Collection[str] | None = None,
    patterns: Iterable[tuple[str, re.Pattern[str]]] = (),
) -> list[Finding]:
    """What in ``text`` looks confidential, in order, without overlaps.

    ``categories``: the ones to look for (None: all). ``patterns``: more case-number rules, as
    (category, compiled pattern) pairs (the admin's; see models.CaseNumberPattern).
    """
    wanted = set(CATEGORIES) if categories is None else set(categories) & set(CATEGORIES)
    if not wanted or not text:
        return []
    read = normalize(text)
    found: list[tuple[str, int, int]] = []
    if wanted - {"protected_name"}:
        found += identifiers.find(read.text, tuple(patterns))
    if "protected_name" in wanted:
        found += [("protected_name", start, end) for start, end in names.find(read.text)]
    spans: list[Finding] = []
    ranked = sorted(
        (item for item in found if item[0] in wanted and item[2] > item[1]),
        key=lambda item: (_PRIORITY[item[0]], item[1] - item[2], item[1]),
    )
    taken = bytearray(len(read.text) + 1)  # the characters a finding already holds
    for category, start, end in ranked:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        first, last = read.span(start, end)
        spans.append(Finding(category, first, last, text[first:last]))
    return sorted(spans, key=lambda finding: finding.start)


def redact(text: str, findings: Iterable[Finding], mark: str) -> str:
    """The text with each finding replaced by ``mark`` (e.g. "[redacted]")."""
    pieces, position = [], 0
    for finding in sorted(findings, key=lambda finding: finding.start):
        if finding.start < position:
            continue
        pieces += [text[position : finding.start], mark]
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def digest(findings: Iterable[Finding]) -> str:
    """A short fingerprint of what was shown to the author: a confirmation holds only for it."""
    listed = "\n".join(f"{f.category}:{f.start}:{f.end}:{f.text}" for f in findings)
    return hashlib.sha256(listed.encode()).hexdigest()[:32]
