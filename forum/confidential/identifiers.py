"""Identifiers in a normalized text: each rule of shapes.py tried (those that begin with a
keyword only where one stands), and what a rule matched weighed before it is reported: a
number after a law's name is a citation, a date is not a case number, a phone's shape is a
phone's, a value far from its keyword must be long to count."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from forum.confidential.keywords import CASE_WORDS
from forum.confidential.shapes import FLAGS, RULES, Rule, lowered

# Laws and their articles: a number after these is a citation, not a case.
LAW_WORDS = re.compile(
    r"(?:law|act|article|art\.|section|directive|regulation|decree|ley|lei|loi|decreto|d[ée]cret"
    r"|art[íi]culo|artigo|reglamento|resoluci[oó]n|gesetz|§|закон|стать[яиюей]|قانون|القانون"
    r"|المادة|مادة|法|条)\W{0,4}(?:n[º°o.]*|no\.?|nr\.?|№|رقم)?\s{0,3}$",
    FLAGS,
)
_CHINESE_LAW_PREFIX = re.compile(r"^(?:法释|法发|高检发|国发|国办发|主席令|令)")
_PHONE_SHAPE = re.compile(r"^(?:\+|0[1-9]\d{8,10}$)")
_DATE_SHAPE = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}$")


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _cited(text: str, start: int) -> bool:
    """Is this number a law's (its number, its article) rather than a case's?"""
    before = text[max(0, start - 70) : start]
    if LAW_WORDS.search(before[-40:]):
        return True
    law = max((m.end() for m in _LAW_NAMES.finditer(before)), default=-1)
    case = max((m.end() for m in _CASE_NAMES.finditer(before)), default=-1)
    return law > case


_LAW_NAMES = re.compile(
    r"(?:law|act|directive|regulation|decree|ley|lei|loi|decreto|d[ée]cret|gesetz|закон"
    r"|قانون|القانون|بقانون|مرسوم|المرسوم|لائحة|法释|条例)",
    FLAGS,
)
_CASE_NAMES = re.compile(rf"(?:{CASE_WORDS})", FLAGS)


def _acceptable(category: str, value: str, gap: bool) -> bool:
    digits = _digits(value)
    if category == "email":
        return True
    if digits < 2 and category != "address":
        return False
    if gap and not (digits >= 5 or (len(value) >= 6 and digits >= 4)):
        return False  # far from its keyword: only a long number is taken
    if category == "identity_number" and "/" in value:
        return False  # "RG 21/03874" is a French docket, not a Brazilian ID
    if category == "phone" and (_DATE_SHAPE.match(value) or digits < 7):
        return False
    if category == "case_number" and _PHONE_SHAPE.match(value):
        return False  # "…في المحضر 0791234586": the number is a phone's
    # A Chinese judicial interpretation's number, or a date, is not a case.
    return not (category == "case_number" and (_CHINESE_LAW_PREFIX.match(value) or _is_date(value)))


def _is_date(value: str) -> bool:
    parts = re.split(r"[./\-]", value)
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return False
    day, month = int(parts[0]), int(parts[1])
    return 1 <= day <= 31 and 1 <= month <= 12 and len(parts[2]) in (2, 4)


def find(
    text: str, extra: tuple[tuple[str, re.Pattern[str]], ...] = ()
) -> Iterator[tuple[str, int, int]]:
    """(category, start, end) of each identifier in the normalized text."""
    low = lowered(text)
    added: tuple[Rule, ...] = tuple((category, rule, None) for category, rule in extra)
    for category, rule, starts in RULES + added:
        named = "value" in rule.groupindex
        if starts is None:
            matches: Iterable[re.Match[str] | None] = rule.finditer(text)
        else:
            matches = (rule.match(text, word.start()) for word in starts.finditer(low))
        for match in matches:
            if match is None:
                continue
            start, end = match.span("value" if named else 0)
            value = text[start:end].rstrip(" .,:;-/")
            if category == "address":
                value, start = _chinese_street(value, start)
            if not _acceptable(
                category,
                value,
                named and match.group("gap") is not None if "gap" in rule.groupindex else False,
            ):
                continue
            if category == "case_number" and _cited(text, start):
                continue
            yield category, start, start + len(value)


def _chinese_street(value: str, start: int) -> tuple[str, int]:
    """A Chinese address from its street: what stands before ("住在海淀区") is not the street."""
    cut = max(value.rfind(mark) for mark in "在住于区市县镇的")
    if cut >= 0 and re.match(r"[\u4e00-\u9fff]", value):
        return value[cut + 1 :], start + cut + 1
    return value, start
