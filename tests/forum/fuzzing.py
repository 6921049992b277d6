"""The machinery of the form fuzz (tests/forum/test_fuzz_forms.py): what it sends (values drawn
from a form's own fields, hostile text carrying marker tags, junk), what it checks in what
comes back (no marker as markup, no script link, no 500), and the site's routes, walked from
the URL resolver."""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import count
from urllib.parse import quote, urlencode

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import strategies as st
from PIL import Image

from forum.services.posting import post_reply

MISSING = object()  # a field left out

# --- What is sent ----------------------------------------------------------------------------

# Any character a form can carry (lone surrogates cannot be encoded): controls and NUL included.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
# What a browser could send in a text field that passes validation (no control characters).
CLEAN = st.characters(exclude_categories=("Cs", "Cc"))
PAYLOADS = [
    "{m}",
    "<script>alert(1)</script>{m}",
    '"><img src=x onerror=alert(1)>{m}',
    "'><svg onload=alert(1)>{m}",
    '" autofocus onfocus="alert(1)" {m}',
    "[{m}](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1)) {m}",
    "![{m}](javascript:alert(1))",
    "[{m}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '[{m}](https://example.org "t\\" onmouseover=\\"alert(1)")',
    "<javascript:alert(1)> {m} <https://example.org/{m}>",
    "[a]: javascript:alert(1)\n\n[{m}][a]",
    "`{m}`\n\n```\n{m}\n```",
    "> {m}\n\n# {m}\n\n| {m} |\n|---|\n| {m} |",
    "&lt;x-fuzz-0&gt; &#60;x-fuzz-0&#62; {m}",
    "{{% debug %}}{{{{ request }}}} {m}",
    "@member @moderator {m} (/posts/1/)",
    "\u202e{m}\u200b{m}",
]
ODD = [
    "", " ", "0", "-1", "1", "2", "1.5", "1e309", "NaN", "inf", "true", "null", "[]", "{}",
    "on", "off", "9" * 20, "-" + "9" * 20, "0x10", " 1 ", "\x00", "\u202e",
    # str.isdigit() is true for these; int() refuses some of them
    "²", "١٢", "\U0001d7d9", "३", "⑦",
    "2024-02-30", "9999-12-31T23:59", "0000-00-00", "1970-01-01T00:00",
    "../../etc/passwd", "moderation", "thread:1", "%00", "a\r\nSet-Cookie: x=1",
]  # fmt: skip


def _marked(template: str, number: int, before: str, after: str) -> str:
    return before + template.replace("{m}", f"<x-fuzz-{number}>") + after


PAYLOAD = st.builds(
    _marked,
    st.sampled_from(PAYLOADS),
    st.integers(0, 10**6),
    st.text(CLEAN, max_size=12),
    st.text(CLEAN, max_size=12),
)
EDGES = [79, 80, 81, 149, 150, 151, 199, 200, 201, 1000, 1001, 20_000, 20_001]
LONG = st.builds(
    lambda text, size: (text * size)[:size],
    st.sampled_from(["x", "é", "😀", "<x-fuzz-0>", "a\n", "*"]),
    st.sampled_from(EDGES),
)
JUNK = st.one_of(TEXT, PAYLOAD, st.sampled_from(ODD), st.integers(-(2**70), 2**70).map(str), LONG)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(out, "PNG")
    return out.getvalue()


