"""The language a post is written in, guessed from its text by py3langid (model shipped)."""

from __future__ import annotations

from functools import cache

from forum import limits

# py3langid's codes for the site's languages.
DETECTABLE = {"en": "en", "es": "es", "fr": "fr", "pt": "pt", "ar": "ar", "ru": "ru",
              "zh": "zh-hans", "de": "de"}  # fmt: skip
MIN_PROBABILITY = 0.6


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTABLE))
    return identifier


def detect_language(text: str, *, fallback: str) -> str:
    """One of the site's language codes; ``fallback`` when the text is too short or unclear."""
    if sum(ch.isalpha() for ch in text) < limits.LANGUAGE_DETECTION_MIN_LETTERS:
        return fallback
    code, probability = _identifier().classify(text)
    if probability < MIN_PROBABILITY:
        return fallback
    return DETECTABLE.get(code, fallback)
