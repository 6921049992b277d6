"""Post text: Markdown in, sanitized HTML out, rendered once when a post is saved.

markdown-it renders CommonMark with raw HTML disabled (it is shown as text), then nh3 keeps
only the allow-listed tags and attributes below, whatever the renderer produced. Links get
rel="nofollow ugc noopener". Images are shown as links, not loaded: a remote image would tell
its host who reads a thread, and these are professional, sometimes sensitive discussions.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote as url_quote

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["table", "strikethrough"]
)

# "@name" not preceded by a word character, a slash or another "@" (e-mail addresses).
MENTION = re.compile(r"(?<![\w/@.])@([\w.+-]{1,150})")
# Links to a post's permalink, as the quote button writes them: (/posts/123/)
QUOTED_POST = re.compile(r"\((?:/[a-z]{2}(?:-[a-z]+)?)?/posts/(\d+)/\)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def _image_as_link(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    src = escape(token.attrGet("src") or "")
    label = escape(self.renderInlineAsText(token.children or [], options, env) or src)
    return f'<a href="{src}">{label}</a>'


_markdown.add_render_rule("image", _image_as_link)


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _link_mentions(state) -> None:
    """ "@name" in running text (not in code, not inside a link) links to the member's profile
    (forum/views/people.py); who is notified is decided apart (mentioned_usernames)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, in_link = [], 0
        for token in block.children:
            in_link += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            if token.type != "text" or in_link or "@" not in token.content:
                children.append(token)
                continue
            text, last = token.content, 0
            for match in MENTION.finditer(text):
                name = match.group(1).rstrip(".")
                start, end = match.start(), match.start() + 1 + len(name)
                if start > last:
                    children.append(_text(text[last:start]))
                opening = Token("link_open", "a", 1)
                opening.attrSet("href", f"/members/u/{url_quote(name, safe='')}/")
                children += [opening, _text(f"@{name}"), Token("link_close", "a", -1)]
                last = end
            if last < len(text):
                children.append(_text(text[last:]))
        block.children = children


_markdown.core.ruler.push("mentions", _link_mentions)


def _demote_headings(tokens) -> None:
    # A post's "# Title" must not compete with the page's own h1/h2: shift by two levels.
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + 2)}"


def render(source: str) -> str:
    """Sanitized HTML for a post's Markdown source."""
    tokens = _markdown.parse(source)
    _demote_headings(tokens)
    return sanitize(_markdown.renderer.render(tokens, _markdown.options, {}))


def sanitize(html: str) -> str:
    """Only the allow-listed tags and attributes: what every post's HTML goes through, and a
    machine translation of it again (an engine must not be able to add markup)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )


def mentioned_usernames(source: str) -> set[str]:
    return {name.rstrip(".") for name in MENTION.findall(source)}


def quoted_post_ids(source: str) -> set[int]:
    return {int(pk) for pk in QUOTED_POST.findall(source)}


def escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def quote(*, author_name: str, post_id: int, source: str) -> str:
    """The Markdown a reply starts with when it quotes a post: who wrote it, and a link."""
    lines = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    return f"> **{escape_markdown(author_name)}** [wrote](/posts/{post_id}/):\n>\n{lines}\n\n"