UPLOAD = st.builds(
    SimpleUploadedFile,
    st.sampled_from(
        [
            "a.png",
            "a.jpg",
            "a.svg",
            "a.html",
            "../../a.png",
            "<x-fuzz-1>.png",
            "a",
            "a.pdf",
            "a.docx",
            "<x-fuzz-3>.pdf",
            "\u202etxt.pdf",
            "C:\\x\\a.odt",
            ".pdf",
        ]
    ),
    st.one_of(
        st.just(_png()),
        st.just(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"),
        st.just(b"PK\x03\x04" + b"\x00" * 60),
        st.binary(max_size=200),
        st.just(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><x-fuzz-2/></svg>'),
        st.just(b"GIF89a<script>alert(1)</script>"),
    ),
    st.sampled_from(["image/png", "image/jpeg", "image/svg+xml", "text/html", ""]),
)


def _choices(field) -> list[str]:
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # a group of choices
            values += [str(v) for v, _ in label]
        elif str(value) != "":
            values.append(str(value))
    return values


def valid_value(field: forms.Field) -> st.SearchStrategy:
    """What a browser filling this field in correctly could send, attacks included."""
    if isinstance(field, forms.FileField):
        return UPLOAD
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(_choices(field) or [""]), max_size=3, unique=True)
    if hasattr(field, "choices"):
        return st.sampled_from(_choices(field) or [""])
    if isinstance(field, forms.IntegerField):
        low = field.min_value if field.min_value is not None else -5
        return st.integers(low, field.max_value or 10**6).map(str)
    if isinstance(field, forms.DateTimeField):
        return st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M"))
    if isinstance(field, forms.DateField):  # the calendar's ends overflow date arithmetic
        return st.one_of(st.sampled_from([date.min, date.max]), st.dates()).map(str)
    if isinstance(field, forms.EmailField):
        return st.integers(0, 10**9).map(lambda n: f"fuzz{n}@example.org")
    size = {"min_size": getattr(field, "min_length", None) or 0}
    size["max_size"] = min(getattr(field, "max_length", None) or 200, 200)
    return st.one_of(st.text(CLEAN, **size), PAYLOAD)


def form_strategy(form: forms.Form, overrides: dict) -> st.SearchStrategy[dict]:
    """Field values for this form: all valid, all valid but one, all junk, or a mix."""
    valid = {
        form.add_prefix(name): overrides.get(name, valid_value(field))
        for name, field in form.fields.items()
    }
    valid.update({key: value for key, value in overrides.items() if key not in form.fields})
    names = list(valid)
    bad = st.one_of(JUNK, st.lists(JUNK, min_size=2, max_size=3), st.just(MISSING))
    # Extra fields; in multipart a quote or a line break in a name breaks the test client's
    # encoder, not the site.
    keys = st.text(st.characters(codec="ascii", exclude_characters='"\r\n'), min_size=1)

    @st.composite
    def draw(draw) -> dict:
        mode = draw(st.sampled_from(["valid", "one bad", "all bad", "mixed"]))
        broken = draw(st.sampled_from(names)) if names and mode == "one bad" else None
        data = {}
        for name in names:
            junk = mode == "all bad" or name == broken or (mode == "mixed" and draw(st.booleans()))
            value = draw(bad if junk else valid[name])
            if value is not MISSING:
                data[name] = value
        if mode in ("all bad", "mixed"):
            data |= draw(st.dictionaries(keys, JUNK, max_size=3))
        return data

    return draw()


# --- What comes back -------------------------------------------------------------------------

MARKER = "<x-fuzz"
DANGEROUS_URL = re.compile(
    r"<[a-z]+\b[^<>]*\b(?:href|src|action|formaction|data)\s*=\s*[\"']?\s*"
    r"(?:javascript|vbscript|data):",
    re.IGNORECASE,
)


def check(response) -> None:
    assert response.status_code < 500, response.status_code
    if "html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode("utf-8", "replace")
    at = html.find(MARKER)
    assert at < 0, f"unescaped input in {response.request['PATH_INFO']}: {html[at - 200 : at + 80]}"
    link = DANGEROUS_URL.search(html)
    assert link is None, f"dangerous link in {response.request['PATH_INFO']}: {link.group(0)}"


def send(client: Client, method: str, url: str, data: dict, *, encoding: str):
    if method == "GET":
        query = {key: value for key, value in data.items() if not hasattr(value, "read")}
        return client.get(url, query, follow=True)
    if encoding == "multipart":
        return client.post(url, data, follow=True)
    pairs = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, getattr(item, "name", item)))  # an upload: its name, as text
    body = urlencode(pairs)
    return client.post(url, body, content_type="application/x-www-form-urlencoded", follow=True)


# --- The site the forms act on ---------------------------------------------------------------

serial = count()  # unique names and texts: the same text again finds the first post


@dataclass
class World:
    users: dict
    boards: dict
    thread: object
    other_thread: object

    def client(self, role: str) -> Client:
        client = Client()
        if role != "visitor":
            client.force_login(self.users[role])
        return client

    def reply(self, author: str = "member", thread=None):
        """A fresh reply (acts that consume their post: delete, hide, flag)."""
        return post_reply(
            author=self.users[author], thread=thread or self.thread, body=f"Reply {next(serial)}"
        )


@dataclass
class Target:
    role: str
    url: str
    form: forms.Form | None = None  # the fields, from the form the view itself uses
    overrides: dict = field(default_factory=dict)  # valid values the form cannot tell
    method: str = "POST"
    shown_on: list[tuple[str, str]] = field(default_factory=list)  # (role, url) after success
    prime: Callable[[Client], None] | None = None


def path_value(draw, *valid: str) -> str:
    """A value for a <str:...> part of a path: a valid one, or junk (percent-encoded)."""
    value = draw(st.one_of(st.sampled_from(valid), JUNK.filter(bool)), label="path")
    return quote(value, safe="")


# --- Routes ----------------------------------------------------------------------------------

# Staff-only third-party sites, with their own test suites.
NOT_FUZZED = ("admin/", "django-admin/")


def routes() -> list[tuple[str, str, Callable]]:
    """Every route of the site: (name, path pattern, view), admin sites left out."""

    def walk(patterns, prefix: str, namespace: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern), pattern.callback

    found = walk(get_resolver().url_patterns, "", "")
    return [route for route in found if not route[1].startswith(NOT_FUZZED)]


def reads_post(view: Callable) -> bool:
    """Whether a view takes a form: a class view with post(), or code that reads POST."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    return "POST" in inspect.getsource(inspect.unwrap(view))


# Regex routes: what a request to them looks like.
REGEX_PATHS = {
    "wagtaildocs_serve": lambda draw: f"documents/{draw(st.integers(0, 10**20))}/x.pdf",
    "wagtail_serve": lambda draw: draw(st.sampled_from(["en/", "en/programs/", "en/x-fuzz/"])),
}


def fill(pattern: str, name: str, draw) -> str:
    """A path for the route, each part a plausible or a hostile value."""
    if "^" in pattern:
        return "/" + REGEX_PATHS[name](draw)

    def part(match: re.Match) -> str:
        converter = match.group(1) or "str"
        if converter in ("int", "id"):  # forum.ids: every row id in a path parsed one way
            edges = st.sampled_from([0, 2**63 - 1, 2**63, 10**20 - 1, 10**20, 10**21])
            small, any_size = st.integers(0, 5), st.integers(0, 10**30)
            return str(draw(st.one_of(edges, small, any_size), label="id"))
        if converter == "slug":
            return draw(st.sampled_from(["juvenile-justice", "general", "practice", "x" * 300]))
        return path_value(draw, "approve", "set-password", "x")

    return "/" + re.sub(r"<(?:(\w+):)?\w+>", part, pattern)
