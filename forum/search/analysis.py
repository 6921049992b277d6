"""Text analysis for the database engines, in Python: words, stop-words, stems, CJK bigrams.

PostgreSQL analyses text itself, with the text-search configuration of each entry's language
(``CONFIGS``); SQLite has no such thing, so its index holds terms analysed here. Both follow the
same rules, so a query finds the same posts on either stack:

- words are runs of letters and digits, lower-cased;
- the stop-words are Snowball's lists, the ones PostgreSQL's configurations use (copied from
  its ``tsearch_data``): Arabic and Chinese have none, as in PostgreSQL;
- stems are Snowball's (``snowballstemmer``), the algorithms of PostgreSQL's configurations;
- Chinese, Japanese and Korean text has no spaces: a run of such characters is indexed as its
  overlapping pairs of characters (bigrams), as Elasticsearch's ``cjk`` analyser does. On
  PostgreSQL the pairs are added to the entry beside the text (``cjk_terms``).

The same code parses a user's query (words, "quoted phrases", -excluded words) and marks the
matching words of a result for its snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# PostgreSQL text-search configuration and Snowball stemmer of each site language.
CONFIGS = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
    "ar": "arabic",
    "ru": "russian",
    "zh-hans": "simple",
    "de": "german",
}
STEMMERS = {code: name for code, name in CONFIGS.items() if name != "simple"}
STOPWORD_FILES = Path(__file__).parent / "stopwords"

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>[^\W_{_CJK}]+)")
_CJK_RUN = re.compile(rf"[{_CJK}]+")
# A query's parts: an optionally negated "phrase" (closing quote optional) or word.
_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')

MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in user text


def config_for(language: str) -> str:
    return CONFIGS.get(language, "simple")


@cache
def stopwords(language: str) -> frozenset[str]:
    name = CONFIGS.get(language, "")
    path = STOPWORD_FILES / f"{name}.stop"
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())


@cache
def _stemmer(language: str):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def _term(language: str, word: str) -> str | None:
    """A lower-cased word's indexed term, None for a stop-word. Snowball in pure Python costs
    about 0.1 ms a word and words repeat (Zipf): snippets and SQLite indexing reuse them."""
    if word in stopwords(language):
        return None
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def _bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    terms: tuple[str, ...]  # what the token is indexed as (none for a stop-word)


def tokens(text: str, language: str) -> list[Token]:
    """The words of ``text`` with their positions and the terms each is indexed as."""
    found = []
    for match in _TOKEN.finditer(text):
        if match.group("cjk"):
            found.append(Token(match.start(), match.end(), tuple(_bigrams(match.group()))))
            continue
        term = _term(language, match.group().lower())
        found.append(Token(match.start(), match.end(), () if term is None else (term,)))
    return found


def terms(text: str, language: str) -> list[str]:
    """The indexed terms of ``text``, in order (SQLite's index holds these)."""
    return [term for token in tokens(text, language) for term in token.terms]


def cjk_terms(text: str) -> str:
    """The bigrams of the text's CJK runs, space-separated ("" when it has none)."""
    return " ".join(pair for run in _CJK_RUN.findall(text) for pair in _bigrams(run))


def with_cjk_bigrams(text: str) -> str:
    """The text with each CJK run replaced by its bigrams (what PostgreSQL is given to parse)."""
    return _CJK_RUN.sub(lambda match: " ".join(_bigrams(match.group())) + " ", text)


# --- Queries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]  # one word, or a phrase (a quoted string or a word like "e-mail")
    negated: bool


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    clauses: tuple[Clause, ...]

    @property
    def has_words(self) -> bool:
        return any(not clause.negated for clause in self.clauses)

    def analysed(self, language: str) -> tuple[list[list[str]], list[list[str]]]:
        """(wanted, excluded): each a list of term sequences (a phrase has several terms)."""
        wanted: list[list[str]] = []
        excluded: list[list[str]] = []
        for clause in self.clauses:
            seq = [term for word in clause.words for term in terms(word, language)]
            if seq:
                (excluded if clause.negated else wanted).append(seq)
        return wanted, excluded

    def canonical(self) -> str:
        """The query rewritten with every word quoted: what PostgreSQL's websearch_to_tsquery and
        Elasticsearch's simple_query_string are given, so that neither reads an operator the
        other engines do not ("or", "|", "*", "~"): all three take words, "phrases" and -words."""
        return " ".join(
            ("-" if clause.negated else "") + '"' + " ".join(clause.words) + '"'
            for clause in self.clauses
        )

    def languages_with_terms(self) -> list[str]:
        """The site languages in which the query still has a word once stop-words are gone."""
        return [code for code in CONFIGS if self.analysed(code)[0]]

    def highlight_terms(self, language: str) -> frozenset[str]:
        wanted, _excluded = self.analysed(language)
        return frozenset(term for seq in wanted for term in seq)


def parse_query(text: str) -> ParsedQuery:
    """Words, "phrases" and -exclusions; every other character is only a separator, so no
    input is a syntax error (``*``, ``:``, ``(``, ``AND`` are plain text)."""
    clauses = []
    for match in _QUERY_PART.finditer(text):
        if match.group(2) is not None:
            negated, body = bool(match.group(1)), match.group(2)
        else:
            negated, body = bool(match.group(3)), match.group(4)
        words = tuple(m.group() for m in _TOKEN.finditer(body))
        if not words:
            continue
        if match.group(2) is not None:
            clauses.append(Clause(words, negated))
        else:  # a bare token such as foo:bar holds separate words, each wanted
            clauses.extend(Clause((word,), negated) for word in words)
    return ParsedQuery(text=text, clauses=tuple(clauses))


# --- Snippets -----------------------------------------------------------------------------


def highlight(text: str, language: str, wanted: frozenset[str], *, words: int = 0) -> str:
    """The text (or, with ``words``, the best window of that many words) with the words that
    match ``wanted`` between MARK_START and MARK_END. Plain text: escape it with ``render``."""
    text = without_marks(text)
    found = tokens(text, language)
    hits = [i for i, token in enumerate(found) if wanted.intersection(token.terms)]
    start_index, end_index = 0, len(found)
    if words and len(found) > words:
        best = (
            max(
                range(len(found) - words + 1),
                key=lambda i: (sum(1 for h in hits if i <= h < i + words), -i),
            )
            if hits
            else 0
        )
        # Start a few words before the first hit in the window, for context.
        first_hit = next((h for h in hits if best <= h < best + words), best)
        start_index = max(0, min(first_hit - 5, len(found) - words))
        end_index = start_index + words
    if not found:
        return text[:300]
    begin = 0 if start_index == 0 else found[start_index].start
    finish = len(text) if end_index >= len(found) else found[end_index - 1].end
    out, cursor = [], begin
    for i in hits:
        if start_index <= i < end_index:
            token = found[i]
            out.append(text[cursor : token.start])
            out.append(MARK_START + text[token.start : token.end] + MARK_END)
            cursor = token.end
    out.append(text[cursor:finish])
    snippet = "".join(out).strip()
    if begin > 0:
        snippet = "… " + snippet
    if finish < len(text):
        snippet += " …"
    return snippet


def without_marks(text: str) -> str:
    """The text without the two mark characters (a post could contain them)."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def render(marked: str) -> SafeString:
    """Escape a marked snippet and turn its marks into <mark> elements."""
    escaped = escape(marked)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308
