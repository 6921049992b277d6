"""The hosted engines (DeepL, LibreTranslate, an OpenAI-compatible chat) against a local HTTP
server that answers with the request and response shapes their APIs document; none of the
real services can be reached from the test machine."""

import copy
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from forum.machine_translation.engines import deepl, libretranslate, openai_chat
from forum.machine_translation.engines.base import EngineError
from forum.machine_translation.engines.deepl import DeepL
from forum.machine_translation.engines.libretranslate import LibreTranslate
from forum.machine_translation.engines.openai_chat import OpenAIChat

KEY = "k3y-0f-the-association-7f3a9c"  # any message that shows it fails the tests


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


def fake_translation(text: str, target: str) -> str:
    # Distinct per text and per target, so order and one-for-one are visible.
    return f"[{target}] {text[::-1]}"


@dataclass
class FakeService:
    """Answers like DeepL, LibreTranslate and a chat completions server, each at its own
    documented path; `reply` replaces the answer (status, JSON or bytes, delay in seconds)."""

    url: str = ""
    requests: list[Seen] = field(default_factory=list)
    reply: Any = None
    languages: list[dict[str, Any]] = field(
        default_factory=lambda: [
            {"code": "en", "name": "English", "targets": ["es", "pt", "zh"]},
            {"code": "es", "name": "Spanish", "targets": ["en", "pt"]},
            {"code": "pt", "name": "Portuguese", "targets": ["en", "es"]},
            {"code": "zh", "name": "Chinese", "targets": ["en"]},
        ]
    )

    def answer(self, seen: Seen) -> tuple[int, Any, float]:
        if self.reply is not None:
            return self.reply(seen)
        body = seen.body or {}
        if seen.path == "/v2/translate":
            if seen.headers.get("Authorization") != f"DeepL-Auth-Key {KEY}":
                return 403, {"message": "Authorization failure"}, 0
            source = body.get("source_lang", "EN")
            done = [fake_translation(t, body["target_lang"]) for t in body["text"]]
            answer = [{"detected_source_language": source, "text": t} for t in done]
            return 200, {"translations": answer}, 0
        if seen.path == "/languages":
            return 200, self.languages, 0
        if seen.path == "/translate":
            texts = body["q"]
            return 200, {"translatedText": [fake_translation(t, body["target"]) for t in texts]}, 0
        if seen.path == "/v1/chat/completions":
            texts = json.loads(body["messages"][1]["content"])
            return 200, chat_answer(json.dumps([fake_translation(t, "chat") for t in texts])), 0
        return 404, {"error": "Not Found"}, 0


def chat_answer(content: str, finish_reason: str = "stop") -> dict[str, Any]:
    message = {"role": "assistant", "content": content}
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def reply_with(status: int, payload: Any, delay: float = 0.0):
    return lambda seen: (status, payload, delay)


@pytest.fixture
def service():
    fake = FakeService()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw
            seen = Seen(self.command, self.path, dict(self.headers.items()), body)
            fake.requests.append(seen)
            status, payload, delay = fake.answer(seen)
            time.sleep(delay)
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            try:
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up (the timeout tests)

        do_GET = do_POST = _serve

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    libretranslate.forget_languages(fake.url)
    yield fake
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def engines(settings):
    """Point the engines' settings somewhere: engines(deepl={...}, timeout=...); every hosted
    engine is off unless given."""

    def configure(timeout: float = 5.0, **blocks: dict[str, Any]) -> None:
        conf = copy.deepcopy(settings.MACHINE_TRANSLATION)
        conf["TIMEOUT"] = timeout
        conf["ENGINES"]["deepl"] = {"auth_key": "", "url": ""}
        conf["ENGINES"]["libretranslate"] = {"url": "", "api_key": ""}
        conf["ENGINES"]["openai"] = {"url": "", "api_key": "", "model": "gpt-4o-mini"}
        conf["ENGINES"].update(blocks)
        settings.MACHINE_TRANSLATION = conf

    configure()
    return configure


def on_deepl(engines, service, **extra):
    engines(deepl={"auth_key": KEY, "url": service.url, **extra.pop("deepl", {})}, **extra)
    return DeepL()


def on_libretranslate(engines, service, api_key=KEY, **extra):
    engines(libretranslate={"url": service.url, "api_key": api_key}, **extra)
    return LibreTranslate()


