"""The text as the check reads it, with the way back to what the author typed.

Text written to slip past a check reads the same to a person: digits spaced out ("1 2 3 4 5"),
other scripts' digits ("١٢٣", "１２３"), zero-width characters inside a number or an address, or
a Cyrillic "а" inside a Latin e-mail. ``normalize`` undoes each of these, and remembers for every
character it keeps where it came from, so a span found in the normalized text is highlighted
(and redacted) in the author's own text, whole.

- Compatibility forms are folded (NFKC, one character at a time): fullwidth letters and digits,
  ligatures, superscripts.
- Every decimal digit of any script becomes its ASCII digit (NFKC leaves Arabic-Indic digits
  alone).
- Invisible characters (zero-width spaces and joiners, word joiner, soft hyphen, BOM, bidi
  marks) are dropped.
- In a word that mixes scripts (Latin letters or digits beside Cyrillic or Greek ones), the
  Cyrillic and Greek letters that look like Latin ones become those: a Russian word is left as
  it is, "mаria@mail.ru" with a Cyrillic "а" is read as Latin, and a Russian plate "А123ВС77"
  as "A123BC77".
- A run of four or more single digits with one space, dot, dash or underscore between each
  ("4 5 6 7 8 9") is read as one number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)

# Cyrillic and Greek letters drawn like Latin ones (read as Latin only inside mixed words).
LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТУХаеорсухіјѕԁԛԜԝІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοαν",
    "ABEKMHOPCTYXaeopcyxijsdqWwIJSABEZHIKMNOPTYXoav",
)
_LOOKALIKE_LETTERS = frozenset("АВЕКМНОРСТУХаеорсухіјѕԁԛԜԝІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοαν")

# A word of letters, digits and what joins the parts of an address or a number.
_WORD = re.compile(r"[\w@.+\-]+(?: \d[\w\-]*)?")  # with a number after it: "М-ХК 4521"
_SPACED_DIGITS = re.compile(r"(?<![\d])\d(?:(?:[ .\-_\u00a0]| - )\d){3,}(?![\d])")


@dataclass(frozen=True)
class Normalized:
    """``text``, and for each of its characters the index in the original it came from."""

    text: str
    origin: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's [start, end) for the normalized [start, end)."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def _fold(character: str) -> str:
    if character in INVISIBLE:
        return ""
    if unicodedata.category(character) == "Nd":
        return str(unicodedata.decimal(character))
    folded = unicodedata.normalize("NFKC", character)
    if folded != character and all(unicodedata.category(c) == "Nd" for c in folded):
        return "".join(str(unicodedata.decimal(c)) for c in folded)
    return folded


def _is_latin_or_digit(character: str) -> bool:
    return character.isdigit() or ("a" <= character.lower() <= "z")


def _unmix(text: str) -> str:
    """Lookalike letters read as Latin in words that mix them with Latin letters or digits."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if not any(c in _LOOKALIKE_LETTERS for c in word):
            return word
        if not any(_is_latin_or_digit(c) for c in word):
            return word  # a Russian or Greek word
        letters = [c for c in word if c.isalpha() and not ("a" <= c.lower() <= "z")]
        if not any("a" <= c.lower() <= "z" for c in word) and not all(
            c in _LOOKALIKE_LETTERS for c in letters
        ):
            return word  # Cyrillic with digits ("кв.7", "ОВД 5"): Russian, not a disguise
        return word.translate(LOOKALIKES)

    return _WORD.sub(fix, text)  # one letter for one letter: the offsets stay


def normalize(text: str) -> Normalized:
    characters: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        for folded in _fold(character):
            characters.append(folded)
            origin.append(index)
    folded_text = _unmix("".join(characters))
    # The separators of spaced-out digits go, and their origins with them.
    kept: list[str] = []
    kept_origin: list[int] = []
    position = 0
    for match in _SPACED_DIGITS.finditer(folded_text):
        kept.append(folded_text[position : match.start()])
        kept_origin.extend(origin[position : match.start()])
        for offset in range(match.start(), match.end()):
            if folded_text[offset].isdigit():
                kept.append(folded_text[offset])
                kept_origin.append(origin[offset])
        position = match.end()
    kept.append(folded_text[position:])
    kept_origin.extend(origin[position:])
    kept_origin.append(len(text))  # the end, for a span that reaches it
    return Normalized("".join(kept), tuple(kept_origin), text)
