"""Translate a post's HTML text by text, never its markup.

The post's sanitized HTML is parsed; every text node outside code, preformatted blocks, links
and quotes of other posts is translated, except the @mentions and URLs inside it, which are
kept as written. Tags and attributes are never sent to an engine, and the result is sanitized
again exactly like a post (forum.markup.sanitize): an engine cannot add markup, whatever it
answers. Long texts go in pieces of at most limits.TRANSLATION_PIECE_CHARS characters, cut at
sentence ends, in calls of at most limits.TRANSLATION_BATCH_TEXTS texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup, NavigableString, Tag

from forum import limits
from forum.machine_translation.engines.base import EngineError
from forum.markup import MENTION, sanitize

Translate = Callable[[list[str]], list[str]]

# Their text stays as written: code, links (their words are often a title or an address) and
# quotes of other posts (a reply quotes what the other member wrote, in their words).
KEPT = {"code", "pre", "a", "blockquote"}
KEPT_INLINE = re.compile(rf"{MENTION.pattern}|(?:https?://|www\.)\S+", re.IGNORECASE)
# Sentence ends: Latin and Arabic marks before a space; the Chinese ones need none after them.
SENTENCE_END = re.compile(r"(?<=[.!?\u061f])\s+|(?<=[\u3002\uff01\uff1f])")
LETTER = re.compile(r"[^\W\d_]")
# An answer carrying markup where the text had none is the engine misbehaving, not a translation.
MARKUP = re.compile(r"<\s*/?\s*[a-z][^>]*>", re.IGNORECASE)


def translatable(text: str) -> bool:
    return bool(LETTER.search(text))


def _text_nodes(soup: BeautifulSoup) -> list[NavigableString]:
    nodes = []
    for node in soup.find_all(string=True):
        if any(isinstance(parent, Tag) and parent.name in KEPT for parent in node.parents):
            continue
        if translatable(str(node)):
            nodes.append(node)
    return nodes


def _parts(text: str) -> list[tuple[str, bool]]:
    """The text cut into (part, translate it?) around the mentions and URLs it holds."""
    parts, start = [], 0
    for match in KEPT_INLINE.finditer(text):
        parts.append((text[start : match.start()], True))
        parts.append((match.group(0), False))
        start = match.end()
    parts.append((text[start:], True))
    return [(part, keep and translatable(part)) for part, keep in parts if part]


def pieces(text: str, size: int | None = None) -> list[str]:
    """The text in pieces of at most ``size`` characters, cut at sentence ends where it can,
    else at spaces, else anywhere (Chinese has no spaces)."""
    size = size or limits.TRANSLATION_PIECE_CHARS
    if len(text) <= size:
        return [text]
    chunks: list[str] = []
    current = ""
    for sentence in SENTENCE_END.split(text):
        while len(sentence) > size:
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > 0 else size
            chunks, current = _flush(chunks, current), ""
            chunks.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if current and len(current) + 1 + len(sentence) > size:
            chunks, current = _flush(chunks, current), ""
        current = f"{current} {sentence}" if current else sentence
    return _flush(chunks, current)


def _flush(chunks: list[str], current: str) -> list[str]:
    return [*chunks, current] if current else chunks


def translate_texts(texts: list[str], translate: Translate) -> list[str]:
    """Each text translated (in bounded pieces and batches), its outer spaces kept."""
    jobs: list[tuple[int, str]] = []  # (index of the text, piece)
    for index, text in enumerate(texts):
        jobs.extend((index, piece) for piece in pieces(text.strip()))
    done: list[str] = []
    batch = limits.TRANSLATION_BATCH_TEXTS
    for start in range(0, len(jobs), batch):
        sources = [piece for _index, piece in jobs[start : start + batch]]
        answers = translate(sources)
        if len(answers) != len(sources):
            raise EngineError(f"{len(answers)} texts came back for {len(sources)}")
        done.extend(
            _checked(source, answer) for source, answer in zip(sources, answers, strict=True)
        )
    joined: list[list[str]] = [[] for _text in texts]
    for (index, _piece), answer in zip(jobs, done, strict=True):
        joined[index].append(answer.strip())
    return [_spaced(text, " ".join(parts)) for text, parts in zip(texts, joined, strict=True)]


def _checked(source: str, answer: str) -> str:
    """The answer, or EngineError when it cannot be one. Tags in the answer to plain text (a
    neural model's "<unk>" for a character it does not know) are dropped: the text is shown
    escaped anyway, and a post is not left untranslated for ever for one odd character."""
    if not isinstance(answer, str):
        raise EngineError("the engine answered something that is not text")
    if MARKUP.search(answer) and not MARKUP.search(source):
        answer = MARKUP.sub("", answer)
    if translatable(source) and not answer.strip():
        raise EngineError("the engine answered nothing for a text")
    if len(source) > 40 and len(answer) > 4 * len(source) + 100:
        raise EngineError("the engine answered far more than it was given")
    return answer


def _spaced(original: str, translated: str) -> str:
    lead = original[: len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()) :]
    return f"{lead}{translated}{trail}"


def translate_html(html: str, translate: Translate) -> str:
    """The post's HTML with its text translated by ``translate`` (a route's), sanitized."""
    soup = BeautifulSoup(html, "html.parser")
    nodes = _text_nodes(soup)
    split = [_parts(str(node)) for node in nodes]
    sources = [part for parts in split for part, wanted in parts if wanted]
    answers = iter(translate_texts(sources, translate) if sources else [])
    for node, parts in zip(nodes, split, strict=True):
        text = "".join(next(answers) if wanted else part for part, wanted in parts)
        node.replace_with(NavigableString(text))
    return sanitize(str(soup))


def translate_title(title: str, translate: Translate) -> str:
    """A thread's title, its mentions and URLs kept; plain text (shown escaped)."""
    parts = _parts(title)
    sources = [part for part, wanted in parts if wanted]
    answers = iter(translate_texts(sources, translate) if sources else [])
    return "".join(next(answers) if wanted else part for part, wanted in parts)