def on_chat(engines, service, **extra):
    engines(openai={"url": f"{service.url}/v1", "api_key": KEY, "model": "local-model"}, **extra)
    return OpenAIChat()


ALL_ENGINES = [on_deepl, on_libretranslate, on_chat]


# --- DeepL ---


def test_deepl_sends_the_documented_request_and_gets_one_translation_per_text(engines, service):
    engine = on_deepl(engines, service)

    result = engine.translate(["Hola", "¿Qué tal?"], source="es", target="pt")

    assert result == [fake_translation("Hola", "PT-BR"), fake_translation("¿Qué tal?", "PT-BR")]
    [seen] = service.requests
    assert (seen.method, seen.path) == ("POST", "/v2/translate")
    assert seen.headers["Authorization"] == f"DeepL-Auth-Key {KEY}"
    assert seen.headers["Content-Type"].startswith("application/json")
    assert seen.body == {"text": ["Hola", "¿Qué tal?"], "source_lang": "ES", "target_lang": "PT-BR"}


@pytest.mark.parametrize(
    ("source", "target", "codes"),
    [
        ("en", "zh-hans", ("EN", "ZH-HANS")),
        ("zh-hans", "en", ("ZH", "EN-GB")),
        ("ar", "de", ("AR", "DE")),
        ("pt", "uk", ("PT", "UK")),
        ("ru", "fr", ("RU", "FR")),
    ],
)
def test_deepl_is_sent_its_own_language_codes(engines, service, source, target, codes):
    on_deepl(engines, service).translate(["x"], source=source, target=target)

    body = service.requests[0].body
    assert (body["source_lang"], body["target_lang"]) == codes


def test_deepl_address_follows_the_plan_of_the_key_unless_deepl_url_is_set(engines):
    engines(deepl={"auth_key": "abc:fx", "url": ""})
    assert DeepL().endpoint() == "https://api-free.deepl.com/v2/translate"
    engines(deepl={"auth_key": "abc", "url": ""})
    assert DeepL().endpoint() == "https://api.deepl.com/v2/translate"
    engines(deepl={"auth_key": "abc:fx", "url": "https://deepl.example.org/v2/"})
    assert DeepL().endpoint() == "https://deepl.example.org/v2/translate"


def test_deepl_sends_a_long_list_in_batches_and_keeps_the_order(engines, service, monkeypatch):
    monkeypatch.setattr(deepl, "MAX_TEXTS", 2)
    engine = on_deepl(engines, service)
    texts = ["uno", "", "dos", "tres", "  ", "cuatro", "cinco"]

    result = engine.translate(texts, source="es", target="en")

    sent = [seen.body["text"] for seen in service.requests]
    assert sent == [["uno", "dos"], ["tres", "cuatro"], ["cinco"]]  # blanks are never sent
    assert result == [
        fake_translation("uno", "EN-GB"),
        "",
        fake_translation("dos", "EN-GB"),
        fake_translation("tres", "EN-GB"),
        "  ",
        fake_translation("cuatro", "EN-GB"),
        fake_translation("cinco", "EN-GB"),
    ]


def test_deepl_batches_stay_under_its_request_size(engines, service, monkeypatch):
    monkeypatch.setattr(deepl, "MAX_BYTES", 10)
    engine = on_deepl(engines, service)

    engine.translate(["ééé", "ééé", "aaaa"], source="fr", target="de")  # é is 2 bytes

    assert [seen.body["text"] for seen in service.requests] == [["ééé"], ["ééé", "aaaa"]]


def test_only_blank_texts_make_no_request(engines, service):
    assert on_deepl(engines, service).translate(["", " "], source="es", target="en") == ["", " "]
    assert service.requests == []


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (429, "too many requests"),
        (456, "quota"),
        (500, "internal error"),
        (503, "unavailable"),
        (403, "key was refused"),
    ],
)
def test_deepl_refusals_are_engine_errors_that_never_show_the_key(engines, service, status, words):
    service.reply = reply_with(status, {"message": f"Refused for key {KEY}"})

    with pytest.raises(EngineError) as error:
        on_deepl(engines, service).translate(["Hola"], source="es", target="en")

    message = str(error.value)
    assert f"HTTP {status}" in message
    assert words in message
    assert KEY not in message
    assert "[key]" in message  # the server's echo was kept, the key blanked out


