"""``{{ post|reactions }}``: a post's reactions for its footer (forum/_post.html), every kind in
order with its name, symbol and count (0 for none, and for the blank post live.js fills)."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from forum.models.reactions import SYMBOLS, Reaction

register = template.Library()


@dataclass(frozen=True)
class Shown:
    kind: str
    label: str
    symbol: str
    count: int


@register.filter
def reactions(post) -> list[Shown]:
    counts = getattr(post, "reaction_counts", None) or {}
    return [
        Shown(kind, str(label), SYMBOLS[kind], int(counts.get(kind, 0)))
        for kind, label in Reaction.Kind.choices
    ]
