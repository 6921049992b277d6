"""The shape of the demo forum's conversations (seed_demo writes them through the services).

A conversation is a thread: its first post and its replies, each written in a language of its
own, by the demo accounts or by "voices" (demo members who take part in conversations and sign
in with no known password).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Voice:
    """A demo member from somewhere in the world who writes in the conversations."""

    username: str
    display_name: str
    organization: str
    country: str
    # The languages the member reads (their profile); posts in these are never translated.
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    author: str  # a DemoAccount's or a Voice's username
    language: str  # what it is written in: a site code ("zh-hans") or ISO 639-1 ("it")
    body: str  # Markdown
    # The index of an earlier post of this conversation (0 = the first post) this one quotes:
    # seed_demo puts the quote (forum.markup.quote) in front of the body.
    quotes: int | None = None
    # Set: the post is written as ``body`` and then edited by its author to this text, so it
    # has a history.
    edited_to: str | None = None
    held: bool = False  # waits for a moderator's review (its author is on probation)
    # (username, reason, text) of members who flagged it; the flags stay open.
    flags: tuple[tuple[str, str, str], ...] = field(default=())


@dataclass(frozen=True)
class Conversation:
    area: str  # program area slug
    board: str  # board slug in that area
    author: str
    language: str
    title: str
    body: str  # Markdown of the first post
    replies: tuple[Reply, ...] = field(default=())
    pinned: bool = False
    locked: bool = False