def test_deepl_answer_with_fewer_texts_than_sent_is_an_engine_error(engines, service):
    service.reply = reply_with(200, {"translations": [{"text": "only one"}]})

    with pytest.raises(EngineError, match="1 texts back for 2 sent"):
        on_deepl(engines, service).translate(["a", "b"], source="es", target="en")


@pytest.mark.parametrize(
    "payload",
    [
        b"<html><body>Bad gateway</body></html>",
        {"translation": []},
        {"translations": "Hola"},
        {"translations": [{"text": 3}]},
        [1, 2],
    ],
)
def test_deepl_garbage_answer_is_an_engine_error(engines, service, payload):
    service.reply = reply_with(200, payload)

    with pytest.raises(EngineError) as error:
        on_deepl(engines, service).translate(["a"], source="es", target="en")
    assert "DeepL" in str(error.value)


# --- faults every hosted engine shares ---


@pytest.mark.parametrize("switch_on", ALL_ENGINES)
def test_a_server_slower_than_the_timeout_is_an_engine_error_at_the_timeout(
    engines, service, switch_on
):
    engine = switch_on(engines, service, timeout=0.2)
    service.reply = reply_with(200, {}, delay=1.5)

    started = time.monotonic()
    with pytest.raises(EngineError, match=r"no answer within 0\.2 s"):
        engine.translate(["Hola"], source="es", target="en")
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("switch_on", ALL_ENGINES)
def test_a_server_that_is_not_there_is_an_engine_error(engines, service, switch_on):
    engine = switch_on(engines, service)
    engines(
        deepl={"auth_key": KEY, "url": "http://127.0.0.1:9"},
        libretranslate={"url": "http://127.0.0.1:9", "api_key": KEY},
        openai={"url": "http://127.0.0.1:9/v1", "api_key": KEY, "model": "m"},
    )

    with pytest.raises(EngineError, match="could not be reached") as error:
        engine.translate(["Hola"], source="es", target="en")
    assert KEY not in str(error.value)


@pytest.mark.parametrize("switch_on", ALL_ENGINES)
def test_a_redirect_is_not_followed_so_the_key_goes_nowhere_else(engines, service, switch_on):
    engine = switch_on(engines, service)
    service.reply = reply_with(302, {})

    with pytest.raises(EngineError, match="HTTP 302"):
        engine.translate(["Hola"], source="es", target="en")
    assert [seen.path for seen in service.requests] != []
    assert all(seen.path != "/elsewhere" for seen in service.requests)


@pytest.mark.parametrize("switch_on", ALL_ENGINES)
def test_markup_in_an_answer_comes_back_as_the_same_text(engines, service, switch_on):
    engine = switch_on(engines, service)
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    service.reply = lambda seen: {
        "/v2/translate": (200, {"translations": [{"text": evil}]}, 0),
        "/translate": (200, {"translatedText": [evil]}, 0),
        "/v1/chat/completions": (200, chat_answer(json.dumps([evil])), 0),
        "/languages": (200, service.languages, 0),
    }[seen.path]

    assert engine.translate(["Hola"], source="es", target="en") == [evil]


def test_every_hosted_engine_is_off_without_its_settings(engines, service):
    engines(openai={"url": "", "api_key": KEY, "model": "gpt-4o-mini"})  # a key alone: off

    for engine in (DeepL(), LibreTranslate(), OpenAIChat()):
        assert engine.pairs() == {}
        with pytest.raises(EngineError, match="is off"):
            engine.translate(["Hola"], source="es", target="en")
    assert service.requests == []


@pytest.mark.parametrize("switch_on", [on_deepl, on_chat])
def test_deepl_and_the_chat_engine_offer_every_pair_of_the_hosted_languages_as_good(
    engines, service, switch_on
):
    pairs = switch_on(engines, service).pairs()

    assert len(pairs) == 15 * 14
    assert set(pairs.values()) == {0.9}
    assert {("es", "pt"), ("zh-hans", "ar"), ("de", "ru"), ("uk", "ko"), ("tr", "en")} <= set(pairs)
    assert ("en", "en") not in pairs
    assert service.requests == []  # no network call to know them


# --- LibreTranslate ---


def test_libretranslate_sends_the_documented_request(engines, service):
    engine = on_libretranslate(engines, service)

    result = engine.translate(["Hola", "Adiós"], source="es", target="pt")

    assert result == [fake_translation("Hola", "pt"), fake_translation("Adiós", "pt")]
    [seen] = [seen for seen in service.requests if seen.path == "/translate"]
    assert seen.method == "POST"
    assert seen.body == {
        "q": ["Hola", "Adiós"],
        "source": "es",
        "target": "pt",
        "format": "text",
        "api_key": KEY,
    }


