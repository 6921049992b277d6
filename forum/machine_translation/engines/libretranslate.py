"""A LibreTranslate server (https://docs.libretranslate.com), on when LIBRETRANSLATE_URL is set.

POST {url}/translate with {"q": [...], "source": "es", "target": "pt", "format": "text",
"api_key": ...} (the key only when LIBRETRANSLATE_API_KEY is set); the answer is
{"translatedText": [...]}, one for one.

Which languages it has depends on the models the server loaded, so pairs() asks the server
(GET {url}/languages: [{"code": "en", "name": "English", "targets": ["es", ...]}, ...]) — but
not on every page view: the answer is kept in the cache for an hour, the request waits at most
LANGUAGES_TIMEOUT seconds, and a server that did not answer is asked again only after a
minute (meanwhile the engine offers no pairs). A "languages" list in its settings (site codes)
replaces the question altogether.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache

from .base import EngineError, engine_settings, timeout_seconds
from .hosted import (
    all_pairs,
    base_url,
    request_json,
    shape_error,
    strings,
    translate_in_batches,
)

SERVICE = "LibreTranslate"
QUALITY = 0.6  # "fair": docs/translation.md
MAX_TEXTS = 50
MAX_BYTES = 20_000  # a server may set a lower --char-limit; its 400 then names it
LANGUAGES_KEEP_SECONDS = 3600
LANGUAGES_RETRY_SECONDS = 60
LANGUAGES_TIMEOUT = 3.0

# Server codes that are not the site's: self-hosted servers write Chinese "zh" (simplified)
# and "zt" (traditional), libretranslate.com "zh-Hans" and "zh-Hant"; "pt" is European and "pb"
# Brazilian Portuguese, both the site's "pt".
SITE_CODES = {"zh": "zh-hans", "zt": "zh-hant", "pb": "pt"}
# Used for a site code the server's own list does not settle (languages given in settings).
SERVER_CODES = {"zh-hans": "zh", "zh-hant": "zt"}
# Portuguese is written Brazilian on every route (docs/translation.md): "pb" when the server
# has it.
TARGET_FIRST = {"pt": "pb"}

# Server languages: {server code: [server codes it translates into]}.
ServerLanguages = dict[str, list[str]]


def site_code(server: str) -> str:
    code = server.strip().lower()
    return SITE_CODES.get(code, code)


def _languages_key(url: str) -> str:
    return "mt:libretranslate:languages:" + hashlib.sha256(url.encode()).hexdigest()[:16]


def forget_languages(url: str) -> None:
    """Drop the cached language list of the server at `url` (its models changed)."""
    cache.delete(_languages_key(base_url(url)))


def _read_languages(answer: Any) -> ServerLanguages:
    if not isinstance(answer, list) or not all(isinstance(item, dict) for item in answer):
        raise shape_error(SERVICE, "/languages is not a list of objects")
    codes = [item.get("code") for item in answer]
    if not all(isinstance(code, str) and code for code in codes):
        raise shape_error(SERVICE, "/languages has an entry without a code")
    languages: ServerLanguages = {}
    for item in answer:
        targets = item.get("targets")
        if not isinstance(targets, list):  # servers before 1.3 list no targets: all to all
            targets = codes
        languages[item["code"]] = [t for t in targets if isinstance(t, str)]
    return languages


def server_languages(url: str) -> ServerLanguages | None:
    """The server's languages, from the cache or asked once; None while it does not answer."""
    key = _languages_key(url)
    cached = cache.get(key)
    if cached is not None:
        return cached or None  # {} remembers a recent failure
    try:
        answer = request_json(
            f"{url}/languages",
            service=SERVICE,
            timeout=min(LANGUAGES_TIMEOUT, timeout_seconds()),
        )
        languages = _read_languages(answer)
    except EngineError:
        cache.set(key, {}, LANGUAGES_RETRY_SECONDS)
        return None
    cache.set(key, languages, LANGUAGES_KEEP_SECONDS)
    return languages


def _spelling(known: ServerLanguages, language: str) -> str:
    for code in known:
        if code.lower() == language:
            return code
    for code in known:
        if site_code(code) == language:
            return code
    return SERVER_CODES.get(language, language)


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, Iterable):
        return []
    return [code.strip().lower() for code in value if isinstance(code, str) and code.strip()]


class LibreTranslate:
    name = "libretranslate"

    def _url(self) -> str:
        return base_url(engine_settings(self.name).get("url") or "")

    def pairs(self) -> dict[tuple[str, str], float]:
        url = self._url()
        if not url:
            return {}
        given = _listed(engine_settings(self.name).get("languages"))
        if given:
            return all_pairs(tuple(dict.fromkeys(given)), QUALITY)
        languages = server_languages(url) or {}
        pairs: dict[tuple[str, str], float] = {}
        for source, targets in languages.items():
            for target in targets:
                a, b = site_code(source), site_code(target)
                if a and b and a != b:
                    pairs[(a, b)] = QUALITY
        return pairs

    def _codes(self, url: str, source: str, target: str) -> tuple[str, str]:
        """The server's spelling of the pair: its own /languages list decides when known."""
        if _listed(engine_settings(self.name).get("languages")):
            known: ServerLanguages = cache.get(_languages_key(url)) or {}
        else:
            known = server_languages(url) or {}  # cached: one question an hour at most
        first = _spelling(known, source)
        options = [code for code in known.get(first, []) if site_code(code) == target]
        if not options:
            return first, _spelling(known, target)
        preferred = TARGET_FIRST.get(target)
        return first, preferred if preferred in options else options[0]

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        url = self._url()
        if not url:
            raise EngineError("LibreTranslate is off: LIBRETRANSLATE_URL is not set")
        key = (engine_settings(self.name).get("api_key") or "").strip()
        server_source, server_target = self._codes(url, source, target)
        fields = {"source": server_source, "target": server_target, "format": "text"}
        if key:
            fields["api_key"] = key

        def send(batch: list[str]) -> list[str]:
            answer = request_json(
                f"{url}/translate", service=SERVICE, body={"q": batch, **fields}, secret=key
            )
            if not isinstance(answer, dict) or "translatedText" not in answer:
                raise shape_error(SERVICE, "no 'translatedText' in the answer")
            return strings(answer["translatedText"], len(batch), service=SERVICE, what="text")

        return translate_in_batches(texts, send, max_texts=MAX_TEXTS, max_bytes=MAX_BYTES)
