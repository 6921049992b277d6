"""Translate a page's field values text by text, never their markup (cms/prefill.py uses it).

Plain text fields go whole; rich text (Wagtail's stored format: ``<p data-block-key>``,
``<a linktype="page" id="3">``, ``<embed embedtype="image" .../>``) has only its text nodes
translated, every tag and attribute kept as stored; a StreamField's blocks are walked by their
definitions, so a heading, a quote, a caption, an image's alternative text or a button's label is
translated, while a URL, a choice, a page or a document is kept. Every text goes through
``forum.machine_translation.markup.translate_texts``: bounded pieces and batches, and an answer
carrying markup is refused (EngineError), so an engine cannot add a tag to a page.

Link text is translated here, unlike in a post: on a page it is the editor's own prose ("read
the guidelines"), not an address or another member's words. URLs inside text are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bs4 import BeautifulSoup, NavigableString
from wagtail import blocks

from forum.machine_translation.markup import Translate, translatable, translate_texts

URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Text in these elements is code, not prose (not among the site's features, but a paste may
# bring them).
KEPT = {"code", "pre"}

Finish = Callable[[], Any]


class Batch:
    """The texts of every field of a page, sent to the engine together, then put back."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.answers: list[str] = []

    def add(self, text: str) -> int:
        self.texts.append(text)
        return len(self.texts) - 1

    def answer(self, index: int) -> str:
        return self.answers[index]

    def translate(self, translate: Translate) -> None:
        self.answers = translate_texts(self.texts, translate) if self.texts else []


def _parts(text: str, batch: Batch) -> Finish:
    """The text with its URLs kept and everything else between them translated."""
    pieces: list[tuple[str, int | None]] = []
    start = 0
    for match in URL.finditer(text):
        pieces.append((text[start : match.start()], None))
        pieces.append((match.group(0), -1))
        start = match.end()
    pieces.append((text[start:], None))
    planned = [
        (part, batch.add(part) if kept is None and translatable(part) else -1)
        for part, kept in pieces
        if part
    ]
    return lambda: "".join(batch.answer(index) if index >= 0 else part for part, index in planned)


def plain(text: str, batch: Batch) -> Finish:
    return _parts(text, batch)


def rich_text(html: str, batch: Batch) -> Finish:
    """Wagtail's stored rich text with its text nodes translated, its markup as it was."""
    soup = BeautifulSoup(html, "html.parser")
    nodes = [
        node
        for node in soup.find_all(string=True)
        if translatable(str(node)) and not any(parent.name in KEPT for parent in node.parents)
    ]
    finishes = [_parts(str(node), batch) for node in nodes]

    def finish() -> str:
        for node, done in zip(nodes, finishes, strict=True):
            node.replace_with(NavigableString(done()))
        return str(soup)

    return finish


def block_value(block: blocks.Block, raw: Any, batch: Batch) -> Finish:
    """A block's raw (stored, JSON) value with its texts translated, by its definition."""
    if isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
        return rich_text(raw, batch)
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and isinstance(raw, str):
        return plain(raw, batch)
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        return stream(block, raw, batch)
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        children = {
            name: block_value(child, raw[name], batch)
            for name, child in block.child_blocks.items()
            if name in raw
        }
        return lambda: {**raw, **{name: done() for name, done in children.items()}}
    if isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        items = [_list_item(block.child_block, item, batch) for item in raw]
        return lambda: [done() for done in items]
    return lambda: raw  # a URL, a number, a choice, a page, an image, a document: as it is


def _list_item(child: blocks.Block, item: Any, batch: Batch) -> Finish:
    # Wagtail stores list items as {"type": "item", "value": ..., "id": ...} (older data: bare).
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        value = block_value(child, item["value"], batch)
        return lambda: {**item, "value": value()}
    return block_value(child, item, batch)


def stream(block: blocks.StreamBlock, raw: list, batch: Batch) -> Finish:
    """A StreamField's stored blocks, each translated by its own block type."""
    items = [_stream_item(block, item, batch) for item in raw]
    return lambda: [done() for done in items]


def _stream_item(block: blocks.StreamBlock, item: Any, batch: Batch) -> Finish:
    child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
    if child is None:
        return lambda: item  # a block type since removed: kept as stored
    value = block_value(child, item.get("value"), batch)
    return lambda: {**item, "value": value()}