def test_libretranslate_without_a_key_sends_none(engines, service):
    on_libretranslate(engines, service, api_key="").translate(["Hola"], source="es", target="en")

    assert "api_key" not in service.requests[-1].body


def test_libretranslate_pairs_come_from_its_languages_asked_once_then_cached(engines, service):
    engine = on_libretranslate(engines, service)

    first = engine.pairs()
    second = engine.pairs()

    assert first == second
    assert set(first.values()) == {0.6}
    expected = "en>es en>pt en>zh-hans es>en es>pt pt>en pt>es zh-hans>en"
    assert set(first) == {tuple(pair.split(">")) for pair in expected.split()}
    assert [(seen.method, seen.path) for seen in service.requests] == [("GET", "/languages")]


@pytest.mark.parametrize(("server_code", "sent"), [("zh", "zh"), ("zh-Hans", "zh-Hans")])
def test_libretranslate_is_sent_chinese_as_its_server_spells_it(
    engines, service, server_code, sent
):
    service.languages = [
        {"code": "en", "name": "English", "targets": [server_code]},
        {"code": server_code, "name": "Chinese", "targets": ["en"]},
    ]
    engine = on_libretranslate(engines, service)
    assert ("en", "zh-hans") in engine.pairs()

    engine.translate(["Hello"], source="en", target="zh-hans")

    assert service.requests[-1].body["target"] == sent


@pytest.mark.parametrize(("source", "sent"), [("en", "pb"), ("es", "pt")])
def test_libretranslate_writes_brazilian_portuguese_where_the_server_can(
    engines, service, source, sent
):
    service.languages = [
        {"code": "en", "name": "English", "targets": ["pt", "pb"]},
        {"code": "es", "name": "Spanish", "targets": ["pt"]},
        {"code": "pt", "name": "Portuguese", "targets": ["en"]},
        {"code": "pb", "name": "Portuguese (Brazil)", "targets": ["en"]},
    ]

    on_libretranslate(engines, service).translate(["Hello"], source=source, target="pt")

    assert [seen.path for seen in service.requests] == ["/languages", "/translate"]
    assert service.requests[-1].body["target"] == sent


def test_libretranslate_languages_given_in_settings_ask_the_server_nothing(engines, service):
    engines(libretranslate={"url": service.url, "api_key": "", "languages": "en, es,it"})

    pairs = LibreTranslate().pairs()

    assert set(pairs) == {(a, b) for a in ("en", "es", "it") for b in ("en", "es", "it") if a != b}
    assert service.requests == []


def test_libretranslate_down_offers_no_pairs_and_is_not_asked_again_at_once(engines, service):
    engine = on_libretranslate(engines, service, timeout=0.2)
    service.reply = reply_with(502, b"Bad Gateway")

    started = time.monotonic()
    assert engine.pairs() == {}
    assert engine.pairs() == {}
    assert time.monotonic() - started < 1.0
    assert len(service.requests) == 1


@pytest.mark.parametrize("status", [400, 403, 429, 500])
def test_libretranslate_errors_are_engine_errors_that_never_show_the_key(engines, service, status):
    service.reply = reply_with(status, {"error": f"Invalid API key {KEY}"})

    with pytest.raises(EngineError, match=f"HTTP {status}") as error:
        on_libretranslate(engines, service).translate(["Hola"], source="es", target="en")
    assert KEY not in str(error.value)


@pytest.mark.parametrize(
    "payload",
    [{"translatedText": "Hello"}, {"translatedText": ["a", "b"]}, {"error": None}, b"\xff\xfe"],
)
def test_libretranslate_wrong_shape_or_count_is_an_engine_error(engines, service, payload):
    service.reply = lambda seen: (
        (200, service.languages, 0) if seen.path == "/languages" else (200, payload, 0)
    )

    with pytest.raises(EngineError, match="LibreTranslate"):
        on_libretranslate(engines, service).translate(["Hola"], source="es", target="en")


# --- OpenAI-compatible chat ---


