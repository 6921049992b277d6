"""What the hosted engines (DeepL, LibreTranslate, an OpenAI-compatible chat) share: their
settings, one JSON request over HTTP with the standard library, and batching.

Every way a request can go wrong — no answer, a timeout, an HTTP error, a body that is not
JSON or not the documented shape — ends in EngineError, whose message names the service and
what happened but never the API key (it is blanked out of anything a server echoes back).
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from forum import limits

from .base import EngineError, timeout_seconds

# A translation answer is a few times its request at most; anything far bigger is not one.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
# How much of a server's own error text goes into the message (its "message"/"error" field).
SERVER_TEXT_CHARS = 200

# The site's content languages every hosted engine is offered for (docs/translation.md): the
# eight interface languages and the other languages members write in most.
HOSTED_LANGUAGES = (
    "en",
    "es",
    "fr",
    "pt",
    "ar",
    "ru",
    "zh-hans",
    "de",
    "it",
    "uk",
    "tr",
    "pl",
    "nl",
    "ja",
    "ko",
)


def all_pairs(languages: tuple[str, ...], score: float) -> dict[tuple[str, str], float]:
    return {(a, b): score for a in languages for b in languages if a != b}


def base_url(url: str) -> str:
    return url.strip().rstrip("/")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would carry the Authorization header (and the posts) to another address;
    # a configured engine answers at its own URL or not at all.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _where(url: str) -> str:
    # Host and path only: a URL may carry credentials (https://user:secret@host/).
    parts = urlsplit(url)
    return f"{parts.hostname or '?'}{parts.path}"


def _server_text(raw: bytes) -> str:
    """The server's own explanation from an error body ({"message": ...}, {"error": ...}),
    shortened; nothing when the body is not one."""
    try:
        body = json.loads(raw.decode("utf-8", "replace"))
    except ValueError:
        return ""
    if isinstance(body, dict):
        for field in ("message", "error", "detail"):
            value = body.get(field)
            if isinstance(value, dict):  # OpenAI: {"error": {"message": ...}}
                value = value.get("message")
            if isinstance(value, str) and value.strip():
                return value.strip()[:SERVER_TEXT_CHARS]
    return ""


def request_json(
    url: str,
    *,
    service: str,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
    secret: str = "",
    timeout: float | None = None,
    explain: Mapping[int, str] | None = None,
) -> Any:
    """POST `body` as JSON (GET when there is none) and return the decoded JSON answer.

    Raises EngineError for any failure; `explain` adds words to an HTTP status (DeepL's 456).
    """

    def fail(problem: str) -> EngineError:
        message = f"{service} ({_where(url)}): {problem}"
        if secret:
            message = message.replace(secret, "[key]")
        return EngineError(message)

    if urlsplit(url).scheme not in ("http", "https"):
        raise fail("the address must start with http:// or https://")
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    method = "GET" if data is None else "POST"
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 (checked above)
    request.add_header("Accept", "application/json")
    request.add_header("User-Agent", "prosecutors-exchange-forum")
    if data is not None:
        request.add_header("Content-Type", "application/json; charset=utf-8")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    seconds = timeout_seconds() if timeout is None else timeout
    try:
        with _opener.open(request, timeout=seconds) as response:
            raw = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as error:
        status = error.code
        words = (explain or {}).get(status) or error.reason or ""
        try:
            said = _server_text(error.read(64 * 1024))
        except (OSError, http.client.HTTPException):
            said = ""
        finally:
            error.close()
        detail = f"{words}; the server said: {said}" if said else str(words)
        raise fail(f"answered HTTP {status} ({detail})") from None
    except TimeoutError:
        raise fail(f"no answer within {seconds:g} s") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise fail(f"no answer within {seconds:g} s") from None
        raise fail(f"could not be reached ({reason})") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise fail(f"the connection failed ({type(error).__name__}: {error})") from None
    if len(raw) > MAX_ANSWER_BYTES:
        raise fail(f"the answer is larger than {MAX_ANSWER_BYTES} bytes")
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:
        raise fail(f"the answer is not JSON ({raw[:60]!r}…)") from None


def shape_error(service: str, problem: str) -> EngineError:
    """A well-formed JSON answer that is not what the documented API returns."""
    return EngineError(f"{service}: unexpected answer: {problem}")


def strings(value: Any, count: int, *, service: str, what: str) -> list[str]:
    """`value` checked to be a list of exactly `count` strings."""
    if not isinstance(value, list):
        raise shape_error(service, f"{what} is {type(value).__name__}, not a list")
    if len(value) != count:
        raise shape_error(service, f"{len(value)} texts back for {count} sent")
    if not all(isinstance(item, str) for item in value):
        raise shape_error(service, f"{what} holds something other than text")
    return value


def translate_in_batches(
    texts: list[str],
    send: Callable[[list[str]], list[str]],
    *,
    max_texts: int = limits.TRANSLATION_BATCH_TEXTS,
    max_bytes: int,
) -> list[str]:
    """The texts translated one for one, in order: blank texts are kept as they are (never
    sent, never billed), the others sent in batches of at most `max_texts` texts and
    `max_bytes` bytes of UTF-8, one request after the other."""
    result = list(texts)
    batch: list[int] = []
    size = 0

    def flush() -> None:
        if not batch:
            return
        sent = [texts[i] for i in batch]
        answered = send(sent)
        if len(answered) != len(sent):  # each engine checks too; this guards the order
            raise EngineError(f"{len(answered)} texts back for {len(sent)} sent")
        for i, text in zip(batch, answered, strict=True):
            result[i] = text
        batch.clear()

    for index, text in enumerate(texts):
        if not text.strip():
            continue
        length = len(text.encode("utf-8"))
        if batch and (len(batch) >= max_texts or size + length > max_bytes):
            flush()
            size = 0
        batch.append(index)
        size += length
    flush()
    return result
