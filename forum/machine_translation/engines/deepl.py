"""DeepL (https://developers.deepl.com), on when DEEPL_AUTH_KEY is set.

POST {url}/v2/translate with `Authorization: DeepL-Auth-Key <key>` and
{"text": [...], "source_lang": "ES", "target_lang": "PT-BR"}; the answer is
{"translations": [{"detected_source_language": "ES", "text": "..."}, ...]}, one for one.
"""

from __future__ import annotations

from typing import Any

from .base import EngineError, engine_settings
from .hosted import (
    HOSTED_LANGUAGES,
    all_pairs,
    base_url,
    request_json,
    shape_error,
    strings,
    translate_in_batches,
)

SERVICE = "DeepL"
QUALITY = 0.9  # "good": docs/translation.md
FREE_URL = "https://api-free.deepl.com"  # keys of the free plan end in ":fx"
PRO_URL = "https://api.deepl.com"
# DeepL takes at most 50 texts and 128 KiB of request body per call.
MAX_TEXTS = 50
MAX_BYTES = 100_000

# Where the site's code and DeepL's differ. A source language has no variant; a target of
# English or Portuguese must name one (a bare EN/PT target is deprecated), and Chinese is
# asked for in simplified script, as the site writes it.
SOURCE_CODES = {"zh-hans": "ZH"}
TARGET_CODES = {
    # British spelling: the association's working English is that of the international
    # bodies its members deal with (UN, Council of Europe, ICC), which write British English.
    "en": "EN-GB",
    # Brazilian Portuguese: Brazil holds most of the world's Portuguese speakers (and most of
    # its prosecutors); a reader in Portugal or Lusophone Africa reads it without trouble.
    "pt": "PT-BR",
    "zh-hans": "ZH-HANS",
}

# DeepL's own meanings of the statuses it documents.
EXPLAIN = {
    400: "bad request",
    403: "the authentication key was refused",
    413: "the request is too large",
    429: "too many requests: slow down and try again later",
    456: "the character quota of the plan is used up",
    500: "internal error at DeepL",
    503: "DeepL is unavailable: try again later",
    529: "too many requests: try again later",
}


def source_code(language: str) -> str:
    return SOURCE_CODES.get(language, language.upper())


def target_code(language: str) -> str:
    return TARGET_CODES.get(language, language.upper())


class DeepL:
    name = "deepl"

    def _key(self) -> str:
        return (engine_settings(self.name).get("auth_key") or "").strip()

    def endpoint(self) -> str:
        """Where translate() posts: DEEPL_URL, or the free or pro API by the key's plan."""
        url = base_url(engine_settings(self.name).get("url") or "")
        if not url:
            url = FREE_URL if self._key().endswith(":fx") else PRO_URL
        # DEEPL_URL is the base address; one given with its /v2 is understood too.
        return f"{url.removesuffix('/v2')}/v2/translate"

    def pairs(self) -> dict[tuple[str, str], float]:
        if not self._key():
            return {}
        return all_pairs(HOSTED_LANGUAGES, QUALITY)

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        key = self._key()
        if not key:
            raise EngineError("DeepL is off: DEEPL_AUTH_KEY is not set")
        url = self.endpoint()

        def send(batch: list[str]) -> list[str]:
            answer = request_json(
                url,
                service=SERVICE,
                body={
                    "text": batch,
                    "source_lang": source_code(source),
                    "target_lang": target_code(target),
                },
                headers={"Authorization": f"DeepL-Auth-Key {key}"},
                secret=key,
                explain=EXPLAIN,
            )
            return _texts(answer, len(batch))

        return translate_in_batches(texts, send, max_texts=MAX_TEXTS, max_bytes=MAX_BYTES)


def _texts(answer: Any, count: int) -> list[str]:
    if not isinstance(answer, dict) or "translations" not in answer:
        raise shape_error(SERVICE, "no 'translations' in the answer")
    translations = answer["translations"]
    if not isinstance(translations, list) or not all(isinstance(t, dict) for t in translations):
        raise shape_error(SERVICE, "'translations' is not a list of objects")
    return strings([t.get("text") for t in translations], count, service=SERVICE, what="text")