def test_chat_engine_sends_the_texts_as_a_json_array_with_a_system_message(engines, service):
    engine = on_chat(engines, service)

    result = engine.translate(["Buenos días", "La fiscalía"], source="es", target="zh-hans")

    assert result == [
        fake_translation("Buenos días", "chat"),
        fake_translation("La fiscalía", "chat"),
    ]
    [seen] = service.requests
    assert (seen.method, seen.path) == ("POST", "/v1/chat/completions")
    assert seen.headers["Authorization"] == f"Bearer {KEY}"
    assert seen.body["model"] == "local-model"
    assert seen.body["temperature"] == 0
    system, user = seen.body["messages"]
    assert system["role"] == "system"
    assert user["role"] == "user"
    assert "JSON array of exactly 2 strings" in system["content"]
    assert "written in Spanish" in system["content"]
    assert "into Simplified Chinese" in system["content"]
    assert json.loads(user["content"]) == ["Buenos días", "La fiscalía"]


def test_chat_engine_without_a_key_sends_no_authorization(engines, service):
    engines(openai={"url": f"{service.url}/v1", "api_key": "", "model": "m"})

    OpenAIChat().translate(["Hola"], source="es", target="en")

    assert "Authorization" not in service.requests[0].headers


@pytest.mark.parametrize(
    "content",
    [
        '```json\n["Good morning", "Hello"]\n```',
        '```\n["Good morning", "Hello"]```',
        '  ["Good morning", "Hello"]\n',
    ],
)
def test_chat_engine_reads_a_bare_or_fenced_json_array(engines, service, content):
    service.reply = reply_with(200, chat_answer(content))

    result = on_chat(engines, service).translate(["Buenos días", "Hola"], source="es", target="en")

    assert result == ["Good morning", "Hello"]


@pytest.mark.parametrize(
    "content",
    [
        '["Good morning"]',
        '["Good morning", "Hello", "Extra"]',
        '{"translations": ["Good morning", "Hello"]}',
        "Here are your translations: Good morning; Hello",
        '["Good morning", 2]',
        None,
    ],
)
def test_chat_engine_wrong_count_or_not_an_array_is_an_engine_error(engines, service, content):
    service.reply = reply_with(200, chat_answer(content))

    with pytest.raises(EngineError, match="OpenAI-compatible chat"):
        on_chat(engines, service).translate(["Buenos días", "Hola"], source="es", target="en")


@pytest.mark.parametrize("payload", [{"choices": []}, {"object": "error"}, b"not json"])
def test_chat_engine_answer_without_a_choice_is_an_engine_error(engines, service, payload):
    service.reply = reply_with(200, payload)

    with pytest.raises(EngineError):
        on_chat(engines, service).translate(["Hola"], source="es", target="en")


def test_chat_engine_reply_cut_off_at_its_token_limit_is_an_engine_error(engines, service):
    service.reply = reply_with(200, chat_answer('["Good', finish_reason="length"))

    with pytest.raises(EngineError, match="cut off"):
        on_chat(engines, service).translate(["Hola"], source="es", target="en")


@pytest.mark.parametrize("status", [401, 429, 500])
def test_chat_engine_errors_are_engine_errors_that_never_show_the_key(engines, service, status):
    service.reply = reply_with(
        status, {"error": {"message": f"Incorrect API key provided: {KEY}", "type": "x"}}
    )

    with pytest.raises(EngineError, match=f"HTTP {status}") as error:
        on_chat(engines, service).translate(["Hola"], source="es", target="en")
    assert KEY not in str(error.value)
    assert "Incorrect API key provided" in str(error.value)


def test_chat_engine_sends_long_lists_in_several_requests_in_order(engines, service, monkeypatch):
    monkeypatch.setattr(openai_chat, "MAX_TEXTS", 3)
    texts = [f"texto {n}" for n in range(7)]

    result = on_chat(engines, service).translate(texts, source="es", target="en")

    assert result == [fake_translation(t, "chat") for t in texts]
    sent = [json.loads(seen.body["messages"][1]["content"]) for seen in service.requests]
    assert sent == [texts[0:3], texts[3:6], texts[6:7]]


def test_chat_engine_asks_for_the_variants_the_other_routes_write(engines, service):
    on_chat(engines, service).translate(["Hola"], source="es", target="pt")
    on_chat(engines, service).translate(["Hola"], source="pt", target="en")

    prompts = [seen.body["messages"][0]["content"] for seen in service.requests]
    assert "into Brazilian Portuguese" in prompts[0]
    assert "written in Portuguese" in prompts[1]
    assert "into English (British spelling)" in prompts[1]
