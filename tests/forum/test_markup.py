"""Post rendering: Markdown in, only allow-listed HTML out, whatever the author typed."""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from forum.markup import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    mentioned_usernames,
    quote,
    quoted_post_ids,
    render,
)

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](java&#09;script:alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](https://example.org/a.png)',
    '[x](https://example.org/" onmouseover="alert(1))',
    "<a href='https://example.org' onclick='alert(1)'>x</a>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "```\n<script>alert(1)</script>\n```",
    "`<img src=x onerror=alert(1)>`",
    "> <script>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    '[x](https://example.org "title\\" onclick=alert(1)")',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "| a |\n|---|\n| <script>alert(1)</script> |",
    "<!--><script>alert(1)</script>-->",
]

URL_ATTRIBUTES = {"href"}


def url_scheme(url: str) -> str:
    """The scheme a browser would see (it drops tabs and newlines, and leading spaces)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(33))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


class Inspector(HTMLParser):
    """Collects every tag and attribute a browser would see in the rendered HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()) and not (
                tag == "a" and name == "rel"
            ):
                self.problems.append(f"attribute {tag}.{name}")
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(value or "")
                if scheme and scheme not in {"http", "https", "mailto"}:
                    self.problems.append(f"url {value}")
            if tag == "a" and name == "rel":
                assert value == "nofollow ugc noopener"


def problems(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


def test_the_corpus_has_at_least_thirty_payloads():
    assert len(XSS_PAYLOADS) >= 30


def test_no_xss_payload_survives_rendering():
    for payload in XSS_PAYLOADS:
        html = render(payload)
        assert problems(html) == [], (payload, html)
        assert "<script" not in html.lower()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_renders_to_allowed_tags_and_attributes_only(text):
    assert problems(render(text)) == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                '"',
                "'",
                "[",
                "]",
                "(",
                ")",
                "!",
                "*",
                "`",
                "#",
                "\n",
                " ",
                "&",
                "javascript:",
                "on",
                "=",
                "a",
                "img",
                "script",
                "href",
                "http://x",
                "|",
                "-",
                ">",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_markdown_and_html_fragments_never_produce_unsafe_output(text):
    assert problems(render(text)) == []


def test_markdown_renders_and_links_get_rel_nofollow_ugc_noopener():
    html = render("**bold** *it* `code` [site](https://example.org)\n\n- a\n- b")

    assert "<strong>bold</strong>" in html
    assert "<em>it</em>" in html
    assert "<code>code</code>" in html
    assert '<a href="https://example.org" rel="nofollow ugc noopener">site</a>' in html
    assert "<ul>" in html


def test_headings_are_demoted_below_the_pages_own():
    assert render("# Title").strip() == "<h3>Title</h3>"


def test_images_become_links_and_are_never_loaded():
    html = render("![chart](https://example.org/chart.png)")

    assert "<img" not in html
    assert 'href="https://example.org/chart.png"' in html


def test_a_quote_names_and_links_its_source_and_is_found_again():
    text = quote(author_name="Ana *M*", post_id=42, source="first line\nsecond")

    assert text.startswith("> **Ana \\*M\\*** [wrote](/posts/42/):")
    assert quoted_post_ids(text + "my answer") == {42}
    assert '<a href="/posts/42/"' in render(text)


def test_mentions_are_found_but_not_email_addresses_or_paths():
    text = "Thanks @ana.m and @bob! Mail me at carl@example.org, see /@dan"

    assert mentioned_usernames(text) == {"ana.m", "bob"}
